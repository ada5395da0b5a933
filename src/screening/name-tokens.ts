/**
 * A name as a list of classified tokens: the unit the index stores and the scorer aligns.
 * Legal forms become one canonical token (`#sas`) whatever their spelling; particles
 * (`de`, `del`, `la`, `y`), titles and generic company words are marked so they weigh little;
 * single letters are initials. OFAC's `SURNAMES, Given names` order is recognised from the comma
 * and recorded as token roles, which the explanation reports; matching itself is order-free
 * because natural order, OFAC order and swapped surnames (Ley 2129 de 2021, colombia.md §4) are
 * all legitimate.
 *
 * @module
 */
import type { EntityType } from '../watchlist/watchlist-entry.js';
import { foldLatin1Name } from './latin-fold.js';
import { correctLegalWord, findLegalForms } from './legal-forms.js';
import { GENERIC_COMPANY_WORDS, PARTICLES, STOPWORDS, TITLES } from './name-words.js';
import { normalizeName, type NormalizedWord } from './normalize-name.js';
import { boundedEditDistance } from './token-similarity.js';
import type { Script } from './unicode-scripts.js';

/** What a token is, which decides how much it weighs. */
export type TokenKind =
  'word' | 'particle' | 'stopword' | 'title' | 'generic' | 'legal' | 'initial' | 'number';

/** Family name (before OFAC's comma), given name (after it), or unknown (natural order). */
export type TokenRole = 'family' | 'given' | 'unknown';

/** One token of an analyzed name. */
export interface NameToken {
  /** Folded Latin text; legal forms use their canonical id prefixed with `#` (`#sas`). */
  readonly text: string;
  readonly kind: TokenKind;
  /** The script the word was written in. */
  readonly script: Script;
  /** The folded words it came from (`sociedad por acciones simplificada` for `#sas`). */
  readonly surface: string;
  readonly role: TokenRole;
}

/** A name ready for indexing or matching. */
export interface AnalyzedName {
  readonly tokens: readonly NameToken[];
  /** True when written `SURNAMES, Given names`. */
  readonly surnameFirst: boolean;
}

/** Prefix that keeps legal-form ids apart from ordinary words in the vocabulary. */
export const LEGAL_PREFIX = '#';

/** Options of `analyzeName`. */
export interface AnalyzeOptions {
  /**
   * Words known to be names (the index vocabulary). When given, any other word within one typo
   * of a legal-form word is read as that word (`LIIMTED LIABLITY` → `LIMITED LIABILITY`).
   */
  readonly knownWord?: (word: string) => boolean;
}

/** Analyzes a raw name. `entityType` (when known) turns company-only rules off for people. */
export function analyzeName(
  raw: string,
  entityType?: EntityType,
  options: AnalyzeOptions = {},
): AnalyzedName {
  const segments = normalizeName(foldLatin1Name(raw) ?? raw).segments;
  const person = entityType === 'individual';
  const surnameFirst = entityType !== 'entity' && segments.length >= 2 && segments[0]!.length > 0;
  const known = options.knownWord;
  const roled = withRoles(segments, surnameFirst);
  const words = mergeArabicCompounds(
    known === undefined ? roled : roled.map((w) => correctAbd(w, known)),
  );
  const legalWords = words.map((w) => legalWord(w.text, known));
  const legal = person ? [] : findLegalForms(legalWords);
  const tokens: NameToken[] = [];
  for (let i = 0, span = 0; i < words.length; i++) {
    const legalSpan = legal[span];
    if (legalSpan !== undefined && legalSpan.start === i) {
      tokens.push(legalToken(words.slice(i, i + legalSpan.length), legalSpan.id));
      i += legalSpan.length - 1;
      span++;
      continue;
    }
    tokens.push(wordToken(words[i]!, person));
  }
  return { tokens, surnameFirst: surnameFirst && legal.length === 0 };
}

/**
 * The name in natural order when OFAC's comma splits an Arabic compound: `KARIM, Abdul` is
 * `Abdul KARIM`, whose `Abdul` + `KARIM` merge into the one token `abdulkarim`, the way a query
 * written in natural order reads. Undefined unless the given names end with a bare `abd…` word
 * after a comma (most names: no second reading, no second analysis). Companies count too,
 * since a name compared without a type is read as one. The index keeps both readings, so
 * `Karim Abdul` still matches the name as written.
 */
export function naturalOrderCompoundReading(
  raw: string,
  analyzed: AnalyzedName,
): string | undefined {
  const last = analyzed.tokens.at(-1);
  if (last === undefined || !ABD.has(last.text) || !raw.includes(',')) {
    return undefined;
  }
  const segments = raw.split(',').map((s) => s.trim());
  if (segments.length < 2 || segments.at(-1) === '') {
    return undefined;
  }
  return [...segments.slice(1), segments[0]!].filter((s) => s !== '').join(' ');
}

/** Most words kept by `memoCorrectLegalWord` (emptied when full). */
const LEGAL_MEMO_LIMIT = 50_000;
const legalCorrections = new Map<string, string>();

