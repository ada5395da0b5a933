/**
 * Which counterparties a list change can affect. A counterparty's screening result can change
 * only if (a) one of its walked name tokens reaches — by the screening engine's own token
 * expansion — a token of an added, changed or removed entry (which also covers every change of
 * the weights its tokens carry), (b) it holds a document listed by such an entry, or (c) its
 * best score was already within `NEAR_MARGIN` of the threshold, where the small drift of every
 * token weight that any change of list size causes could carry it across. Screening exactly
 * those counterparties against the new lists gives the alerts a full re-screen gives.
 *
 * @module
 */
import { keyHash } from '../screening/hashed-keys.js';
import { buildScreeningIndex } from '../screening/screening-index.js';
import { entryFacts } from '../screening/entry-facts.js';
import { expandToken } from '../screening/token-expansion.js';
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

/** The counterparties (ids, ascending) whose screening a list change can alter. */
export function affectedCounterparties(
  portfolio: PortfolioIndex,
  change: ListChange,
  threshold: number,
): number[] {
  const marks = new Uint8Array(portfolio.size);
  if (change.touched.length > 0) {
    markByTokens(portfolio, change.touched, marks);
    markByDocuments(portfolio, change.touched, marks);
  }
  portfolio.markNear(threshold - NEAR_MARGIN, marks);
  return portfolio.idsOf(marks);
}

/** Tokens of the portfolio that expand to a token of a touched entry, or to two joined. */
function markByTokens(
  portfolio: PortfolioIndex,
  touched: readonly WatchlistEntry[],
  marks: Uint8Array,
): void {
  // Old and new versions of one entry share an id; distinct ids keep both in the small index.
  const distinct = touched.map((entry, i) => ({ ...entry, sourceId: `${entry.sourceId}#${i}` }));
  const { vocabulary, scratch, joined } = buildScreeningIndex(distinct).data;
  portfolio.tokens().forEach((token, tokenId) => {
    const reaches =
      expandToken(vocabulary, scratch.tokenMarks, token, false).size > 0 ||
      expandToken(vocabulary, scratch.tokenMarks, token, true).size > 0 ||
      (token.kind === 'word' && joined.idsOf(keyHash(token.text)).length > 0);
    if (reaches) {
      portfolio.markToken(tokenId, marks);
    }
  });
}

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
