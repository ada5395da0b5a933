/**
 * Company legal forms and their spellings. Each form has a canonical id, and every spelling
 * (after normalization: `S.A.S.` → `sas`, `S. A. S.` → `s a s`) maps to it, so `S.A.S.` and
 * `SOCIEDAD POR ACCIONES SIMPLIFICADA` compare equal. A legal form carries almost no weight in a
 * score (`name-tokens.ts`) and can never make a match on its own: thousands of listed companies
 * are `S.A.`, `LTDA.` or `LLC`.
 *
 * Short spellings that are also words or name parts (`sa`, `co`, `ag`, `as`, …) are recognised
 * only at the end of a name, where legal forms sit.
 *
 * @module
 */
import { boundedEditDistance } from './token-similarity.js';

/** One legal form: canonical id, spellings anywhere in a name, spellings only at its end. */
interface LegalForm {
  readonly id: string;
  readonly anywhere: readonly string[];
  readonly tailOnly?: readonly string[];
}

const LEGAL_FORMS: readonly LegalForm[] = [
  { id: 'sas', anywhere: ['sas', 's a s', 'sociedad por acciones simplificada'] },
  { id: 'sa', anywhere: ['sociedad anonima'], tailOnly: ['sa', 's a'] },
  {
    id: 'sa-de-cv',
    anywhere: ['sa de cv', 's a de c v', 'sociedad anonima de capital variable', 'sa cv'],
  },
  { id: 'sapi-de-cv', anywhere: ['sapi de cv', 's a p i de c v'] },
  {
    id: 's-de-rl-de-cv',
    anywhere: ['s de rl de cv', 's de r l de c v', 'srl de cv'],
  },
  {
    id: 'srl',
    anywhere: ['srl', 's r l', 's de rl', 's de r l', 'sociedad de responsabilidad limitada'],
  },
  { id: 'ltda', anywhere: ['ltda', 'limitada'] },
  { id: 'ci', anywhere: ['ci', 'c i', 'comercializadora internacional'] },
  { id: 'cia', anywhere: ['cia', 'compania', 'company'], tailOnly: ['co', 'comp'] },
  { id: 'eu', anywhere: ['empresa unipersonal'], tailOnly: ['eu', 'e u'] },
  {
    id: 'sca',
    anywhere: ['sociedad en comandita por acciones'],
    tailOnly: ['sca', 's c a', 's en c a'],
  },
  { id: 's-en-c', anywhere: ['s en c', 's en cs', 'sociedad en comandita simple'] },
  { id: 'eirl', anywhere: ['eirl', 'e i r l', 'empresa individual de responsabilidad limitada'] },
  { id: 'sac', anywhere: ['sociedad anonima cerrada'], tailOnly: ['sac', 's a c'] },
  { id: 'saa', anywhere: ['sociedad anonima abierta'], tailOnly: ['saa', 's a a'] },
  { id: 'inc', anywhere: ['inc', 'incorporated'] },
  {
    id: 'llc',
    anywhere: [
      'llc',
      'l l c',
      'limited liability company',
      'limited liability co',
      'limited liability',
      'liability limited company',
      'liability',
    ],
  },
  { id: 'llp', anywhere: ['llp', 'limited liability partnership'] },
  { id: 'lp', anywhere: ['limited partnership'], tailOnly: ['lp'] },
  { id: 'corp', anywhere: ['corp', 'corporation'] },
  { id: 'ltd', anywhere: ['ltd', 'limited', 'youxian gongsi', 'you xian gong si'] },
  { id: 'plc', anywhere: ['plc', 'public limited company'] },
  { id: 'gmbh', anywhere: ['gmbh', 'gesellschaft mit beschrankter haftung'] },
  { id: 'ag', anywhere: ['aktiengesellschaft'], tailOnly: ['ag'] },
  { id: 'bv', anywhere: ['besloten vennootschap'], tailOnly: ['bv', 'b v'] },
  { id: 'nv', anywhere: ['naamloze vennootschap'], tailOnly: ['nv', 'n v'] },
  { id: 'spa', anywhere: ['societa per azioni'], tailOnly: ['spa', 's p a'] },
  { id: 'sarl', anywhere: ['sarl', 's a r l', 'societe a responsabilite limitee'] },
  {
    id: 'ooo',
    anywhere: [
      'ooo',
      'obshchestvo s ogranichennoy otvetstvennostyu',
      'obshchestvo s ogranichennoi otvetstvennostiu',
      'obshchestvo s ogranichennoi otvetstvennostyu',
      'obshchestvo s ogranichennoy otvetstvennostiu',
    ],
  },
  { id: 'zao', anywhere: ['zao', 'zakrytoe aktsionernoe obshchestvo'] },
  { id: 'oao', anywhere: ['oao', 'otkrytoe aktsionernoe obshchestvo'] },
  { id: 'pao', anywhere: ['pao', 'publichnoe aktsionernoe obshchestvo'] },
  { id: 'ao', anywhere: ['aktsionernoe obshchestvo'], tailOnly: ['ao'] },
  {
    id: 'jsc',
    anywhere: [
      'jsc',
      'ojsc',
      'cjsc',
      'pjsc',
      'joint stock company',
      'public joint stock company',
      'closed joint stock company',
      'open joint stock company',
      'joint stock co',
      'public joint stock co',
      'open joint stock co',
      'closed joint stock co',
      'joint public stock company',
      'public stock company',
      'joint stock',
      'open jsc',
      'closed jsc',
      'public jsc',
      'joint',
      'stock',
    ],
  },
  { id: 'fze', anywhere: ['fze', 'fzco', 'fzc', 'fz llc', 'fzllc', 'free zone establishment'] },
  { id: 'pte', anywhere: ['pte'], tailOnly: ['pvt', 'private'] },
  { id: 'bhd', anywhere: ['bhd', 'berhad', 'sdn bhd', 'sendirian berhad'] },
  { id: 'sro', anywhere: ['sro', 's r o', 'spol s r o'] },
  { id: 'kft', anywhere: ['kft'], tailOnly: ['zrt', 'rt'] },
  {
    id: 'as',
    anywhere: ['aksjeselskap'],
    tailOnly: ['as', 'a s', 'asa', 'aps', 'ab', 'oy', 'oyj'],
  },
];