/** `correctLegalWord`, remembered per word: customer names repeat their unlisted words. */
function memoCorrectLegalWord(word: string): string {
  let corrected = legalCorrections.get(word);
  if (corrected === undefined) {
    if (legalCorrections.size >= LEGAL_MEMO_LIMIT) {
      legalCorrections.clear();
    }
    corrected = correctLegalWord(word);
    legalCorrections.set(word, corrected);
  }
  return corrected;
}

/**
 * The word as read for legal forms: a word that is not a listed name and is one typo from a
 * legal-form word is read as that word. The correction is looked up first (most words have
 * none), so the vocabulary is consulted only for words that could be corrected.
 */
function legalWord(text: string, known: ((word: string) => boolean) | undefined): string {
  if (known === undefined) {
    return text;
  }
  const corrected = memoCorrectLegalWord(text);
  return corrected === text || known(text) ? text : corrected;
}

/** A normalized word with its role and the words it was merged from. */
interface RoledWord extends NormalizedWord {
  readonly role: TokenRole;
  readonly surface: string;
}

/** Words with roles: the first comma segment is the family name when `surnameFirst`. */
function withRoles(
  segments: readonly (readonly NormalizedWord[])[],
  surnameFirst: boolean,
): RoledWord[] {
  const out: RoledWord[] = [];
  for (let index = 0; index < segments.length; index++) {
    const role: TokenRole = !surnameFirst ? 'unknown' : index === 0 ? 'family' : 'given';
    for (const word of segments[index]!) {
      out.push({ text: word.text, script: word.script, role, surface: word.text });
    }
  }
  return out;
}

/** `abd`, `abdel`, `abdul`, … : the first part of Arabic theophoric names. */
const ABD = new Set(['abd', 'abdel', 'abdul', 'abdal', 'abdol', 'abdu', 'abdur', 'abdus']);
/** The Arabic article and its assimilated spellings (`ar-Rahman`, `ash-Shafi`). */
const ARTICLES = new Set([
  'al',
  'el',
  'ul',
  'ar',
  'as',
  'ad',
  'at',
  'an',
  'az',
  'ash',
  'ur',
  'ud',
  'us',
  'ed',
  'er',
  'es',
  'ez',
]);
/** `din` ("religion"), the second part of names such as `Siraj al-Din` (`دن` without its `ي`). */
const DIN = new Set(['din', 'deen', 'dine', 'dean', 'dn']);
/** `…uddin` written as a separate word (`SIRAJ UDDIN`, `NUR EDDINE`, `NOR ELDIN`). */
const DIN_WORD = /^[uaeoi]l?d+(?:in|een|ine)$/;
/** `Allah` after the article (`NUR AL-LAH`, Arabic `نور الله` read `nur al lh`). */
const LAH = new Set(['lah', 'lh', 'llah', 'lla']);
/** `Allah` as a separate word (`NUR ALLAH`, `HIDAYAT ULLAH`). */
const ALLAH = new Set(['allah', 'ullah', 'ulla', 'illah', 'ollah']);

/**
 * Writes Arabic compound names as one word, however they were split: `ABD AL-MALIK`,
 * `ABDEL MALEK`, `Abdulmalik` and `عبد المالك` all become one token, and so do `SIRAJ AL-DIN`,
 * `SIRAJ UDDIN` and `SIRAJUDDIN`; then spells them one way (`canonicalCompound`), so that they
 * align one to one. Merged words take the first one's role.
 */
function mergeArabicCompounds(words: RoledWord[]): RoledWord[] {
  if (!words.some((w) => MAY_COMPOUND.test(w.text))) {
    return words;
  }
  const out: RoledWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const length = compoundLength(words, i);
    const parts = words.slice(i, i + length);
    const text = canonicalCompound(parts.map((w) => w.text).join(''));
    out.push(
      length === 1 && text === parts[0]!.text
        ? parts[0]!
        : { ...parts[0]!, text, surface: parts.map((w) => w.surface).join(' ') },
    );
    i += length - 1;
  }
  return out;
}

/** How many words form a compound starting at `i` (1 when none does). */
function compoundLength(words: readonly RoledWord[], i: number): number {
  const next = words[i + 1]?.text;
  const after = words[i + 2]?.text;
  if (next === undefined) {
    return 1;
  }
  if (
    ARTICLES.has(next) &&
    after !== undefined &&
    (ABD.has(words[i]!.text) || DIN.has(after) || LAH.has(after))
  ) {
    return 3;
  }
  if (DIN_WORD.test(next) || ALLAH.has(next)) {
    return 2;
  }
  // `'ABDU, Abdallah`: a name of its own before another `abd…` word, not its first part.
  return ABD.has(words[i]!.text) &&
    !ARTICLES.has(next) &&
    !PARTICLES.has(next) &&
    !next.startsWith('abd')
    ? 2
    : 1;
}

/**
 * A Latin query word one typo away from `abd`/`abdul`/`abdel` (`ABDLU`, `ADB`, `ABWDUL`) that is
 * not a listed word is read as that form, so the compound it opens is still merged. It must
 * keep both `b` and `d` (`ADEL`, `ASD`, `ABL` are other names), and a word read from Arabic
 * script is a transliteration, not a typo.
 */
