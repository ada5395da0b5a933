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
import { findLegalForms } from './legal-forms.js';
import { GENERIC_COMPANY_WORDS, PARTICLES, STOPWORDS, TITLES } from './name-words.js';
import { normalizeName, type NormalizedWord } from './normalize-name.js';
import type { Script } from './unicode-scripts.js';

/** What a token is, which decides how much it weighs. */
export type TokenKind =
  | 'word'
  | 'particle'
  | 'stopword'
  | 'title'
  | 'generic'
  | 'legal'
  | 'initial'
  | 'number';

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

/** Analyzes a raw name. `entityType` (when known) turns company-only rules off for people. */
export function analyzeName(raw: string, entityType?: EntityType): AnalyzedName {
  const segments = normalizeName(raw).segments;
  const words = segments.flat();
  const person = entityType === 'individual';
  const legal = person ? [] : findLegalForms(words.map((w) => w.text));
  const surnameFirst =
    entityType !== 'entity' && segments.length >= 2 && legal.length === 0 && segments[0]!.length > 0;
  const roles = wordRoles(segments, surnameFirst);
  const tokens: NameToken[] = [];
  for (let i = 0, span = 0; i < words.length; i++) {
    const legalSpan = legal[span];
    if (legalSpan !== undefined && legalSpan.start === i) {
      tokens.push(legalToken(words.slice(i, i + legalSpan.length), legalSpan.id, roles[i]!));
      i += legalSpan.length - 1;
      span++;
      continue;
    }
    tokens.push(wordToken(words[i]!, roles[i]!, person));
  }
  return { tokens, surnameFirst };
}

/** Roles per word: the first comma segment is the family name when `surnameFirst`. */
function wordRoles(segments: readonly (readonly NormalizedWord[])[], surnameFirst: boolean) {
  return segments.flatMap((segment, index) =>
    segment.map((): TokenRole => {
      if (!surnameFirst) {
        return 'unknown';
      }
      return index === 0 ? 'family' : 'given';
    }),
  );
}

function legalToken(words: readonly NormalizedWord[], id: string, role: TokenRole): NameToken {
  return {
    text: LEGAL_PREFIX + id,
    kind: 'legal',
    script: words[0]!.script,
    surface: words.map((w) => w.text).join(' '),
    role,
  };
}

function wordToken(word: NormalizedWord, role: TokenRole, person: boolean): NameToken {
  return { text: word.text, kind: classifyWord(word.text, person), script: word.script, surface: word.text, role };
}

/** The kind of an ordinary word. */
export function classifyWord(text: string, person: boolean): TokenKind {
  if (/^\d+$/.test(text)) {
    return 'number';
  }
  if (text === 'y' || (PARTICLES.has(text) && (text.length > 1 || !person))) {
    return 'particle';
  }
  if (text.length === 1) {
    return 'initial';
  }
  if (STOPWORDS.has(text)) {
    return 'stopword';
  }
  if (TITLES.has(text)) {
    return 'title';
  }
  return !person && GENERIC_COMPANY_WORDS.has(text) ? 'generic' : 'word';
}
