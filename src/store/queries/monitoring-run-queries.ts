/**
 * Re-screening runs over Kysely.
 *
 * @module
 */
import type { Kysely } from 'kysely';

import type { AuditContext } from '../../audit/audit-event.js';
import type { NewRun } from '../../monitoring/monitoring-store.js';
import type { RescreenRun, RunStatus } from '../../monitoring/rescreen-run.js';
import type { Database } from '../schema.js';
import { auditedWrite, type Clock } from './audit-queries.js';
import { toRun } from './monitoring-rows.js';

/** Stores a new pending run. */
export function createRun(
  db: Kysely<Database>,
  clock: Clock,
  run: NewRun,
  audit: AuditContext,
): Promise<RescreenRun> {
  return auditedWrite(db, clock, audit, async (trx, now) => {
    const row = await trx
      .insertInto('monitoring_run')
      .values({
        kind: run.kind,
        status: 'pending',
        organization_id: run.organizationId,
        portfolio_id: run.portfolioId,
        counterparty_ids: run.counterpartyIds === null ? null : JSON.stringify(run.counterpartyIds),
        from_lists: JSON.stringify(run.fromLists),
        to_lists: JSON.stringify(run.toLists),
        threshold: run.threshold,
        cursor: 0,
        planned: null,
        processed: 0,
        alerts_raised: 0,
        alerts_closed: 0,
        created_at: now.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const created = toRun(row);
    return {
      result: created,
      event: {
        action: 'rescreen.create',
        targetType: 'rescreen-run',
        targetId: String(created.id),
        details: { kind: run.kind, organizationId: run.organizationId },
      },
    };
  });
}

/** One run. */
export async function findRun(db: Kysely<Database>, id: number): Promise<RescreenRun | undefined> {
  const row = await db
    .selectFrom('monitoring_run')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toRun(row);
}

/** Runs, newest first; `organizationId` undefined lists all, null only the global ones. */
export async function listRuns(
  db: Kysely<Database>,
  filter: { organizationId?: string | null; status?: RunStatus; limit?: number },
): Promise<RescreenRun[]> {
  const rows = await db
    .selectFrom('monitoring_run')
    .selectAll()
    .$if(filter.organizationId === null, (q) => q.where('organization_id', 'is', null))
    .$if(typeof filter.organizationId === 'string', (q) =>
      q.where('organization_id', '=', filter.organizationId!),
    )
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(1, filter.limit ?? 50), 1000))
    .execute();
  return rows.map(toRun);
}

/** The newest finished delta or full run over every organization. */
export async function lastFinishedGlobalRun(
  db: Kysely<Database>,
): Promise<RescreenRun | undefined> {
  const row = await db
    .selectFrom('monitoring_run')
    .selectAll()
    .where('organization_id', 'is', null)
    .where('portfolio_id', 'is', null)
    .where('kind', 'in', ['delta', 'full'])
    .where('status', '=', 'done')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : toRun(row);
}

/** Moves a run to a status, with an audit event. */
export async function updateRunStatus(
  db: Kysely<Database>,
  clock: Clock,
  id: number,
  status: RunStatus,
  facts: { planned?: number; error?: string | null },
  audit: AuditContext,
): Promise<void> {
  await auditedWrite(db, clock, audit, async (trx, now) => {
    await trx
      .updateTable('monitoring_run')
      .set({
        status,
        ...(facts.planned === undefined ? {} : { planned: facts.planned }),
        ...(facts.error === undefined ? {} : { error: facts.error }),
        ...(status === 'done' || status === 'failed' ? { finished_at: now.toISOString() } : {}),
      })
      .where('id', '=', id)
      .execute();
    return {
      result: undefined,
      event: {
        action: `rescreen.${status}`,
        targetType: 'rescreen-run',
        targetId: String(id),
        outcome: status === 'failed' ? 'failure' : 'success',
        ...(facts.planned === undefined ? {} : { details: { planned: facts.planned } }),
      },
    };
  });
}