function correctAbd(word: RoledWord, known: (word: string) => boolean): RoledWord {
  if (
    word.script !== 'latin' ||
    ABD.has(word.text) ||
    word.text.length < 3 ||
    word.text.length > 7 ||
    !word.text.includes('b') ||
    !word.text.includes('d') ||
    known(word.text)
  ) {
    return word;
  }
  for (const form of ['abdul', 'abdel', 'abd']) {
    if (boundedEditDistance(word.text, form, 1) <= 1) {
      return { ...word, text: form };
    }
  }
  return word;
}

/** Cheap pre-check: only names with one of these can hold a compound (most names have none). */
const MAY_COMPOUND =
  /^abd|d(?:in|een|ine|ean)$|ll?a?k?h$|ulla$|^(?:al|el|ul|ar|as|ad|at|an|az|ash|ur|ud|us|ed|er|es|ez)$/;

const ABD_PREFIX = /^(?:abdul|abdel|abdal|abdol|abdu|abd)(?=..)/;
/** `aldn`: `الدن`, `الدين` without its `ي`, read from Arabic script. */
const DIN_SUFFIX = /^(.{2,}?)(?:[uaeoi]l?d+(?:in|een|ine)|aldin|aldeen|eldin|eldine|aldn)$/;
const ALLAH_SUFFIX = /^(.{2,}?)(?:ull?a?k?h|olla?k?h|alla?k?h|illa?k?h|ulla|l?lakh)$/;

/**
 * One spelling for compound names: `abdul` + name (`ABDELMALEK`, `ABD AL-MALIK`, `ABDURRAHMAN`
 * → `abdulmalek`, `abdulmalik`, `abdulrahman`), name + `uddin` (`SAIF AL-DIN`, `SAIFUDDIN`,
 * `SAYF EDDINE` → `saifuddin`, `sayfuddin`) and name + `ullah` (`NUR ALLAH`, `NURULLAH`,
 * `نور الله` → `nurullah`). Only the connecting part changes; the names
 * themselves still go through typo, phonetic and skeleton matching.
 */
export function canonicalCompound(text: string): string {
  let out = text;
  const abd = ABD_PREFIX.exec(out);
  if (abd !== null && out.length >= 6) {
    let rest = out.slice(abd[0].length);
    if (/^(?:al|el|ul)[^aeiou]/.test(rest) && rest.length > 4) {
      rest = rest.slice(2);
    }
    out = `abdul${rest[0] === rest[1] ? rest.slice(1) : rest}`;
  }
  const din = DIN_SUFFIX.exec(out);
  if (din !== null) {
    return `${din[1]!}uddin`;
  }
  const allah = ALLAH_SUFFIX.exec(out);
  return allah === null ? out : `${allah[1]!}ullah`;
}

function legalToken(words: readonly RoledWord[], id: string): NameToken {
  return {
    text: LEGAL_PREFIX + id,
    kind: 'legal',
    script: words[0]!.script,
    surface: words.map((w) => w.surface).join(' '),
    role: words[0]!.role,
  };
}

function wordToken(word: RoledWord, person: boolean): NameToken {
  return {
    text: word.text,
    kind: classifyWord(word.text, person),
    script: word.script,
    surface: word.surface,
    role: word.role,
  };
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) {
      return false;
    }
  }
  return text.length > 0;
}

/** Bits of `WORD_CLASSES`: the hand-made word lists a word belongs to. */
const PARTICLE_BIT = 1;
const STOPWORD_BIT = 2;
const TITLE_BIT = 4;
const GENERIC_BIT = 8;

/** Every listed word with its lists, so that classifying a word is one lookup, not four. */
const WORD_CLASSES: ReadonlyMap<string, number> = (() => {
  const classes = new Map<string, number>();
  const lists: [ReadonlySet<string>, number][] = [
    [PARTICLES, PARTICLE_BIT],
    [STOPWORDS, STOPWORD_BIT],
    [TITLES, TITLE_BIT],
    [GENERIC_COMPANY_WORDS, GENERIC_BIT],
  ];
  for (const [words, bit] of lists) {
    for (const word of words) {
      classes.set(word, (classes.get(word) ?? 0) | bit);
    }
  }
  return classes;
})();

/** The kind of an ordinary word. */
export function classifyWord(text: string, person: boolean): TokenKind {
  if (isDigits(text)) {
    return 'number';
  }
  const classes = WORD_CLASSES.get(text) ?? 0;
  if (text === 'y' || ((classes & PARTICLE_BIT) !== 0 && (text.length > 1 || !person))) {
    return 'particle';
  }
  if (text.length === 1) {
    return 'initial';
  }
  if ((classes & STOPWORD_BIT) !== 0) {
    return 'stopword';
  }
  if ((classes & TITLE_BIT) !== 0) {
    return 'title';
  }
  return !person && (classes & GENERIC_BIT) !== 0 ? 'generic' : 'word';
}
