/**
 * Writing a publication inside a transaction, and the row conversions it shares with the
 * readers in `watchlist-queries.ts`.
 *
 * @module
 */
import type { Kysely } from 'kysely';

import type { AuditEventInput } from '../../audit/audit-event.js';
import { canonicalJson } from '../../core/hash.js';
import type { ParseReport } from '../../watchlist/list-source.js';
import type {
  NewPublication,
  Publication,
  SavePublicationResult,
  StoredEntryInput,
} from '../../watchlist/watchlist-store.js';
import type { Database, NewPublicationRow, PublicationRow } from '../schema.js';
import { MAX_PARAMETERS_PER_STATEMENT, chunked, rowsPerStatement } from './statement-chunks.js';

/**
 * Stores a publication unless its content is already stored; the caller owns the transaction.
 *
 * @example
 * const result = await savePublicationIn(trx, input);
 */
export async function savePublicationIn(
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

/**
 * The audit event of an ingest.
 *
 * @example
 * await appendAuditEvent(trx, audit, ingestEvent(result), new Date());
 */
export function ingestEvent({ publication, created }: SavePublicationResult): AuditEventInput {
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

/**
 * A publication from its row.
 *
 * @example
 * rows.map(toPublication);
 */
export function toPublication(row: PublicationRow): Publication {
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
