/**
 * Identity document numbers reduced to comparable keys. Lists and clerks write the same number
 * as `1.045.512.768`, `1045512768`, `NIT # 800018928-0`, `800018928` or `0000104026`; a key is the
 * upper-case letters and digits, plus the number without leading zeros and, for a NIT written
 * with its check digit (`-D`, colombia.md §4), without it.
 *
 * @module
 */

/** Keys shorter than this are too ambiguous to match on. */
export const MIN_DOCUMENT_LENGTH = 4;

/** Every key under which a document number can match. */
export function documentKeys(number: string): string[] {
  const compact = number.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (compact.length < MIN_DOCUMENT_LENGTH) {
    return [];
  }
  const keys = new Set([compact, compact.replace(/^0+(?=.)/, '')]);
  const nit = /^([\d.\s]+)-\s*(\d)$/.exec(number.trim());
  if (nit !== null) {
    keys.add(nit[1]!.replace(/\D/g, '').replace(/^0+(?=.)/, ''));
  }
  return [...keys].filter((key) => key.length >= MIN_DOCUMENT_LENGTH);
}
