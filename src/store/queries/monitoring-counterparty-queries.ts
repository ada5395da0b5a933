/**
 * Portfolios and counterparties over Kysely. Every read a person reaches takes the organization
 * id and filters by it, so one organization never sees another's customers.
 *
 * @module
 */
import type { Insertable, Kysely } from 'kysely';

import type { AuditContext } from '../../audit/audit-event.js';
import { ConflictError } from '../../core/errors.js';
import type { Counterparty, CounterpartyInput, Portfolio } from '../../monitoring/counterparty.js';
import type { CounterpartyNames } from '../../monitoring/monitoring-store.js';
import type { Database } from '../schema.js';
import { auditedWrite, type Clock } from './audit-queries.js';
import { toCounterparty, toPortfolio } from './monitoring-rows.js';
import type { MonitoringCounterpartyTable } from './monitoring-tables.js';
import { chunked, rowsPerStatement } from './statement-chunks.js';

const MAX_PAGE = 1000;

/** Creates a portfolio; a name taken in the organization is a `ConflictError`. */
export async function createPortfolio(
  db: Kysely<Database>,
  clock: Clock,
  organizationId: string,
  name: string,
  audit: AuditContext,
): Promise<Portfolio> {
  const taken = await db
    .selectFrom('monitoring_portfolio')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (taken !== undefined) {
    throw new ConflictError(`a portfolio named "${name}" exists`, { name });
  }
  return auditedWrite(db, clock, audit, async (trx, now) => {
    const row = await trx
      .insertInto('monitoring_portfolio')
      .values({ organization_id: organizationId, name, created_at: now.toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    const portfolio = toPortfolio(row);
    return {
      result: portfolio,
      event: {
        action: 'portfolio.create',
        targetType: 'portfolio',
        targetId: String(portfolio.id),
        details: { name },
      },
    };
  });
}

/** The organization's portfolios, oldest first. */
export async function listPortfolios(
  db: Kysely<Database>,
  organizationId: string,
): Promise<Portfolio[]> {
  const rows = await db
    .selectFrom('monitoring_portfolio')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('id')
    .execute();
  return rows.map(toPortfolio);
}

/** One portfolio of the organization. */
export async function findPortfolio(
  db: Kysely<Database>,
  organizationId: string,
  id: number,
): Promise<Portfolio | undefined> {
  const row = await db
    .selectFrom('monitoring_portfolio')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toPortfolio(row);
}

/** Deletes a portfolio and its counterparties, closing their undecided alerts. */
export async function deletePortfolio(
  db: Kysely<Database>,
  clock: Clock,
  organizationId: string,
  id: number,
  audit: AuditContext,
): Promise<boolean> {
  return auditedWrite(db, clock, audit, async (trx, now) => {
    await closeUndecided(trx, now, { column: 'portfolio_id', id }, organizationId);
    await trx
      .deleteFrom('monitoring_counterparty')
      .where('organization_id', '=', organizationId)
      .where('portfolio_id', '=', id)
      .execute();
    const deleted = await trx
      .deleteFrom('monitoring_portfolio')
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    const found = deleted.numDeletedRows > 0n;
    return {
      result: found,
      event: {
        action: 'portfolio.delete',
        targetType: 'portfolio',
        targetId: String(id),
        outcome: found ? 'success' : 'failure',
      },
    };
  });
}

/** Closes the undecided alerts of a portfolio or a counterparty being deleted. */
async function closeUndecided(
  trx: Kysely<Database>,
  now: Date,
  scope: { column: 'portfolio_id' | 'counterparty_id'; id: number },
  organizationId: string,
): Promise<void> {
  await trx
    .updateTable('monitoring_alert')
    .set((eb) => ({
      state: 'closed',
      closed_reason: 'counterparty_deleted',
      pending: null,
      updated_at: now.toISOString(),
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where(scope.column, '=', scope.id)
    .where('state', 'in', ['open', 'in_review'])
    .execute();
}

function rowOf(
  organizationId: string,
  portfolioId: number,
  input: CounterpartyInput,
  now: string,
): Insertable<MonitoringCounterpartyTable> {
  return {
    organization_id: organizationId,
    portfolio_id: portfolioId,
    external_id: input.externalId,
    kind: input.kind,
    name: input.name,
    aliases: JSON.stringify(input.aliases),
    dob: input.dob ?? null,
    country: input.country ?? null,
    documents: JSON.stringify(input.documents),
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

function sameContent(stored: Counterparty, input: CounterpartyInput): boolean {
  return (
    stored.kind === input.kind &&
    stored.name === input.name &&
    (stored.dob ?? null) === (input.dob ?? null) &&
    (stored.country ?? null) === (input.country ?? null) &&
    JSON.stringify(stored.aliases) === JSON.stringify(input.aliases) &&
    JSON.stringify(stored.documents) === JSON.stringify(input.documents)
  );
}

/** Upserts counterparties by external id in one transaction with one audit event. */
export async function saveCounterparties(
  db: Kysely<Database>,
  clock: Clock,
  organizationId: string,
  portfolioId: number,
  inputs: readonly CounterpartyInput[],
  audit: AuditContext,
): Promise<{ saved: Counterparty[]; changed: number[] }> {
  return auditedWrite(db, clock, audit, async (trx, now) => {
    const at = now.toISOString();
    const saved: Counterparty[] = [];
    const changed: number[] = [];
    let inserted = 0;
    let updated = 0;
    for (const chunk of chunked(inputs, rowsPerStatement(12))) {
      const existing = new Map(
        (
          await trx
            .selectFrom('monitoring_counterparty')
            .selectAll()
            .where('organization_id', '=', organizationId)
            .where('portfolio_id', '=', portfolioId)
            .where(
              'external_id',
              'in',
              chunk.map((c) => c.externalId),
            )
            .execute()
        ).map((row) => [row.external_id, toCounterparty(row)]),
      );
      const fresh = chunk.filter((input) => !existing.has(input.externalId));
      if (fresh.length > 0) {
        const rows = await trx
          .insertInto('monitoring_counterparty')
          .values(fresh.map((input) => rowOf(organizationId, portfolioId, input, at)))
          .returningAll()
          .execute();
        for (const row of rows) {
          const counterparty = toCounterparty(row);
          saved.push(counterparty);
          changed.push(counterparty.id);
        }
        inserted += rows.length;
      }
      for (const input of chunk) {
        const stored = existing.get(input.externalId);
        if (stored === undefined) {
          continue;
        }
        if (sameContent(stored, input)) {
          saved.push(stored);
          continue;
        }
        const values = rowOf(organizationId, portfolioId, input, at);
        const row = await trx
          .updateTable('monitoring_counterparty')
          .set({ ...values, created_at: stored.createdAt, version: stored.version + 1 })
          .where('id', '=', stored.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        saved.push(toCounterparty(row));
        changed.push(stored.id);
        updated++;
      }
    }
    return {
      result: { saved, changed },
      event: {
        action: 'counterparty.save',
        targetType: 'portfolio',
        targetId: String(portfolioId),
        details: { received: inputs.length, inserted, updated },
      },
    };
  });
}

/** One counterparty of the organization. */
export async function findCounterparty(
  db: Kysely<Database>,
  organizationId: string,
  id: number,
): Promise<Counterparty | undefined> {
  const row = await db
    .selectFrom('monitoring_counterparty')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toCounterparty(row);
}

/** A page of a portfolio's counterparties by ascending id. */
export async function listCounterparties(
  db: Kysely<Database>,
  organizationId: string,
  portfolioId: number,
  page: { afterId?: number; limit?: number },
): Promise<Counterparty[]> {
  const rows = await db
    .selectFrom('monitoring_counterparty')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('portfolio_id', '=', portfolioId)
    .where('id', '>', page.afterId ?? 0)
    .orderBy('id')
    .limit(Math.min(Math.max(1, page.limit ?? 100), MAX_PAGE))
    .execute();
  return rows.map(toCounterparty);
}

/** Deletes one counterparty, closing its undecided alerts. */
export async function deleteCounterparty(
  db: Kysely<Database>,
  clock: Clock,
  organizationId: string,
  id: number,
  audit: AuditContext,
): Promise<boolean> {
  return auditedWrite(db, clock, audit, async (trx, now) => {
    await closeUndecided(trx, now, { column: 'counterparty_id', id }, organizationId);
    const deleted = await trx
      .deleteFrom('monitoring_counterparty')
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    const found = deleted.numDeletedRows > 0n;
    return {
      result: found,
      event: {
        action: 'counterparty.delete',
        targetType: 'counterparty',
        targetId: String(id),
        outcome: found ? 'success' : 'failure',
      },
    };
  });
}

/** How many counterparties an organization (or, with null, every organization) keeps. */
export async function countCounterparties(
  db: Kysely<Database>,
  organizationId: string | null,
): Promise<number> {
  const row = await db
    .selectFrom('monitoring_counterparty')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .$if(organizationId !== null, (q) => q.where('organization_id', '=', organizationId!))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counterparties by id, unscoped (re-screening runs act for every organization). */
export async function counterpartiesForRun(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Counterparty[]> {
  const out: Counterparty[] = [];
  for (const chunk of chunked(ids, rowsPerStatement(1))) {
    const rows = await db
      .selectFrom('monitoring_counterparty')
      .selectAll()
      .where('id', 'in', chunk)
      .execute();
    out.push(...rows.map(toCounterparty));
  }
  return out.sort((a, b) => a.id - b.id);
}

/** Names and document numbers of every counterparty, by ascending id. */
export async function scanCounterpartyNames(
  db: Kysely<Database>,
  afterId: number,
  limit: number,
): Promise<CounterpartyNames[]> {
  const rows = await db
    .selectFrom('monitoring_counterparty')
    .select(['id', 'kind', 'name', 'aliases', 'documents', 'best_score'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as Counterparty['kind'],
    names: [row.name, ...(JSON.parse(row.aliases) as string[])],
    documents: (JSON.parse(row.documents) as { number: string }[]).map((d) => d.number),
    bestScore: row.best_score,
  }));
}

/** Ids of the counterparties in a run's scope after `afterId`, ascending. */
export async function counterpartyIdsForRun(
  db: Kysely<Database>,
  scope: { organizationId: string | null; portfolioId: number | null },
  afterId: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('monitoring_counterparty')
    .select('id')
    .where('id', '>', afterId)
    .$if(scope.organizationId !== null, (q) =>
      q.where('organization_id', '=', scope.organizationId!),
    )
    .$if(scope.portfolioId !== null, (q) => q.where('portfolio_id', '=', scope.portfolioId!))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
