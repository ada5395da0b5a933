/**
 * Weak aliases (OFAC's quoted a.k.a.s: nicknames, noms de guerre; UN `QUALITY=Low`). OFAC "does
 * not expect that persons will screen for weak AKAs" (screening.md §1, [S81]) and uses them to
 * confirm hits; `'MIKE'` or `'PAT'` would otherwise match half the customer base. A weak alias
 * therefore counts only when it is distinctive (rare in the lists and long enough to be a name,
 * e.g. `'OTONIEL'`, `'THE CHESS PLAYER'`) and the query says essentially all of it; even then
 * it scores a little below the same match on a real name.
 *
 * @module
 */

/** A weak alias's distinctive tokens must weigh at least this much (≈ one token in ≤ 8 entries). */
export const WEAK_ALIAS_MIN_WEIGHT = 7;
/** …and have at least this many letters in total. */
export const WEAK_ALIAS_MIN_LETTERS = 6;
/** Share of the weak alias the query must cover. */
export const WEAK_ALIAS_MIN_COVERAGE = 0.9;
/** Score factor for a weak-alias match. */
export const WEAK_ALIAS_FACTOR = 0.95;

/** Whether a weak alias with these distinctive-token totals can match at all. */
export function isDistinctiveWeakAlias(
  distinctiveWeight: number,
  distinctiveLetters: number,
): boolean {
  return distinctiveWeight >= WEAK_ALIAS_MIN_WEIGHT && distinctiveLetters >= WEAK_ALIAS_MIN_LETTERS;
}

/** The score a weak-alias match keeps, or 0 when it does not count. */
export function weakAliasScore(
  nameScore: number,
  listCoverage: number,
  distinctive: boolean,
): number {
  if (!distinctive || listCoverage < WEAK_ALIAS_MIN_COVERAGE) {
    return 0;
  }
  return nameScore * WEAK_ALIAS_FACTOR;
}