/** A legal form found in a word sequence. */
export interface LegalFormSpan {
  /** Canonical id, e.g. `sas`. */
  readonly id: string;
  /** Index of its first word. */
  readonly start: number;
  /** How many words the spelling covers. */
  readonly length: number;
}

interface Spelling {
  readonly id: string;
  readonly words: readonly string[];
  readonly tailOnly: boolean;
}

/** Small words that clerks drop from legal forms (`SOCIEDAD ANONIMA CAPITAL VARIABLE`, `S. R.L.`). */
const DROPPABLE = new Set(['de', 'por', 'en', 'y']);

/** A spelling and, when it has droppable words, the same spelling without them. */
function withShortForm(text: string): string[][] {
  const words = text.split(' ');
  const short = words.filter((w) => !DROPPABLE.has(w));
  return short.length > 0 && short.length < words.length ? [words, short] : [words];
}

/** Every spelling, longest first so `s a de c v` wins over `s a`. */
const SPELLINGS: readonly Spelling[] = LEGAL_FORMS.flatMap((form) => [
  ...form.anywhere.flatMap(withShortForm).map((words) => ({ id: form.id, words, tailOnly: false })),
  ...(form.tailOnly ?? [])
    .flatMap(withShortForm)
    .map((words) => ({ id: form.id, words, tailOnly: true })),
]).sort((a, b) => b.words.length - a.words.length);

/** Spellings by their first word, for the forward scan. */
const BY_FIRST = groupBy(SPELLINGS, (s) => s.words[0]!);
/** Spellings by their last word, for the scan back from the end of the name. */
const BY_LAST = groupBy(SPELLINGS, (s) => s.words[s.words.length - 1]!);

function groupBy(spellings: readonly Spelling[], key: (s: Spelling) => string) {
  const map = new Map<string, Spelling[]>();
  for (const spelling of spellings) {
    const list = map.get(key(spelling)) ?? [];
    list.push(spelling);
    map.set(key(spelling), list);
  }
  return map;
}

/**
 * Legal forms in a normalized word sequence. First from the end (where tail-only spellings are
 * allowed, but never over the first word), then forwards over the rest with unambiguous spellings.
 */
