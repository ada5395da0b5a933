/**
 * Markings in the query layer: storing the effective marking of each marked entry when its
 * publication is saved, reading markings back for filtering, and recording reads of marked
 * records in the audit trail. The reusable half for other domains is `recordMarkedReads` and
 * `readableBy` (see docs/ARCHITECTURE.md, "Records a viewer may see").
 *
 * @module
 */
import type { Kysely } from 'kysely';

import { canReadMarked } from '../../access/record-viewer.js';
import type { RecordViewer } from '../../access/record-viewer.js';
import type { Marking } from '../../access/marking.js';
import type { AuditContext } from '../../audit/audit-event.js';
import { ValidationError } from '../../core/errors.js';
import type { Publication, StoredEntryInput } from '../../watchlist/watchlist-store.js';
import type { Database } from '../schema.js';
import { AuditQueries } from './audit-queries.js';
import { MAX_PARAMETERS_PER_STATEMENT, chunked, rowsPerStatement } from './statement-chunks.js';

/** Source ids looked up in SQL at most; more are filtered in memory. */
const SOURCE_IDS_IN_QUERY = 500;

/** Entry ids a read names in its audit event at most; the count is always complete. */
const MAX_IDS_PER_READ_EVENT = 100;

/**
 * Stores the effective marking of every marked entry of a new publication: the list's declared
 * marking with the ingesting organization as originator. Runs in the publication's transaction.
 *
 * @throws ValidationError when the list is marked but the ingest has no organization (a local
 *   operator), since nobody could then lower or release the marking.
 */
export async function saveEntryMarkings(
  trx: Kysely<Database>,
  publication: Publication,
  entries: readonly StoredEntryInput[],
  audit: AuditContext | undefined,
): Promise<void> {
  const marked = entries.filter((item) => item.entry.marking !== undefined);
  if (marked.length === 0) {
    return;
  }
  const organizationId = audit?.actor.organizationId ?? null;
  const organization =
    organizationId === null
      ? undefined
      : await trx
          .selectFrom('organization')
          .select('country')
          .where('id', '=', organizationId)
          .executeTakeFirst();
  if (organizationId === null || organization === undefined) {
    throw new ValidationError(
      'a marked list needs an originating organization: ingest it through the API, as a user or service account of that organization',
      { field: 'marking' },
    );
  }
  const originators = [{ organizationId, country: organization.country }];
  const rows = marked.map((item) => ({
    publication_id: publication.id,
    source_id: item.sourceId,
    version_hash: item.versionHash,
    marking: JSON.stringify({ ...item.entry.marking, originators }),
  }));
  for (const chunk of chunked(rows, rowsPerStatement(4))) {
    await trx.insertInto('entry_marking').values(chunk).execute();
  }
}

/** One stored marking row, parsed. */
export interface StoredMarking {
  readonly publicationId: number;
  readonly sourceId: string;
  readonly versionHash: string;
  readonly marking: Marking;
}

/**
 * The markings of the given publications (all their marked entries, or only `sourceIds`).
 *
 * @example
 * const markings = await markingsOf(db, [publication.id]);
 */
export async function markingsOf(
  db: Kysely<Database>,
  publicationIds: readonly number[],
  sourceIds?: readonly string[],
): Promise<StoredMarking[]> {
  const found: StoredMarking[] = [];
  const ids = [...new Set(publicationIds)];
  if (ids.length === 0 || sourceIds?.length === 0) {
    return found;
  }
  // A few source ids are looked up; many are filtered after reading the publications' rows.
  const few = sourceIds !== undefined && sourceIds.length <= SOURCE_IDS_IN_QUERY;
  const wanted = sourceIds === undefined ? undefined : new Set(sourceIds);
  for (const chunk of chunked(ids, MAX_PARAMETERS_PER_STATEMENT / 2)) {
    const rows = await db
      .selectFrom('entry_marking')
      .selectAll()
      .where('publication_id', 'in', chunk)
      .$if(few, (q) => q.where('source_id', 'in', [...wanted!]))
      .execute();
    found.push(...rows.filter((row) => wanted?.has(row.source_id) ?? true).map(toStoredMarking));
  }
  return found;
}

/**
 * The markings of entry versions by hash (a version shared by several publications has a row
 * for each).
 *
 * @example
 * const markings = await markingsOfVersions(db, hashes);
 */
export async function markingsOfVersions(
  db: Kysely<Database>,
  versionHashes: readonly string[],
): Promise<StoredMarking[]> {
  const found: StoredMarking[] = [];
  for (const chunk of chunked([...new Set(versionHashes)], MAX_PARAMETERS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom('entry_marking')
      .selectAll()
      .where('version_hash', 'in', chunk)
      .execute();
    found.push(...rows.map(toStoredMarking));
  }
  return found;
}

/**
 * Splits marked records into those the viewer may read and those it may not.
 *
 * @example
 * const { readable, hidden } = readableBy(viewer, markings, (m) => m.marking);
 */
export function readableBy<T>(
  viewer: RecordViewer,
  records: readonly T[],
  markingOf: (record: T) => Marking | undefined,
): { readable: T[]; hidden: T[] } {
  const readable: T[] = [];
  const hidden: T[] = [];
  for (const record of records) {
    (canReadMarked(viewer, markingOf(record)) ? readable : hidden).push(record);
  }
  return { readable, hidden };
}

/**
 * Appends one `record.read` event naming the marked records a viewer was just given (nothing
 * when there are none). Unmarked records are not recorded: they are public.
 *
 * @example
 * await recordMarkedReads(db, viewer, 'watchlist-entry', ['kingpins-col:K-001']);
 */
export async function recordMarkedReads(
  db: Kysely<Database>,
  viewer: RecordViewer,
  targetType: string,
  ids: readonly string[],
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return;
  }
  await new AuditQueries(db).append(viewer.audit, {
    action: 'record.read',
    targetType,
    targetId: unique.length === 1 ? unique[0]! : `${unique.length} records`,
    details: { count: unique.length, ids: unique.slice(0, MAX_IDS_PER_READ_EVENT) },
  });
}

function toStoredMarking(row: {
  publication_id: number;
  source_id: string;
  version_hash: string;
  marking: string;
}): StoredMarking {
  return {
    publicationId: row.publication_id,
    sourceId: row.source_id,
    versionHash: row.version_hash,
    marking: JSON.parse(row.marking) as Marking,
  };
}
