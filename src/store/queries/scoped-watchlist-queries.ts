/**
 * The watchlist store as one viewer sees it: marked entries the viewer may not read do not
 * exist (not in lists, counts, entries, diffs, histories or screening results), publications
 * whose every entry is hidden do not exist, and every read of a marked entry is audited.
 *
 * @module
 */
import type { Kysely } from 'kysely';

import { withoutOriginators } from '../../access/marking.js';
import type { RecordViewer } from '../../access/record-viewer.js';
import type { AuditContext } from '../../audit/audit-event.js';
import type { WatchlistEntry } from '../../watchlist/watchlist-entry.js';
import { entryId } from '../../watchlist/watchlist-entry.js';
import type {
  EntryHistoryItem,
  EntryVersionRef,
  NewPublication,
  Publication,
  SavePublicationResult,
  WatchlistStore,
} from '../../watchlist/watchlist-store.js';
import type { Database } from '../schema.js';
import {
  markingsOf,
  markingsOfVersions,
  readableBy,
  recordMarkedReads,
} from './record-markings.js';
import type { StoredMarking } from './record-markings.js';

const ENTRY = 'watchlist-entry';

/**
 * The entries with the marking stored for them in their publication: the one their list
 * declared, or the one a marking change set since (docs/adr/0015-changing-markings.md).
 */
function withCurrentMarkings(
  entries: readonly WatchlistEntry[],
  markings: readonly StoredMarking[],
): readonly WatchlistEntry[] {
  if (markings.length === 0) {
    return entries;
  }
  const bySourceId = new Map(markings.map((item) => [item.sourceId, item.marking]));
  return entries.map((entry) => {
    const marking = bySourceId.get(entry.sourceId);
    return marking === undefined ? entry : { ...entry, marking: withoutOriginators(marking) };
  });
}

/**
 * Filters every read of `base` for `viewer`.
 *
 * @example
 * const visible = new ScopedWatchlistQueries(db, store.watchlist, viewer);
 * await visible.listEntries(publication.id); // without the entries the viewer may not read
 */
