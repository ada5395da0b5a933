/**
 * How much a token counts in a name score: its IDF from the loaded lists (rare surnames weigh a
 * lot, `MOHAMMED` or `INVERSIONES` little) times a factor for its kind. The factors follow the
 * reference systems' practice of discounting non-distinctive parts (OpenSanctions: org-class
 * 0.7, stopwords ×0.7, initials 0.5; screening.md §4.2) but go further for legal forms, which
 * must never be enough for a match.
 *
 * @module
 */
import type { TokenKind } from './name-tokens.js';

/** Kinds in a fixed order, so that they fit in a `Uint8Array`. */
export const TOKEN_KINDS: readonly TokenKind[] = [
  'word',
  'number',
  'generic',
  'particle',
  'stopword',
  'title',
  'legal',
  'initial',
];

/** Numeric code of a kind. */
export function kindCode(kind: TokenKind): number {
  return TOKEN_KINDS.indexOf(kind);
}

/** Weight factor per kind code. */
export const KIND_FACTORS: Float64Array = Float64Array.from(TOKEN_KINDS, (kind) => {
  switch (kind) {
    case 'word':
    case 'number':
      return 1;
    case 'generic':
      return 0.5;
    case 'initial':
      return 0.3;
    case 'particle':
    case 'stopword':
    case 'title':
      return 0.08;
    case 'legal':
      return 0.04;
  }
});

/** True for kinds that can carry a match: ordinary words and numbers. */
export function isDistinctiveKind(code: number): boolean {
  return code <= 1;
}

/**
 * Kinds walked during candidate generation: words, numbers and generic company words. Particles,
 * titles, legal forms and initials are too common (or too short) to narrow anything down.
 */
export function isCandidateKind(code: number): boolean {
  return code <= 2;
}

/** Floor so that even a token present in every entry keeps some weight. */
export const MIN_IDF = 0.5;

/** Weight of a token of the given IDF and kind code. */
export function tokenWeight(idf: number, kind: number): number {
  return Math.max(idf, MIN_IDF) * KIND_FACTORS[kind]!;
}
