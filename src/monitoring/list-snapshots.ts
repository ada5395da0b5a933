/**
 * The list side of a run: the snapshot screened against (index, entry versions, names) and the
 * change between two sets of publications (entries added, changed and removed).
 *
 * @module
 */
import { buildScreeningIndex } from '../screening/screening-index.js';
import { entryId, type WatchlistEntry } from '../watchlist/watchlist-entry.js';
import type { WatchlistStore } from '../watchlist/watchlist-store.js';
import type { ListChange } from './delta-plan.js';
import type { ListVersionRef } from './rescreen-run.js';
import type { ListSnapshot } from './screen-counterparty.js';

/** Loads the entries of the given publications and indexes them. */
export async function loadListSnapshot(
  watchlist: WatchlistStore,
  refs: readonly ListVersionRef[],
): Promise<ListSnapshot> {
  const entries: WatchlistEntry[] = [];
  const versions = new Map<string, string>();
  for (const ref of refs) {
    entries.push(...(await watchlist.listEntries(ref.publicationId)));
    for (const version of await watchlist.listEntryRefs(ref.publicationId)) {
      versions.set(`${ref.source}:${version.sourceId}`, version.versionHash);
    }
  }
  return {
    index: buildScreeningIndex(entries),
    versions,
    names: new Map(entries.map((entry) => [entryId(entry), entry.name])),
    marked: new Set(entries.filter((entry) => entry.marking !== undefined).map(entryId)),
  };
}

/** A list change with the ids of the entries removed. */
export interface LoadedChange extends ListChange {
  readonly added: number;
  readonly changed: number;
  readonly removedIds: readonly string[];
}

/** Entries added, changed and removed from `from` to `to`, source by source. */
export async function loadListChange(
  watchlist: WatchlistStore,
  from: readonly ListVersionRef[],
  to: readonly ListVersionRef[],
): Promise<LoadedChange> {
  const sources = new Set([...from, ...to].map((ref) => ref.source));
  const hashes: string[] = [];
  const removedIds: string[] = [];
  let added = 0;
  let changed = 0;
  for (const source of sources) {
    const before = await versionsOf(
      watchlist,
      from.find((r) => r.source === source),
    );
    const after = await versionsOf(
      watchlist,
      to.find((r) => r.source === source),
    );
    for (const [sourceId, hash] of after) {
      const old = before.get(sourceId);
      if (old === undefined) {
        added++;
        hashes.push(hash);
      } else if (old !== hash) {
        changed++;
        hashes.push(hash, old);
      }
    }
    for (const [sourceId, hash] of before) {
      if (!after.has(sourceId)) {
        removedIds.push(`${source}:${sourceId}`);
        hashes.push(hash);
      }
    }
  }
  const found = await watchlist.findEntryVersions([...new Set(hashes)]);
  const touched = hashes.map((hash) => found.get(hash)).filter((e) => e !== undefined);
  return { touched, added, changed, removedIds };
}

async function versionsOf(
  watchlist: WatchlistStore,
  ref: ListVersionRef | undefined,
): Promise<Map<string, string>> {
  if (ref === undefined) {
    return new Map();
  }
  const refs = await watchlist.listEntryRefs(ref.publicationId);
  return new Map(refs.map((r) => [r.sourceId, r.versionHash]));
}

/** True when two sets of publications are the same. */
export function sameLists(a: readonly ListVersionRef[], b: readonly ListVersionRef[]): boolean {
  const key = (refs: readonly ListVersionRef[]) =>
    refs
      .map((r) => `${r.source}#${r.publicationId}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}