export class ScopedWatchlistQueries implements WatchlistStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly base: WatchlistStore,
    private readonly viewer: RecordViewer,
  ) {}

  /** {@inheritDoc WatchlistStore.visibleTo} */
  visibleTo(viewer: RecordViewer): WatchlistStore {
    return new ScopedWatchlistQueries(this.db, this.base, viewer);
  }

  /** {@inheritDoc WatchlistStore.savePublication} */
  savePublication(input: NewPublication, audit?: AuditContext): Promise<SavePublicationResult> {
    return this.base.savePublication(input, audit);
  }

  /** {@inheritDoc WatchlistStore.listPublications} */
  async listPublications(source?: string): Promise<readonly Publication[]> {
    return this.visiblePublications(await this.base.listPublications(source));
  }

  /** {@inheritDoc WatchlistStore.findPublication} */
  async findPublication(id: number): Promise<Publication | undefined> {
    const found = await this.base.findPublication(id);
    return found === undefined ? undefined : (await this.visiblePublications([found]))[0];
  }

  /** {@inheritDoc WatchlistStore.currentPublications} */
  async currentPublications(): Promise<readonly Publication[]> {
    return this.visiblePublications(await this.base.currentPublications());
  }

  /** {@inheritDoc WatchlistStore.listEntryRefs} */
  async listEntryRefs(publicationId: number): Promise<readonly EntryVersionRef[]> {
    const hidden = await this.hiddenSourceIds(publicationId);
    const refs = await this.base.listEntryRefs(publicationId);
    return hidden.size === 0 ? refs : refs.filter((ref) => !hidden.has(ref.sourceId));
  }

  /** {@inheritDoc WatchlistStore.listEntries} */
  async listEntries(publicationId: number): Promise<readonly WatchlistEntry[]> {
    const { readable, hidden } = this.split(await markingsOf(this.db, [publicationId]));
    const entries = await this.base.listEntries(publicationId);
    const hiddenIds = new Set(hidden.map((item) => item.sourceId));
    await this.recordReads(readable, entries);
    const shown =
      hiddenIds.size === 0 ? entries : entries.filter((entry) => !hiddenIds.has(entry.sourceId));
    return withCurrentMarkings(shown, readable);
  }

  /** {@inheritDoc WatchlistStore.findEntry} */
  async findEntry(publicationId: number, sourceId: string): Promise<WatchlistEntry | undefined> {
    const { readable, hidden } = this.split(await markingsOf(this.db, [publicationId], [sourceId]));
    if (hidden.length > 0) {
      return undefined;
    }
    const entry = await this.base.findEntry(publicationId, sourceId);
    await this.recordReads(readable, entry === undefined ? [] : [entry]);
    return entry === undefined ? undefined : withCurrentMarkings([entry], readable)[0];
  }

  /** {@inheritDoc WatchlistStore.findEntryVersions} */
  async findEntryVersions(
    versionHashes: readonly string[],
  ): Promise<ReadonlyMap<string, WatchlistEntry>> {
    const { readable, hidden } = this.split(await markingsOfVersions(this.db, versionHashes));
    const found = new Map(await this.base.findEntryVersions(versionHashes));
    // A version is hidden when any publication holding it marks it beyond the viewer.
    for (const item of hidden) {
      found.delete(item.versionHash);
    }
    const shown = readable.filter((item) => found.has(item.versionHash));
    await this.recordReads(shown, [...found.values()]);
    return found;
  }

  /** {@inheritDoc WatchlistStore.entryHistory} */
  async entryHistory(source: string, sourceId: string): Promise<readonly EntryHistoryItem[]> {
    const history = await this.base.entryHistory(source, sourceId);
    const markings = await markingsOf(
      this.db,
      history.map((item) => item.publicationId),
      [sourceId],
    );
    const hidden = new Set(this.split(markings).hidden.map((item) => item.publicationId));
    return history.filter((item) => !hidden.has(item.publicationId));
  }

  /** {@inheritDoc WatchlistStore.filterReadable} */
  async filterReadable(
    publications: readonly Pick<Publication, 'id' | 'source'>[],
    entryIds: readonly string[],
  ): Promise<ReadonlySet<string>> {
    const sourceOf = new Map(publications.map((p) => [p.id, p.source]));
    const prefixed = (item: StoredMarking) =>
      `${sourceOf.get(item.publicationId)}:${item.sourceId}`;
    const wanted = new Set(entryIds);
    const sourceIds = entryIds.map((id) => id.slice(id.indexOf(':') + 1));
    const markings = (await markingsOf(this.db, [...sourceOf.keys()], sourceIds)).filter((item) =>
      wanted.has(prefixed(item)),
    );
    const { readable, hidden } = this.split(markings);
    const hiddenIds = new Set(hidden.map(prefixed));
    await recordMarkedReads(this.db, this.viewer, ENTRY, readable.map(prefixed));
    return new Set(entryIds.filter((id) => !hiddenIds.has(id)));
  }

  private split(markings: readonly StoredMarking[]) {
    return readableBy(this.viewer, markings, (item) => item.marking);
  }

  private async hiddenSourceIds(publicationId: number): Promise<Set<string>> {
    const { hidden } = this.split(await markingsOf(this.db, [publicationId]));
    return new Set(hidden.map((item) => item.sourceId));
  }

  /** Audits the marked entries among those returned. */
  private async recordReads(
    readable: readonly StoredMarking[],
    returned: readonly WatchlistEntry[],
  ): Promise<void> {
    const marked = new Set(readable.map((item) => item.sourceId));
    const ids = returned
      .filter((entry) => marked.has(entry.sourceId))
      .map((entry) => entryId(entry));
    await recordMarkedReads(this.db, this.viewer, ENTRY, ids);
  }

  /** Drops hidden entries from the counts, and publications left with none. */
  private async visiblePublications(
    publications: readonly Publication[],
  ): Promise<readonly Publication[]> {
    const markings = await markingsOf(
      this.db,
      publications.map((publication) => publication.id),
    );
    if (markings.length === 0) {
      return publications;
    }
    const hiddenCount = new Map<number, number>();
    for (const item of this.split(markings).hidden) {
      hiddenCount.set(item.publicationId, (hiddenCount.get(item.publicationId) ?? 0) + 1);
    }
    return publications.flatMap((publication) => {
      const hidden = hiddenCount.get(publication.id) ?? 0;
      if (hidden === 0) {
        return [publication];
      }
      const entryCount = publication.entryCount - hidden;
      // The parse report speaks of every entry, hidden ones included: only its totals remain.
      const report = { ...publication.report, entries: entryCount, warnings: [] };
      return entryCount <= 0 ? [] : [{ ...publication, entryCount, report }];
    });
  }
}
