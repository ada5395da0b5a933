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

/** How a weak alias may count: not at all, like any weak alias, or only as an exact full match. */
export const WeakAliasClass = { none: 0, distinctive: 1, shortExact: 2 } as const;
/** One of `WeakAliasClass`. */
export type WeakAliasClass = (typeof WeakAliasClass)[keyof typeof WeakAliasClass];

/** Least letters of a short weak alias's distinctive words (`MAX AI`, `66 LID`). */
export const SHORT_WEAK_ALIAS_MIN_LETTERS = 4;
/** Name score a short weak alias needs: every word of both sides, each matched exactly. */
export const SHORT_WEAK_ALIAS_MIN_SCORE = 0.999;

/** Whether a weak alias with these distinctive-token totals can match at all. */
export function isDistinctiveWeakAlias(
  distinctiveWeight: number,
  distinctiveLetters: number,
): boolean {
  return distinctiveWeight >= WEAK_ALIAS_MIN_WEIGHT && distinctiveLetters >= WEAK_ALIAS_MIN_LETTERS;
}

/**
 * The class of a weak alias from its distinctive-token totals. A rare but short one (OFAC's
 * company a.k.a.s `OAO SKB PA`, `MAX AI`, `LLC TMK TR`: acronyms and short trade names) is a name
 * the company trades under, so it counts when a query for a company writes it exactly and in
 * full, with nothing else (`weakAliasScore`); a typo or one shared word is not enough, as it is
 * for `'PAT'`.
 */
export function weakAliasClass(
  distinctiveWeight: number,
  distinctiveLetters: number,
): WeakAliasClass {
  if (distinctiveWeight < WEAK_ALIAS_MIN_WEIGHT) {
    return WeakAliasClass.none;
  }
  if (distinctiveLetters >= WEAK_ALIAS_MIN_LETTERS) {
    return WeakAliasClass.distinctive;
  }
  return distinctiveLetters >= SHORT_WEAK_ALIAS_MIN_LETTERS
    ? WeakAliasClass.shortExact
    : WeakAliasClass.none;
}

/**
 * The score a weak-alias match keeps, or 0 when it does not count. `company`: the listed entry
 * is not a person; short weak aliases of people (`AH JOE`, `NG, Ken`) are nicknames many people
 * share, so they never count.
 */
export function weakAliasScore(
  nameScore: number,
  listCoverage: number,
  weakClass: WeakAliasClass,
  company: boolean,
): number {
  if (weakClass === WeakAliasClass.shortExact) {
    return company && nameScore >= SHORT_WEAK_ALIAS_MIN_SCORE ? nameScore * WEAK_ALIAS_FACTOR : 0;
  }
  if (weakClass === WeakAliasClass.none || listCoverage < WEAK_ALIAS_MIN_COVERAGE) {
    return 0;
  }
  return nameScore * WEAK_ALIAS_FACTOR;
}
