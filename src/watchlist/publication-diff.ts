/**
 * The difference between two publications of one source: entries added, removed and changed
 * (with the changed fields). Entries are matched by the source's stable id.
 *
 * @module
 */
import { ValidationError } from '../core/errors.js';
import { diffEntries, type FieldChange } from './diff-entries.js';
import { entryId, type EntityType, type WatchlistEntry } from './watchlist-entry.js';
import type { Publication, WatchlistStore } from './watchlist-store.js';

/** Enough of an entry to list it in a diff. */
export interface EntrySummary {
  readonly entryId: string;
  readonly sourceId: string;
  readonly name: string;
  readonly entityType: EntityType;
  readonly programs: readonly string[];
}

/** One entry present in both publications with different content. */
export interface ChangedEntry extends EntrySummary {
  readonly changes: readonly FieldChange[];
}

/** The whole diff. Lists are ordered by source id. */
export interface PublicationDiff {
  readonly from: Publication;
  readonly to: Publication;
  readonly added: readonly EntrySummary[];
  readonly removed: readonly EntrySummary[];
  readonly changed: readonly ChangedEntry[];
  readonly unchanged: number;
}

/** Computes the diff from `from` to `to`; both must belong to the same source. */
export async function diffPublications(
  store: WatchlistStore,
  from: Publication,
  to: Publication,
): Promise<PublicationDiff> {
  if (from.source !== to.source) {
    throw new ValidationError(
      `cannot diff publications of different sources (${from.source} and ${to.source})`,
      { field: 'to' },
    );
  }
  const [before, after] = await Promise.all([refsById(store, from.id), refsById(store, to.id)]);
  const addedHashes: string[] = [];
  const removedHashes: string[] = [];
  const changedPairs: [string, string][] = [];
  let unchanged = 0;
  for (const [sourceId, hash] of after) {
    const previous = before.get(sourceId);
    if (previous === undefined) {
      addedHashes.push(hash);
    } else if (previous !== hash) {
      changedPairs.push([previous, hash]);
    } else {
      unchanged += 1;
    }
  }
  for (const [sourceId, hash] of before) {
    if (!after.has(sourceId)) {
      removedHashes.push(hash);
    }
  }
  const versions = await store.findEntryVersions([
    ...addedHashes,
    ...removedHashes,
    ...changedPairs.flat(),
  ]);
  const entry = (hash: string): WatchlistEntry => {
    const found = versions.get(hash);
    if (found === undefined) {
      throw new Error(`entry version ${hash} is referenced but missing from the store`);
    }
    return found;
  };
  return {
    from,
    to,
    added: addedHashes.map((hash) => summarizeEntry(entry(hash))),
    removed: removedHashes.map((hash) => summarizeEntry(entry(hash))),
    changed: changedPairs.map(([a, b]) => ({
      ...summarizeEntry(entry(b)),
      changes: diffEntries(entry(a), entry(b)),
    })),
    unchanged,
  };
}

async function refsById(
  store: WatchlistStore,
  publicationId: number,
): Promise<Map<string, string>> {
  const refs = await store.listEntryRefs(publicationId);
  return new Map(refs.map((ref) => [ref.sourceId, ref.versionHash]));
}

/** The summary of an entry used in diffs and listings. */
export function summarizeEntry(entry: WatchlistEntry): EntrySummary {
  return {
    entryId: entryId(entry),
    sourceId: entry.sourceId,
    name: entry.name,
    entityType: entry.entityType,
    programs: entry.programs,
  };
}
