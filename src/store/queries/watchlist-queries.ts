/**
 * The watchlist port over Kysely, identical for SQLite and PostgreSQL.
 *
 * @module
 */
import type { Kysely } from 'kysely';

import type { AuditContext, AuditEventInput } from '../../audit/audit-event.js';
import { canonicalJson } from '../../core/hash.js';
import type { ParseReport } from '../../watchlist/list-source.js';
import type { WatchlistEntry } from '../../watchlist/watchlist-entry.js';
import type {
  EntryHistoryItem,
  EntryVersionRef,
  NewPublication,
  Publication,
  SavePublicationResult,
  StoredEntryInput,
  WatchlistStore,
} from '../../watchlist/watchlist-store.js';
import type { Database, NewPublicationRow, PublicationRow } from '../schema.js';
import { appendAuditEvent } from './audit-queries.js';
import { MAX_PARAMETERS_PER_STATEMENT, chunked, rowsPerStatement } from './statement-chunks.js';

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

  private entriesOf(publicationId: number) {
    return this.db
      .selectFrom('publication_entry as pe')
      .innerJoin('entry_version as ev', 'ev.version_hash', 'pe.version_hash')
      .select('ev.data')
      .where('pe.publication_id', '=', publicationId);
  }
}

async function savePublicationIn(
  trx: Kysely<Database>,
  input: NewPublication,
): Promise<SavePublicationResult> {
  const existing = await findByContent(trx, input.source, input.contentHash);
  if (existing !== undefined) {
    return { publication: existing, created: false };
  }
  const publication = await insertPublication(trx, input);
  if (publication === undefined) {
    // Another writer stored the same content between our check and our insert.
    const stored = await findByContent(trx, input.source, input.contentHash);
    return { publication: stored!, created: false };
  }
  await insertEntryVersions(trx, input.source, input.entries);
  await insertPublicationEntries(trx, publication.id, input.entries);
  return { publication, created: true };
}

function ingestEvent({ publication, created }: SavePublicationResult): AuditEventInput {
  return {
    action: 'list.ingest',
    targetType: 'publication',
    targetId: String(publication.id),
    details: { source: publication.source, publishedAt: publication.publishedAt, created },
  };
}

async function findByContent(
  db: Kysely<Database>,
  source: string,
  contentHash: string,
): Promise<Publication | undefined> {
  const row = await db
    .selectFrom('publication')
    .selectAll()
    .where('source', '=', source)
    .where('content_hash', '=', contentHash)
    .executeTakeFirst();
  return row === undefined ? undefined : toPublication(row);
}

/** Inserts the publication row; undefined when its (source, content hash) already exists. */
async function insertPublication(
  db: Kysely<Database>,
  input: NewPublication,
): Promise<Publication | undefined> {
  const row = await db
    .insertInto('publication')
    .values(toPublicationRow(input))
    .onConflict((conflict) => conflict.columns(['source', 'content_hash']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? undefined : toPublication(row);
}

/**
 * Inserts the versions not stored yet. Known versions are looked up first so that an ingest
 * which changes little does not serialize and send every entry again.
 */
async function insertEntryVersions(
  db: Kysely<Database>,
  source: string,
  entries: readonly StoredEntryInput[],
): Promise<void> {
  const byHash = new Map(entries.map((entry) => [entry.versionHash, entry]));
  const known = await knownVersionHashes(db, [...byHash.keys()]);
  const rows = [...byHash.values()]
    .filter((entry) => !known.has(entry.versionHash))
    .map((entry) => ({
      version_hash: entry.versionHash,
      source,
      source_id: entry.sourceId,
      data: entry.canonicalJson ?? canonicalJson(entry.entry),
    }));
  for (const chunk of chunked(rows, rowsPerStatement(4))) {
    await db
      .insertInto('entry_version')
      .values(chunk)
      // A concurrent ingest may have stored the same version since the lookup.
      .onConflict((conflict) => conflict.column('version_hash').doNothing())
      .execute();
  }
}

async function knownVersionHashes(
  db: Kysely<Database>,
  versionHashes: readonly string[],
): Promise<Set<string>> {
  const known = new Set<string>();
  for (const hashes of chunked(versionHashes, MAX_PARAMETERS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom('entry_version')
      .select('version_hash')
      .where('version_hash', 'in', hashes)
      .execute();
    for (const row of rows) {
      known.add(row.version_hash);
    }
  }
  return known;
}

async function insertPublicationEntries(
  db: Kysely<Database>,
  publicationId: number,
  entries: readonly StoredEntryInput[],
): Promise<void> {
  const rows = entries.map((entry) => ({
    publication_id: publicationId,
    source_id: entry.sourceId,
    version_hash: entry.versionHash,
  }));
  for (const chunk of chunked(rows, rowsPerStatement(3))) {
    await db.insertInto('publication_entry').values(chunk).execute();
  }
}

function toPublicationRow(input: NewPublication): NewPublicationRow {
  return {
    source: input.source,
    published_at: input.publishedAt,
    content_hash: input.contentHash,
    ingested_at: input.ingestedAt,
    entry_count: input.entries.length,
    files: JSON.stringify(input.files),
    report: JSON.stringify(input.report),
  };
}

function toPublication(row: PublicationRow): Publication {
  return {
    id: row.id,
    source: row.source,
    publishedAt: row.published_at,
    contentHash: row.content_hash,
    ingestedAt: row.ingested_at,
    entryCount: row.entry_count,
    files: JSON.parse(row.files) as string[],
    report: JSON.parse(row.report) as ParseReport,
  };
}

function parseEntry(data: string): WatchlistEntry {
  return JSON.parse(data) as WatchlistEntry;
}