export function findLegalForms(words: readonly string[]): LegalFormSpan[] {
  const spans: LegalFormSpan[] = [];
  let end = words.length;
  for (let span = tailSpan(words, end); span !== undefined; span = tailSpan(words, end)) {
    spans.push(span);
    end = span.start;
  }
  for (let i = 0; i < end; i++) {
    const span = forwardSpan(words, i, end);
    if (span !== undefined) {
      spans.push(span);
      i += span.length - 1;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The longest spelling ending just before `end`. */
function tailSpan(words: readonly string[], end: number): LegalFormSpan | undefined {
  for (const spelling of BY_LAST.get(words[end - 1] ?? '') ?? []) {
    const start = end - spelling.words.length;
    if (start < 0 || (start === 0 && spelling.tailOnly) || !matchesAt(words, spelling, start)) {
      continue;
    }
    return { id: spelling.id, start, length: spelling.words.length };
  }
  return undefined;
}

/** The longest unambiguous spelling starting at `start` and ending by `limit`. */
function forwardSpan(words: readonly string[], start: number, limit: number) {
  for (const spelling of BY_FIRST.get(words[start]!) ?? []) {
    const fits = start + spelling.words.length <= limit;
    if (!spelling.tailOnly && fits && matchesAt(words, spelling, start)) {
      return { id: spelling.id, start, length: spelling.words.length };
    }
  }
  return undefined;
}

function matchesAt(words: readonly string[], spelling: Spelling, start: number): boolean {
  return spelling.words.every((w, k) => words[start + k] === w);
}

/**
 * Shortest legal word corrected for typos: a three-letter abbreviation (`sca`, `cia`) is one
 * letter away from too many names (`ISCA`, `IAR`).
 */
const MIN_CORRECTED_LENGTH = 4;

/** Every word used in a legal-form spelling. */
const ALL_LEGAL_WORDS: ReadonlySet<string> = new Set(SPELLINGS.flatMap((s) => s.words));

/** Legal words long enough to be corrected. */
const LEGAL_WORDS: ReadonlySet<string> = new Set(
  [...ALL_LEGAL_WORDS].filter((word) => word.length >= MIN_CORRECTED_LENGTH),
);

/** Legal words by their one-letter deletions, to recognise `LIIMTED` as `LIMITED`. */
const LEGAL_WORD_DELETIONS: ReadonlyMap<string, readonly string[]> = deletionIndex(LEGAL_WORDS);

function deletionIndex(words: Iterable<string>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const word of words) {
    for (const key of oneDeletions(word)) {
      const list = map.get(key) ?? [];
      if (!list.includes(word)) {
        list.push(word);
      }
      map.set(key, list);
    }
  }
  return map;
}

function oneDeletions(word: string): string[] {
  return [word, ...Array.from(word, (_, i) => word.slice(0, i) + word.slice(i + 1))];
}

/** The first of `words` sharing a deletion key with `word` and truly one edit away from it. */
function nearest(word: string, index: ReadonlyMap<string, readonly string[]>): string | undefined {
  for (const key of oneDeletions(word)) {
    for (const candidate of index.get(key) ?? []) {
      if (boundedEditDistance(word, candidate, 1) <= 1) {
        return candidate;
      }
    }
  }
  return undefined;
}

/**
 * The legal-form word a misspelt word stands for (`liimted` → `limited`, `jint` → `joint`), or
 * the word itself. Callers only pass words that are not known names (see `analyzeName`), so a
 * listed `POINT` never turns into `JOINT`. Two words sharing a deletion key may be two edits
 * apart (`opne` and `zone` share `one`), so every candidate is verified.
 */
export function correctLegalWord(word: string): string {
  if (word.length < MIN_CORRECTED_LENGTH - 1 || ALL_LEGAL_WORDS.has(word)) {
    return word;
  }
  return nearest(word, LEGAL_WORD_DELETIONS) ?? word;
}

/** One-word spellings (`ltd`, `llc`, `co`, `ooo`) → legal-form ids. */
const ONE_WORD_SPELLINGS: ReadonlyMap<string, string> = new Map(
  SPELLINGS.filter((s) => s.words.length === 1).map((s) => [s.words[0]!, s.id]),
);

/** One-word spellings of three letters or more, by deletion key (`lc` → `llc`, `ldt` → `ltd`). */
const ONE_WORD_DELETIONS: ReadonlyMap<string, readonly string[]> = deletionIndex(
  [...ONE_WORD_SPELLINGS.keys()].filter((w) => w.length >= 3),
);

/** A word that may be a one-word legal form, exact or with one typo. */
export interface LegalReading {
  /** Canonical id, e.g. `ltd`. */
  readonly id: string;
  /** True when the word is the spelling itself. */
  readonly exact: boolean;
}

/**
 * How a word of a query may read as a one-word legal form: `co` is `cia`, `ltd` is `ltd`, and
 * with one typo `ldt`, `lt`, `lid` and `limitde` are `ltd`, `lc` is `llc`, `oo` is `ooo`.
 * Two-letter spellings are only taken as they are (one typo away from them is almost any short
 * word). Unlike `correctLegalWord` this also reads words that are listed names, because the
 * word keeps its own reading too (see `prepared-query.ts`).
 */
export function legalReading(word: string): LegalReading | undefined {
  const exact = ONE_WORD_SPELLINGS.get(word);
  if (exact !== undefined) {
    return { id: exact, exact: true };
  }
  if (word.length < 2) {
    return undefined;
  }
  const near = nearest(word, ONE_WORD_DELETIONS);
  return near === undefined ? undefined : { id: ONE_WORD_SPELLINGS.get(near)!, exact: false };
}

/** The number of legal forms known (for documentation and tests). */
export const LEGAL_FORM_COUNT = LEGAL_FORMS.length;
