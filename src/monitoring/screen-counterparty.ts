/**
 * Screening one counterparty against a list snapshot: every name (and alias) with its facts,
 * the best score per entry, and the matches at or above the threshold as alert candidates.
 *
 * @module
 */
import { PuenteError } from '../core/errors.js';
import { screen } from '../screening/screen.js';
import type { ScreeningIndex } from '../screening/screening-index.js';
import { MAX_LIMIT } from '../screening/screening-options.js';
import type { ScreeningQuery } from '../screening/screening-types.js';
import type { Counterparty } from './counterparty.js';
import { NEAR_MARGIN } from './delta-plan.js';
import type { AlertCandidate, ScreenedCounterparty } from './monitoring-store.js';

/** The lists a run screens against. */
export interface ListSnapshot {
  readonly index: ScreeningIndex;
  /** Entry id → content hash of the version listed. */
  readonly versions: ReadonlyMap<string, string>;
  /** Entry id → primary name. */
  readonly names: ReadonlyMap<string, string>;
  /**
   * Ids of the marked entries (agency lists; a stored marking exists exactly for the entries
   * published with one): only matches on these are checked against markings.
   */
  readonly marked: ReadonlySet<string>;
}

/** The screening queries of a counterparty: each name with its first document, then the other documents. */
export function counterpartyQueries(counterparty: Counterparty): ScreeningQuery[] {
  const type = counterparty.kind === 'person' ? 'individual' : 'entity';
  const facts = {
    type,
    ...(counterparty.dob === undefined ? {} : { dob: counterparty.dob }),
    ...(counterparty.country === undefined ? {} : { country: counterparty.country }),
  } as const;
  const [first, ...others] = counterparty.documents;
  const names = [counterparty.name, ...counterparty.aliases];
  return [
    ...names.map((name) => ({
      name,
      ...facts,
      ...(first === undefined ? {} : { document: first.number }),
    })),
    ...others.map((document) => ({ name: counterparty.name, ...facts, document: document.number })),
  ];
}

/** Screens one counterparty; scores below `threshold - NEAR_MARGIN` are not kept. */
export function screenCounterparty(
  lists: ListSnapshot,
  counterparty: Counterparty,
  threshold: number,
): ScreenedCounterparty {
  const best = new Map<string, AlertCandidate>();
  let bestScore = 0;
  const options = { threshold: Math.max(0, threshold - NEAR_MARGIN), limit: MAX_LIMIT };
  for (const query of counterpartyQueries(counterparty)) {
    for (const match of safeScreen(lists.index, query, options)) {
      bestScore = Math.max(bestScore, match.score);
      const current = best.get(match.entryId);
      if (current === undefined || match.score > current.score) {
        best.set(match.entryId, {
          counterpartyId: counterparty.id,
          entryId: match.entryId,
          entryVersion: lists.versions.get(match.entryId) ?? '',
          entryName: lists.names.get(match.entryId) ?? match.name,
          matchedName: `${query.name} ~ ${match.name}`,
          score: match.score,
        });
      }
    }
  }
  const matches = [...best.values()]
    .filter((m) => m.score >= threshold)
    .sort((a, b) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));
  return { counterpartyId: counterparty.id, bestScore, matches };
}

/** A query the engine refuses (validated at entry, but stored before a rule changed) matches nothing. */
function safeScreen(
  index: ScreeningIndex,
  query: ScreeningQuery,
  options: { threshold: number; limit: number },
) {
  try {
    return screen(index, query, options);
  } catch (error) {
    if (error instanceof PuenteError) {
      return [];
    }
    throw error;
  }
}
