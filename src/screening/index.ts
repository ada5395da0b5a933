/**
 * The screening engine: names as the region writes them (Hispanic conventions, Spanish
 * spelling variants, legal forms, other scripts), an in-memory index of every listed name, and
 * explained scores.
 *
 * ```ts
 * const index = buildScreeningIndex(entries);
 * const matches = screen(index, { name: 'Dairo Antonio Usuga', dob: '1971' }, { programs: ['SDNTK'] });
 * ```
 *
 * @module
 */
export { screen } from './screen.js';
export {
  buildScreeningIndex,
  patchScreeningIndex,
  type IndexPatch,
  type ScreeningIndex,
} from './screening-index.js';
export { matchNames, type MatchNamesOptions, type NameMatchResult } from './match-names.js';
export { DEFAULT_THRESHOLD } from './threshold.js';
export { DEFAULT_LIMIT, MAX_LIMIT } from './screening-options.js';
export { MAX_NAME_LENGTH, MAX_RAW_NAME_LENGTH } from './screening-query.js';
export type {
  FactEffect,
  MatchedNameKind,
  MatchExplanation,
  ScreeningMatch,
  ScreeningOptions,
  ScreeningQuery,
  TokenMatch,
  TokenMatchMethod,
} from './screening-types.js';
export { analyzeName, type AnalyzedName, type NameToken, type TokenKind } from './name-tokens.js';
export { normalizeName, foldLatin } from './normalize-name.js';
export { transliterateWord } from './transliterate.js';
export { spanishPhoneticKey, consonantSkeleton } from './spanish-phonetic.js';
export { jaroWinkler, boundedEditDistance } from './token-similarity.js';
export { countryCode } from './countries.js';
