/**
 * Alerts over Kysely: raising them chunk by chunk with the run's progress, closing them when
 * their entry leaves the lists, and the review changes with optimistic concurrency.
 *
 * @module
 */
import type { Kysely } from 'kysely';

import type { AuditContext } from '../../audit/audit-event.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import type { Alert, AlertChange } from '../../monitoring/alert.js';
import type {
  AlertCandidate,
  AlertFilter,
  AlertNote,
  RunChunk,
} from '../../monitoring/monitoring-store.js';
import type { Database } from '../schema.js';
import { appendAuditEvent, auditedWrite, type Clock } from './audit-queries.js';
import { toAlert, toAlertNote } from './monitoring-rows.js';
import { chunked, rowsPerStatement } from './statement-chunks.js';

const MAX_PAGE = 1000;

/** Scores are stored rounded, so replays compare equal across databases. */
function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

/** Pairs that must not raise a new alert: undecided or confirmed, or cleared at that version. */
async function blockedPairs(
  trx: Kysely<Database>,
  counterpartyIds: readonly number[],
): Promise<{ blocked: Set<string>; cleared: Set<string> }> {
  const blocked = new Set<string>();
  const cleared = new Set<string>();
  for (const ids of chunked(counterpartyIds, rowsPerStatement(1))) {
    const rows = await trx
      .selectFrom('monitoring_alert')
      .select(['counterparty_id', 'entry_id', 'entry_version', 'state'])
      .where('counterparty_id', 'in', ids)
      .where('state', 'in', ['open', 'in_review', 'confirmed', 'cleared'])
      .execute();
    for (const row of rows) {
      const pair = `${row.counterparty_id}|${row.entry_id}`;
      if (row.state === 'cleared') {
        cleared.add(`${pair}|${row.entry_version}`);
      } else {
        blocked.add(pair);
      }
    }
  }
  return { blocked, cleared };
}

/** Writes one chunk of a run: alerts, best scores and the cursor, atomically. */
export async function recordChunk(
  db: Kysely<Database>,
  clock: Clock,
  chunk: RunChunk,
  audit: AuditContext,
): Promise<Alert[]> {
  return db.transaction().execute(async (trx) => {
    const now = clock();
    const at = now.toISOString();
    // Claim the chunk first: the write lock (SQLite) or row lock (PostgreSQL) serializes two
    // workers on one run, and a chunk another worker already committed is skipped whole.
    const claimed = await trx
      .updateTable('monitoring_run')
      .set((eb) => ({
        cursor: chunk.cursor,
        processed: eb('processed', '+', chunk.screened.length),
      }))
      .where('id', '=', chunk.runId)
      .where('cursor', '<', chunk.cursor)
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) {
      return [];
    }
    const ids = chunk.screened.map((s) => s.counterpartyId);
    const owners = new Map<number, { org: string; portfolio: number; best: number }>();
    for (const part of chunked(ids, rowsPerStatement(1))) {
      const rows = await trx
        .selectFrom('monitoring_counterparty')
        .select(['id', 'organization_id', 'portfolio_id', 'best_score'])
        .where('id', 'in', part)
        .execute();
      for (const row of rows) {
        owners.set(row.id, {
          org: row.organization_id,
          portfolio: row.portfolio_id,
          best: row.best_score,
        });
      }
    }
    const { blocked, cleared } = await blockedPairs(trx, ids);
    const fresh: AlertCandidate[] = [];
    for (const screened of chunk.screened) {
      const owner = owners.get(screened.counterpartyId);
      if (owner === undefined) {
        continue; // deleted since the run planned it
      }
      if (round(screened.bestScore) !== round(owner.best)) {
        await trx
          .updateTable('monitoring_counterparty')
          .set({ best_score: round(screened.bestScore) })
          .where('id', '=', screened.counterpartyId)
          .execute();
      }
      for (const match of screened.matches) {
        const pair = `${match.counterpartyId}|${match.entryId}`;
        if (!blocked.has(pair) && !cleared.has(`${pair}|${match.entryVersion}`)) {
          blocked.add(pair);
          fresh.push(match);
        }
      }
    }
    const raised: Alert[] = [];
    for (const part of chunked(fresh, rowsPerStatement(20))) {
      const rows = await trx
        .insertInto('monitoring_alert')
        .values(
          part.map((match) => {
            const owner = owners.get(match.counterpartyId)!;
            return {
              organization_id: owner.org,
              portfolio_id: owner.portfolio,
              counterparty_id: match.counterpartyId,
              entry_id: match.entryId,
              entry_version: match.entryVersion,
              entry_name: match.entryName,
              matched_name: match.matchedName,
              score: round(match.score),
              run_id: chunk.runId,
              state: 'open',
              created_at: at,
              updated_at: at,
              version: 1,
            };
          }),
        )
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .execute();
      raised.push(...rows.map(toAlert));
    }
    for (const alert of raised) {
      await appendAuditEvent(trx, { ...audit }, raisedEvent(alert), now);
    }
    await trx
      .updateTable('monitoring_run')
      .set((eb) => ({ alerts_raised: eb('alerts_raised', '+', raised.length) }))
      .where('id', '=', chunk.runId)
      .execute();
    return raised;
  });
}

function raisedEvent(alert: Alert) {
  return {
    action: 'alert.raise',
    targetType: 'alert',
    targetId: String(alert.id),
    details: {
      organizationId: alert.organizationId,
      counterpartyId: alert.counterpartyId,
      entryId: alert.entryId,
      score: alert.score,
      runId: alert.runId,
    },
  };
}

