/**
 * The watchlist port over Kysely, identical for SQLite and PostgreSQL.
 *
 * @module
 */
import type { Kysely } from 'kysely';

import type { RecordViewer } from '../../access/record-viewer.js';
import type { AuditContext } from '../../audit/audit-event.js';
import type { WatchlistEntry } from '../../watchlist/watchlist-entry.js';
import type {
  EntryHistoryItem,
  EntryVersionRef,
  NewPublication,
  Publication,
  SavePublicationResult,
  WatchlistStore,
} from '../../watchlist/watchlist-store.js';
import type { Database } from '../schema.js';
import { appendAuditEvent } from './audit-queries.js';
import { ingestEvent, savePublicationIn, toPublication } from './publication-writes.js';
import { saveEntryMarkings } from './record-markings.js';
import { ScopedWatchlistQueries } from './scoped-watchlist-queries.js';
import { MAX_PARAMETERS_PER_STATEMENT, chunked } from './statement-chunks.js';

/**
 * Stores watchlist publications in the tables of `0001-watchlists`.
 *
 * @example
 * const watchlist = new WatchlistQueries(db);
 * const { publication, created } = await watchlist.savePublication(newPublication);
 */
export class WatchlistQueries implements WatchlistStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** {@inheritDoc WatchlistStore.savePublication} */
  savePublication(input: NewPublication, audit?: AuditContext): Promise<SavePublicationResult> {
    return this.db.transaction().execute(async (trx) => {
      const result = await savePublicationIn(trx, input);
      if (result.created) {
        await saveEntryMarkings(trx, result.publication, input.entries, audit);
      }
      if (audit !== undefined) {
        await appendAuditEvent(trx, audit, ingestEvent(result), new Date());
      }
      return result;
    });
  }

  /** {@inheritDoc WatchlistStore.listPublications} */
  async listPublications(source?: string): Promise<readonly Publication[]> {
    const rows = await this.db
      .selectFrom('publication')
      .selectAll()
      .$if(source !== undefined, (query) => query.where('source', '=', source!))
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toPublication);
  }

  /** {@inheritDoc WatchlistStore.findPublication} */
  async findPublication(id: number): Promise<Publication | undefined> {
    const row = await this.db
      .selectFrom('publication')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toPublication(row);
  }

  /** {@inheritDoc WatchlistStore.currentPublications} */
  async currentPublications(): Promise<readonly Publication[]> {
    // A publication is current when no publication of its source is newer: a later date, or
    // the same date and a later id.
    const rows = await this.db
      .selectFrom('publication as p')
      .selectAll('p')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('publication as newer')
              .select('newer.id')
              .whereRef('newer.source', '=', 'p.source')
              .where((newer) =>
                newer.or([
                  newer('newer.published_at', '>', newer.ref('p.published_at')),
                  newer.and([
                    newer('newer.published_at', '=', newer.ref('p.published_at')),
                    newer('newer.id', '>', newer.ref('p.id')),
                  ]),
                ]),
              ),
          ),
        ),
      )
      .orderBy('p.source')
      .execute();
    return rows.map(toPublication);
  }

  /** {@inheritDoc WatchlistStore.listEntryRefs} */
  async listEntryRefs(publicationId: number): Promise<readonly EntryVersionRef[]> {
    const rows = await this.db
      .selectFrom('publication_entry')
      .select(['source_id', 'version_hash'])
      .where('publication_id', '=', publicationId)
      .orderBy('source_id')
      .execute();
    return rows.map((row) => ({ sourceId: row.source_id, versionHash: row.version_hash }));
  }

  /** {@inheritDoc WatchlistStore.listEntries} */
  async listEntries(publicationId: number): Promise<readonly WatchlistEntry[]> {
    const rows = await this.entriesOf(publicationId).orderBy('pe.source_id').execute();
    return rows.map((row) => parseEntry(row.data));
  }

  /** {@inheritDoc WatchlistStore.findEntry} */
  async findEntry(publicationId: number, sourceId: string): Promise<WatchlistEntry | undefined> {
    const row = await this.entriesOf(publicationId)
      .where('pe.source_id', '=', sourceId)
      .executeTakeFirst();
    return row === undefined ? undefined : parseEntry(row.data);
  }

  /** {@inheritDoc WatchlistStore.findEntryVersions} */
  async findEntryVersions(
    versionHashes: readonly string[],
  ): Promise<ReadonlyMap<string, WatchlistEntry>> {
    const found = new Map<string, WatchlistEntry>();
    for (const hashes of chunked([...new Set(versionHashes)], MAX_PARAMETERS_PER_STATEMENT)) {
      const rows = await this.db
        .selectFrom('entry_version')
        .select(['version_hash', 'data'])
        .where('version_hash', 'in', hashes)
        .execute();
      for (const row of rows) {
        found.set(row.version_hash, parseEntry(row.data));
      }
    }
    return found;
  }

  /** {@inheritDoc WatchlistStore.entryHistory} */
  async entryHistory(source: string, sourceId: string): Promise<readonly EntryHistoryItem[]> {
    const rows = await this.db
      .selectFrom('publication_entry as pe')
      .innerJoin('publication as p', 'p.id', 'pe.publication_id')
      .select(['pe.publication_id', 'p.published_at', 'pe.version_hash'])
      .where('p.source', '=', source)
      .where('pe.source_id', '=', sourceId)
      .orderBy('p.published_at')
      .orderBy('p.id')
      .execute();
    return rows.map((row) => ({
      publicationId: row.publication_id,
      publishedAt: row.published_at,
      versionHash: row.version_hash,
    }));
  }

  /** {@inheritDoc WatchlistStore.visibleTo} */
  visibleTo(viewer: RecordViewer): WatchlistStore {
    return new ScopedWatchlistQueries(this.db, this, viewer);
  }

  /** {@inheritDoc WatchlistStore.filterReadable} */
  filterReadable(
    _publications: readonly Pick<Publication, 'id' | 'source'>[],
    entryIds: readonly string[],
  ): Promise<ReadonlySet<string>> {
    return Promise.resolve(new Set(entryIds));
  }

  private entriesOf(publicationId: number) {
    return this.db
      .selectFrom('publication_entry as pe')
      .innerJoin('entry_version as ev', 'ev.version_hash', 'pe.version_hash')
      .select('ev.data')
      .where('pe.publication_id', '=', publicationId);
  }
}

function parseEntry(data: string): WatchlistEntry {
  return JSON.parse(data) as WatchlistEntry;
}
