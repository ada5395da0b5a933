/**
 * Markings in the query layer: storing the effective marking of each marked entry when its
 * publication is saved, reading markings back for filtering, and recording reads of marked
 * records in the audit trail. The reusable half for other domains is `recordMarkedReads` and
 * `readableBy` (see docs/ARCHITECTURE.md, "Records a viewer may see").
 *
 * @module
 */
import type { Kysely } from 'kysely';

import { combineMarkings } from '../../access/change-marking.js';
import { sameOriginators } from '../../access/marking.js';
import { canReadMarked } from '../../access/record-viewer.js';
import type { RecordViewer } from '../../access/record-viewer.js';
import type { Marking } from '../../access/marking.js';
import type { AuditContext } from '../../audit/audit-event.js';
import { ValidationError } from '../../core/errors.js';
import type { Publication, StoredEntryInput } from '../../watchlist/watchlist-store.js';
import type { Database } from '../schema.js';
import { AuditQueries } from './audit-queries.js';
import { MAX_PARAMETERS_PER_STATEMENT, chunked, rowsPerStatement } from './statement-chunks.js';

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
  const changed = await latestChanges(
    trx,
    publication.source,
    marked.map((item) => item.sourceId),
  );
  const rows = marked.map((item) => {
    const declared: Marking = {
      ...(item.entry.marking as Omit<Marking, 'originators'>),
      originators,
    };
    return {
      publication_id: publication.id,
      source_id: item.sourceId,
      version_hash: item.versionHash,
      marking: JSON.stringify(afterChanges(declared, changed.get(item.sourceId))),
    };
  });
  for (const chunk of chunked(rows, rowsPerStatement(4))) {
    await trx.insertInto('entry_marking').values(chunk).execute();
  }
}

/** The newest change of each of `sourceIds` of `source`, if any. */
async function latestChanges(
  trx: Kysely<Database>,
  source: string,
  sourceIds: readonly string[],
): Promise<Map<string, { kind: string; marking: Marking }>> {
  const latest = new Map<string, { kind: string; marking: Marking }>();
  for (const chunk of chunked([...new Set(sourceIds)], MAX_PARAMETERS_PER_STATEMENT - 1)) {
    const rows = await trx
      .selectFrom('entry_marking_change')
      .select(['source_id', 'kind', 'marking'])
      .where('source', '=', source)
      .where('source_id', 'in', chunk)
      .orderBy('id')
      .execute();
    for (const row of rows) {
      latest.set(row.source_id, { kind: row.kind, marking: JSON.parse(row.marking) as Marking });
    }
  }
  return latest;
}

/**
 * The marking a newly ingested entry takes when its marking was changed before: a change by
 * another originator does not apply; a lowering (by the originator) stands over what the list
 * declares; a raise is combined with it, so a re-ingest never undoes it
 * (`docs/adr/0015-changing-markings.md`).
 */
function afterChanges(
  declared: Marking,
  change: { kind: string; marking: Marking } | undefined,
): Marking {
  if (change === undefined || !sameOriginators(declared, change.marking)) {
    return declared;
  }
  return change.kind === 'lower' ? change.marking : combineMarkings([declared, change.marking]);
}

/** One stored marking row, parsed. */
export interface StoredMarking {
  readonly publicationId: number;
  readonly sourceId: string;
  readonly versionHash: string;
  readonly marking: Marking;
}

/** Publications whose markings are kept in memory per database, least recently used dropped. */
const CACHED_PUBLICATIONS = 64;

/** Cached markings of one database, valid as of `generation` (the newest marking change). */
interface MarkingCache {
  generation: number | undefined;
  readonly publications: Map<number, readonly StoredMarking[]>;
}

const cachedMarkings = new WeakMap<Kysely<Database>, MarkingCache>();

/**
 * Drops this process's cached markings of `db`; called after a marking change. Other processes
 * notice the change by its id (`markingsOf` compares the newest change id before trusting
 * cached markings).
 *
 * @example
 * forgetMarkings(db);
 */
export function forgetMarkings(db: Kysely<Database>): void {
  cachedMarkings.delete(db);
}

/**
 * The markings of the given publications (all their marked entries, or only `sourceIds`).
 * A publication's markings are written in the transaction that creates it and change only by
 * an explicit marking change (`entry_marking_change`), so once a publication exists its
 * markings are cached: a publication without any for good (a change never marks a public
 * entry), one with markings until a newer change exists (one indexed `max(id)` per call that
 * involves cached markings, so every process sees a change at once); ids of publications that
 * do not exist are never cached.
 *
 * @example
 * const markings = await markingsOf(db, [publication.id]);
 */
