/**
 * Which counterparties a list change can affect. A counterparty can gain an alert only if
 * (a) one of its names can reach the threshold against an added or changed entry: its walked
 * tokens that reach — by the screening engine's own token expansion — no token of a touched
 * entry must leave enough query coverage, with the weights the new lists give them; (b) it holds
 * a document listed by such an entry; or (c) its best score was already within `NEAR_MARGIN` of
 * the threshold, where the drift of token weights that any list change causes (list size, the
 * frequency of a touched word) could carry it across. Screening exactly those counterparties
 * against the new lists gives the alerts a full re-screen gives; the real-data test checks it.
 *
 * @module
 */
import { keyHash } from '../screening/hashed-keys.js';
import { buildScreeningIndex, type ScreeningIndex } from '../screening/screening-index.js';
import { entryFacts } from '../screening/entry-facts.js';
import { prepareAnalyzed } from '../screening/prepared-query.js';
import { MAX_FACT_BONUS } from '../screening/score-facts.js';
import { QUERY_COVERAGE_SHARE } from '../screening/score-name.js';
import { expandToken } from '../screening/token-expansion.js';
import { kindCode } from '../screening/token-weights.js';
import type { WatchlistEntry } from '../watchlist/watchlist-entry.js';
import type { PortfolioIndex } from './portfolio-index.js';

/**
 * How far below the threshold a counterparty's best score may be and still be re-screened on
 * any list change. A change of list size moves every IDF weight by the same small amount
 * (`ln((N'+1)/(N+1))`, 0.02 for 300 entries added to 15,000); 0.1 covers far more than that.
 */
export const NEAR_MARGIN = 0.1;

/** Entries involved in a change: new versions of added and changed ones, old versions of removed and changed ones. */
export interface ListChange {
  readonly touched: readonly WatchlistEntry[];
}

/**
 * The counterparties (ids, ascending) whose screening a list change can alter. `lists` is the
 * index of the new lists: token weights come from it, exactly as a screening would use them.
 */
export function affectedCounterparties(
  portfolio: PortfolioIndex,
  change: ListChange,
  lists: ScreeningIndex,
  threshold: number,
): number[] {
  const marks = new Uint8Array(portfolio.size);
  if (change.touched.length > 0) {
    markByNames(
      portfolio,
      change.touched,
      tokenWeights(portfolio, lists),
      minCoverage(threshold),
      marks,
    );
    markByDocuments(portfolio, change.touched, marks);
  }
  portfolio.markNear(threshold - NEAR_MARGIN, marks);
  return portfolio.idsOf(marks);
}

/**
 * The query coverage a name needs for its score (`0.8 × coverage + 0.2 × list coverage`, plus at
 * most `MAX_FACT_BONUS` from facts) to reach the threshold.
 */
export function minCoverage(threshold: number): number {
  return (threshold - MAX_FACT_BONUS - (1 - QUERY_COVERAGE_SHARE)) / QUERY_COVERAGE_SHARE;
}

/** Each portfolio token's weight as a query token against the new lists, computed on demand. */
function tokenWeights(portfolio: PortfolioIndex, lists: ScreeningIndex) {
  const weights = new Float64Array(portfolio.tokenCount).fill(Number.NaN);
  const tokens = portfolio.tokens();
  return (tokenId: number): number => {
    let weight = weights[tokenId]!;
    if (Number.isNaN(weight)) {
      weight = prepareAnalyzed(lists.data, { tokens: [tokens[tokenId]!], surnameFirst: false })
        .tokens[0]!.weight;
      weights[tokenId] = weight;
    }
    return weight;
  };
}

/**
 * Marks the counterparties that may reach the threshold against one of the touched names. Each
 * portfolio token is expanded once against the touched names' vocabulary; then, name by name,
 * the portfolio tokens that reach it are flagged and their holders checked with `mayReach`.
 */
function markByNames(
  portfolio: PortfolioIndex,
  touched: readonly WatchlistEntry[],
  weightOf: (tokenId: number) => number,
  coverage: number,
  marks: Uint8Array,
): void {
  // Old and new versions of one entry share an id; distinct ids keep both in the small index.
  const distinct = touched.map((entry, i) => ({ ...entry, sourceId: `${entry.sourceId}#${i}` }));
  const { vocabulary, scratch, joined, names } = buildScreeningIndex(distinct).data;
  const reachers: number[][] = vocabulary.texts.map(() => []);
  const joinedReachers = new Map<number, number[]>();
  const byFirstLetter = new Map<string, number[]>();
  portfolio.tokens().forEach((token, tokenId) => {
    const reached = new Set([
      ...expandToken(vocabulary, scratch.tokenMarks, token, false).keys(),
      ...expandToken(vocabulary, scratch.tokenMarks, token, true).keys(),
    ]);
    for (const id of reached) {
      reachers[id]!.push(tokenId);
    }
    if (token.kind === 'word') {
      for (const nameId of new Set(joined.idsOf(keyHash(token.text)))) {
        joinedReachers.set(nameId, [...(joinedReachers.get(nameId) ?? []), tokenId]);
      }
      const letter = token.text.charAt(0);
      byFirstLetter.set(letter, [...(byFirstLetter.get(letter) ?? []), tokenId]);
    }
  });
  const reach = new Uint8Array(portfolio.tokenCount);
  const seen = new Int32Array(portfolio.size).fill(-1);
  for (let nameId = 0; nameId + 1 < names.start.length; nameId++) {
    const full = [...(joinedReachers.get(nameId) ?? [])];
    const half: number[] = [];
    for (let at = names.start[nameId]!; at < names.start[nameId + 1]!; at++) {
      const id = names.tokens[at]!;
      full.push(...reachers[id]!);
      if (names.tokenKinds[at] === INITIAL) {
        const text = vocabulary.texts[id]!;
        half.push(
          ...(byFirstLetter.get(text.charAt(0)) ?? []).filter((t) =>
            portfolio.tokens()[t]!.text.startsWith(text),
          ),
        );
      }
    }
    half.forEach((t) => (reach[t] = HALF_REACH));
    full.forEach((t) => (reach[t] = FULL_REACH));
    for (const tokenId of full) {
      portfolio.forEachHolder(tokenId, (ordinal) => {
        if (seen[ordinal] !== nameId && marks[ordinal] !== 1) {
          seen[ordinal] = nameId;
          if (portfolio.mayReach(ordinal, reach, weightOf, coverage)) {
            marks[ordinal] = 1;
          }
        }
      });
    }
    half.forEach((t) => (reach[t] = 0));
    full.forEach((t) => (reach[t] = 0));
  }
}

const INITIAL = kindCode('initial');

/** Reach codes of `reachingTokens`. */
export const FULL_REACH = 1;
export const HALF_REACH = 2;

/** Marks the counterparties holding a document that a touched entry lists. */
function markByDocuments(
  portfolio: PortfolioIndex,
  touched: readonly WatchlistEntry[],
  marks: Uint8Array,
): void {
  for (const entry of touched) {
    for (const key of entryFacts(entry).documents.keys()) {
      portfolio.markDocument(key, marks);
    }
  }
}