/** Closes the undecided alerts on the given entries. */
export async function closeAlertsForEntries(
  db: Kysely<Database>,
  clock: Clock,
  runId: number,
  entryIds: readonly string[],
  audit: AuditContext,
): Promise<Alert[]> {
  if (entryIds.length === 0) {
    return [];
  }
  return db.transaction().execute(async (trx) => {
    const now = clock();
    const closed: Alert[] = [];
    for (const part of chunked(entryIds, rowsPerStatement(1))) {
      const rows = await trx
        .updateTable('monitoring_alert')
        .set((eb) => ({
          state: 'closed',
          closed_reason: 'entry_removed',
          pending: null,
          updated_at: now.toISOString(),
          version: eb('version', '+', 1),
        }))
        .where('entry_id', 'in', part)
        .where('state', 'in', ['open', 'in_review'])
        .returningAll()
        .execute();
      closed.push(...rows.map(toAlert));
    }
    for (const alert of closed) {
      await appendAuditEvent(
        trx,
        audit,
        {
          action: 'alert.close',
          targetType: 'alert',
          targetId: String(alert.id),
          details: { reason: 'entry_removed', entryId: alert.entryId, runId },
        },
        now,
      );
    }
    await trx
      .updateTable('monitoring_run')
      .set((eb) => ({ alerts_closed: eb('alerts_closed', '+', closed.length) }))
      .where('id', '=', runId)
      .execute();
    return closed;
  });
}

/** Alerts of one organization, by ascending id. */
export async function listAlerts(db: Kysely<Database>, filter: AlertFilter): Promise<Alert[]> {
  const rows = await db
    .selectFrom('monitoring_alert')
    .selectAll()
    .where('organization_id', '=', filter.organizationId)
    .where('id', '>', filter.afterId ?? 0)
    .$if(filter.portfolioId !== undefined, (q) => q.where('portfolio_id', '=', filter.portfolioId!))
    .$if(filter.counterpartyId !== undefined, (q) =>
      q.where('counterparty_id', '=', filter.counterpartyId!),
    )
    .$if(filter.states !== undefined && filter.states.length > 0, (q) =>
      q.where('state', 'in', [...filter.states!]),
    )
    .$if(filter.assigneeId !== undefined, (q) => q.where('assignee_id', '=', filter.assigneeId!))
    .orderBy('id')
    .limit(Math.min(Math.max(1, filter.limit ?? 100), MAX_PAGE))
    .execute();
  return rows.map(toAlert);
}

/** One alert of the organization. */
export async function findAlert(
  db: Kysely<Database>,
  organizationId: string,
  id: number,
): Promise<Alert | undefined> {
  const row = await db
    .selectFrom('monitoring_alert')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toAlert(row);
}

/** Applies a review change at the expected version, with a note and an audit event. */
export async function updateAlert(
  db: Kysely<Database>,
  clock: Clock,
  organizationId: string,
  id: number,
  expectedVersion: number,
  change: AlertChange,
  note: { kind: string; text: string; actorId: string },
  audit: AuditContext,
): Promise<Alert> {
  return auditedWrite(db, clock, audit, async (trx, now) => {
    const at = now.toISOString();
    const row = await trx
      .updateTable('monitoring_alert')
      .set({
        ...(change.state === undefined ? {} : { state: change.state }),
        ...(change.assigneeId === undefined ? {} : { assignee_id: change.assigneeId }),
        ...(change.dueAt === undefined ? {} : { due_at: change.dueAt }),
        ...(change.pending === undefined
          ? {}
          : { pending: change.pending === null ? null : JSON.stringify(change.pending) }),
        ...(change.decidedBy === undefined ? {} : { decided_by: change.decidedBy }),
        ...(change.decisionReason === undefined ? {} : { decision_reason: change.decisionReason }),
        ...(change.closedReason === undefined ? {} : { closed_reason: change.closedReason }),
        updated_at: at,
        version: expectedVersion + 1,
      })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) {
      const exists = await findAlert(trx, organizationId, id);
      if (exists === undefined) {
        throw new NotFoundError('alert', String(id));
      }
      throw new ConflictError(`alert ${id} changed meanwhile; reload and retry`, { alertId: id });
    }
    await trx
      .insertInto('monitoring_alert_note')
      .values({
        organization_id: organizationId,
        alert_id: id,
        at,
        actor_id: note.actorId,
        kind: note.kind,
        text: note.text,
      })
      .execute();
    const alert = toAlert(row);
    return {
      result: alert,
      event: {
        action: `alert.${note.kind}`,
        targetType: 'alert',
        targetId: String(id),
        details: { state: alert.state, pending: alert.pending?.decision ?? null },
      },
    };
  });
}

/** Adds a comment to an alert of the organization. */
export async function addAlertNote(
  db: Kysely<Database>,
  clock: Clock,
  organizationId: string,
  alertId: number,
  note: { kind: string; text: string; actorId: string },
  audit: AuditContext,
): Promise<AlertNote> {
  return auditedWrite(db, clock, audit, async (trx, now) => {
    if ((await findAlert(trx, organizationId, alertId)) === undefined) {
      throw new NotFoundError('alert', String(alertId));
    }
    const row = await trx
      .insertInto('monitoring_alert_note')
      .values({
        organization_id: organizationId,
        alert_id: alertId,
        at: now.toISOString(),
        actor_id: note.actorId,
        kind: note.kind,
        text: note.text,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      result: toAlertNote(row),
      event: { action: 'alert.comment', targetType: 'alert', targetId: String(alertId) },
    };
  });
}

/** An alert's history, oldest first. */
export async function alertNotes(
  db: Kysely<Database>,
  organizationId: string,
  alertId: number,
): Promise<AlertNote[]> {
  const rows = await db
    .selectFrom('monitoring_alert_note')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('alert_id', '=', alertId)
    .orderBy('id')
    .execute();
  return rows.map(toAlertNote);
}