export async function markingsOf(
  db: Kysely<Database>,
  publicationIds: readonly number[],
  sourceIds?: readonly string[],
): Promise<StoredMarking[]> {
  const state = cacheOf(db);
  const ids = [...new Set(publicationIds)];
  if (ids.some((id) => (state.publications.get(id)?.length ?? 0) > 0)) {
    const generation = await newestChange(db);
    if (generation !== state.generation) {
      state.publications.clear();
      state.generation = generation;
    }
  }
  const cache = state.publications;
  const found = new Map<number, readonly StoredMarking[]>();
  for (const id of ids) {
    const rows = cache.get(id);
    if (rows !== undefined) {
      // Re-inserting marks the publication as recently used.
      cache.delete(id);
      cache.set(id, rows);
      found.set(id, rows);
    }
  }
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    // Read before loading: a change committed meanwhile makes the next call reload.
    state.generation ??= await newestChange(db);
    for (const [id, rows] of await loadMarkings(db, missing)) {
      found.set(id, rows);
      cache.set(id, rows);
    }
    evictOldest(cache);
  }
  const wanted = sourceIds === undefined ? undefined : new Set(sourceIds);
  return ids.flatMap((id) => {
    const rows = found.get(id) ?? [];
    return wanted === undefined ? [...rows] : rows.filter((row) => wanted.has(row.sourceId));
  });
}

function cacheOf(db: Kysely<Database>): MarkingCache {
  let cache = cachedMarkings.get(db);
  if (cache === undefined) {
    cache = { generation: undefined, publications: new Map() };
    cachedMarkings.set(db, cache);
  }
  return cache;
}

/** The id of the newest marking change (0 when none). */
async function newestChange(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('entry_marking_change')
    .select((eb) => eb.fn.max<number | string | null>('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** The markings of those of `publicationIds` that exist (a publication without any: empty). */
async function loadMarkings(
  db: Kysely<Database>,
  publicationIds: readonly number[],
): Promise<Map<number, readonly StoredMarking[]>> {
  const loaded = new Map<number, StoredMarking[]>();
  for (const chunk of chunked(publicationIds, MAX_PARAMETERS_PER_STATEMENT)) {
    // Existence first: a publication's markings were committed with it, so once it is seen
    // its markings are complete; an id that does not exist yet must not be cached as unmarked.
    const existing = await db
      .selectFrom('publication')
      .select('id')
      .where('id', 'in', chunk)
      .execute();
    for (const row of existing) {
      loaded.set(row.id, []);
    }
    if (existing.length === 0) {
      continue;
    }
    const rows = await db
      .selectFrom('entry_marking')
      .selectAll()
      .where(
        'publication_id',
        'in',
        [...loaded.keys()].filter((id) => chunk.includes(id)),
      )
      .execute();
    for (const row of rows) {
      loaded.get(row.publication_id)?.push(toStoredMarking(row));
    }
  }
  return loaded;
}

function evictOldest(cache: Map<number, readonly StoredMarking[]>): void {
  while (cache.size > CACHED_PUBLICATIONS) {
    const oldest = cache.keys().next();
    if (oldest.done === true) {
      return;
    }
    cache.delete(oldest.value);
  }
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
 * Every stored marking of the given entries (`<source>:<sourceId>`), keyed by entry id; an
 * entry without any is public. A version of an entry in several publications has one each.
 *
 * @example
 * const markings = await markingsOfEntries(db, ['kingpins-col:K-1']);
 */
export async function markingsOfEntries(
  db: Kysely<Database>,
  entryIds: readonly string[],
): Promise<Map<string, Marking[]>> {
  const wanted = new Set(entryIds);
  const sourceIds = [...new Set(entryIds.map((id) => id.slice(id.indexOf(':') + 1)))];
  const found = new Map<string, Marking[]>();
  for (const chunk of chunked(sourceIds, MAX_PARAMETERS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom('entry_marking as em')
      .innerJoin('publication as p', 'p.id', 'em.publication_id')
      .select(['p.source', 'em.source_id', 'em.marking'])
      .where('em.source_id', 'in', chunk)
      .execute();
    for (const row of rows) {
      const id = `${row.source}:${row.source_id}`;
      if (wanted.has(id)) {
        found.set(id, [...(found.get(id) ?? []), JSON.parse(row.marking) as Marking]);
      }
    }
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
