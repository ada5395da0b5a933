/**
 * Classification levels, shared by identity (a person's clearance) and access (a record's
 * marking). Colombian and US levels map onto one ordered scale so that a comparison is one
 * integer comparison.
 *
 * @module
 */

/** Levels from least to most protected. */
export const CLASSIFICATION_LEVELS = [
  'unclassified',
  'restricted',
  'confidential',
  'secret',
  'top-secret',
] as const;

/** One classification level (Colombia: restringido, confidencial, secreto, ultrasecreto). */
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];

/**
 * True for one of `CLASSIFICATION_LEVELS`; anything else (including a differently cased
 * spelling) is rejected so that an unknown level can never compare as low.
 *
 * @example
 * isClassificationLevel('secret'); // true
 */
export function isClassificationLevel(value: unknown): value is ClassificationLevel {
  return typeof value === 'string' && (CLASSIFICATION_LEVELS as readonly string[]).includes(value);
}

/**
 * Position of a level on the scale (0 = unclassified).
 *
 * @example
 * classificationRank('secret') > classificationRank('restricted'); // true
 */
export function classificationRank(level: ClassificationLevel): number {
  return CLASSIFICATION_LEVELS.indexOf(level);
}

/**
 * True when ISO 3166-1 alpha-3 in upper case (`COL`, `USA`), the form used by REL TO markings.
 *
 * @example
 * isCountryCode('COL'); // true
 */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value);
}
