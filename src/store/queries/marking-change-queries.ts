/**
 * Marking changes of stored entries: the current marking of an entry, applying a decided change
 * to every publication holding the entry with its history row and audit event in one
 * transaction, and which entries a viewer may read (for records that point at entries, such as
 * monitoring alerts).
 *
 * @module
 */
import type { Kysely } from 'kysely';

import { combineMarkings } from '../../access/change-marking.js';
import { formatMarking, sameMarking, sameOriginators } from '../../access/marking.js';
import type { Marking } from '../../access/marking.js';
import type {
  EntryMarkingChange,
  MarkingChangeKind,
  MarkingStore,
  NewEntryMarkingChange,
} from '../../access/marking-store.js';
import { canReadMarked, organizationReader } from '../../access/record-viewer.js';
import type { RecordViewer } from '../../access/record-viewer.js';
import type { AuditContext } from '../../audit/audit-event.js';
import { ConflictError } from '../../core/errors.js';
import type { Organization } from '../../identity/organization.js';
import type { Database } from '../schema.js';
import { auditedWrite } from './audit-queries.js';
import type { Clock } from './audit-queries.js';
import type { EntryMarkingChangeTable } from './marking-change-schema.js';
import { forgetMarkings, markingsOfEntries, recordMarkedReads } from './record-markings.js';

const ENTRY = 'watchlist-entry';

/**
 * Implements `MarkingStore` over one database.
 *
 * @example
 * const markings = new MarkingChangeQueries(db);
 * await markings.currentEntryMarking('kingpins-col', 'K-1');
 */
export class MarkingChangeQueries implements MarkingStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = () => new Date(),
  ) {}

  /** {@inheritDoc MarkingStore.currentEntryMarking} */
  async currentEntryMarking(source: string, sourceId: string): Promise<Marking | undefined> {
    const [newest] = await markingRows(this.db, source, sourceId);
    return newest?.marking;
  }

  /** {@inheritDoc MarkingStore.changeEntryMarking} */
  async changeEntryMarking(
    change: NewEntryMarkingChange,
    audit: AuditContext,
  ): Promise<EntryMarkingChange> {
    const entryId = `${change.source}:${change.sourceId}`;
    const stored = await auditedWrite(this.db, this.clock, audit, async (trx, now) => {
      // A write first: it takes the rows' locks (PostgreSQL) or the write lock (SQLite), so two
      // concurrent changes cannot both decide on the same current marking.
      await trx
        .updateTable('entry_marking')
        .set((eb) => ({ marking: eb.ref('marking') }))
        .where('source_id', '=', change.sourceId)
        .where('publication_id', 'in', (eb) =>
          eb.selectFrom('publication').select('id').where('source', '=', change.source),
        )
        .execute();
      const rows = await markingRows(trx, change.source, change.sourceId);
      if (rows[0] === undefined || !sameMarking(rows[0].marking, change.expected)) {
        throw new ConflictError('the marking was changed meanwhile; read it again', {
          entryId,
        });
      }
      for (const row of rows.filter((r) => sameOriginators(r.marking, change.marking))) {
        // A raise never lowers an older publication; a lowering is the originator's word.
        const next =
          change.kind === 'lower' ? change.marking : combineMarkings([row.marking, change.marking]);
        await trx
          .updateTable('entry_marking')
          .set({ marking: JSON.stringify(next) })
          .where('publication_id', '=', row.publicationId)
          .where('source_id', '=', change.sourceId)
          .execute();
      }
      const values = {
        source: change.source,
        source_id: change.sourceId,
        kind: change.kind,
        previous: JSON.stringify(change.expected),
        marking: JSON.stringify(change.marking),
        reason: change.reason,
        actor_id: audit.actor.id,
        organization_id: audit.actor.organizationId ?? '',
        changed_at: now.toISOString(),
      };
      const { id } = await trx
        .insertInto('entry_marking_change')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        result: toChange({ id, ...values }),
        event: {
          action: `marking.${change.kind}`,
          targetType: ENTRY,
          targetId: entryId,
          details: {
            from: formatMarking(change.expected),
            to: formatMarking(change.marking),
            previous: change.expected,
            marking: change.marking,
            changeId: id,
          },
        },
      };
    });
    forgetMarkings(this.db);
    return stored;
  }

  /** {@inheritDoc MarkingStore.entryMarkingChanges} */
  async entryMarkingChanges(
    source: string,
    sourceId: string,
  ): Promise<readonly EntryMarkingChange[]> {
    const rows = await this.db
      .selectFrom('entry_marking_change')
      .selectAll()
      .where('source', '=', source)
      .where('source_id', '=', sourceId)
      .orderBy('id')
      .execute();
    return rows.map(toChange);
  }

  /** {@inheritDoc MarkingStore.readableEntries} */
  async readableEntries(
    viewer: RecordViewer,
    entryIds: readonly string[],
    record: boolean,
  ): Promise<ReadonlySet<string>> {
    const markings = await markingsOfEntries(this.db, entryIds);
    const readable = new Set<string>();
    const marked: string[] = [];
    for (const id of new Set(entryIds)) {
      const own = markings.get(id) ?? [];
      // Hidden when any publication's marking of the entry hides it (ADR 0010).
      if (own.every((marking) => canReadMarked(viewer, marking))) {
        readable.add(id);
        if (own.length > 0) {
          marked.push(id);
        }
      }
    }
    if (record) {
      await recordMarkedReads(this.db, viewer, ENTRY, marked);
    }
    return readable;
  }

  /** {@inheritDoc MarkingStore.entryMarkings} */
  entryMarkings(entryIds: readonly string[]): Promise<ReadonlyMap<string, readonly Marking[]>> {
    return markingsOfEntries(this.db, entryIds);
  }

  /** {@inheritDoc MarkingStore.readableByOrganization} */
  async readableByOrganization(
    organizationId: string,
    entryIds: readonly string[],
  ): Promise<ReadonlySet<string>> {
    if (entryIds.length === 0) {
      return new Set();
    }
    const organization = await this.db
      .selectFrom('organization')
      .select(['id', 'kind', 'country'])
      .where('id', '=', organizationId)
      .executeTakeFirst();
    const reader = organizationReader(
      organization === undefined
        ? NOBODY
        : { ...organization, kind: organization.kind as Organization['kind'] },
    );
    return this.readableEntries(reader, entryIds, false);
  }
}

/** Marking rows of nothing: an organization that does not exist reads no marked entry. */
const NOBODY = { id: '', kind: 'company', country: 'XXX' } as const;

/** The marking rows of an entry, newest publication first. */
async function markingRows(
  db: Kysely<Database>,
  source: string,
  sourceId: string,
): Promise<{ publicationId: number; marking: Marking }[]> {
  const rows = await db
    .selectFrom('entry_marking as em')
    .innerJoin('publication as p', 'p.id', 'em.publication_id')
    .select(['em.publication_id', 'em.marking'])
    .where('p.source', '=', source)
    .where('em.source_id', '=', sourceId)
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  return rows.map((row) => ({
    publicationId: row.publication_id,
    marking: JSON.parse(row.marking) as Marking,
  }));
}

function toChange(row: Omit<EntryMarkingChangeTable, 'id'> & { id: number }): EntryMarkingChange {
  return {
    id: row.id,
    entryId: `${row.source}:${row.source_id}`,
    kind: row.kind as MarkingChangeKind,
    previous: JSON.parse(row.previous) as Marking,
    marking: JSON.parse(row.marking) as Marking,
    reason: row.reason,
    actorId: row.actor_id,
    organizationId: row.organization_id,
    changedAt: row.changed_at,
  };
}
