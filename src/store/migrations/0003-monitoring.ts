/**
 * Continuous monitoring: portfolios of counterparties, re-screening runs (with the cursor that
 * makes them resumable) and alerts with their review history.
 *
 * @module
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

import { idColumn, keyText } from './store-migration.js';
import type { SqlDialect, StoreMigration } from './store-migration.js';

/** An 8-byte float in both databases (PostgreSQL's `real` has only 4). */
function float(dialect: SqlDialect): 'real' | 'double precision' {
  return dialect === 'postgres' ? 'double precision' : 'real';
}

async function createPortfolio(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('monitoring_portfolio')
    .ifNotExists()
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('organization_id', keyText(dialect), (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('monitoring_portfolio_org_name_key', ['organization_id', 'name'])
    .execute();
}

async function createCounterparty(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('monitoring_counterparty')
    .ifNotExists()
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('organization_id', keyText(dialect), (c) => c.notNull())
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('monitoring_portfolio.id').onDelete('cascade'),
    )
    .addColumn('external_id', keyText(dialect), (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('dob', 'text')
    .addColumn('country', 'text')
    .addColumn('documents', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('best_score', float(dialect), (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('monitoring_counterparty_external_key', ['portfolio_id', 'external_id'])
    .execute();
  await db.schema
    .createIndex('monitoring_counterparty_org_idx')
    .ifNotExists()
    .on('monitoring_counterparty')
    .columns(['organization_id', 'portfolio_id', 'id'])
    .execute();
}

async function createRun(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('monitoring_run')
    .ifNotExists()
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('organization_id', keyText(dialect))
    .addColumn('portfolio_id', 'integer')
    .addColumn('counterparty_ids', 'text')
    .addColumn('from_lists', 'text', (c) => c.notNull())
    .addColumn('to_lists', 'text', (c) => c.notNull())
    .addColumn('threshold', float(dialect), (c) => c.notNull())
    .addColumn('cursor', 'integer', (c) => c.notNull())
    .addColumn('planned', 'integer')
    .addColumn('processed', 'integer', (c) => c.notNull())
    .addColumn('alerts_raised', 'integer', (c) => c.notNull())
    .addColumn('alerts_closed', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('error', 'text')
    .execute();
}

async function createAlert(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('monitoring_alert')
    .ifNotExists()
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('organization_id', keyText(dialect), (c) => c.notNull())
    .addColumn('portfolio_id', 'integer', (c) => c.notNull())
    // No foreign key: decided alerts are evidence and outlive the counterparty.
    .addColumn('counterparty_id', 'integer', (c) => c.notNull())
    .addColumn('entry_id', keyText(dialect), (c) => c.notNull())
    .addColumn('entry_version', 'text', (c) => c.notNull())
    .addColumn('entry_name', 'text', (c) => c.notNull())
    .addColumn('matched_name', 'text', (c) => c.notNull())
    .addColumn('score', float(dialect), (c) => c.notNull())
    .addColumn('run_id', 'integer', (c) => c.notNull().references('monitoring_run.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('due_at', 'text')
    .addColumn('pending', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('closed_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('monitoring_alert_pair_run_key', ['counterparty_id', 'entry_id', 'run_id'])
    .execute();
  // At most one undecided alert per pair, whatever the run: a resumed or concurrent run cannot
  // raise the same alert twice.
  await db.schema
    .createIndex('monitoring_alert_active_pair_key')
    .ifNotExists()
    .on('monitoring_alert')
    .columns(['counterparty_id', 'entry_id'])
    .unique()
    .where(sql.ref('state'), 'in', ['open', 'in_review'])
    .execute();
  await db.schema
    .createIndex('monitoring_alert_org_state_idx')
    .ifNotExists()
    .on('monitoring_alert')
    .columns(['organization_id', 'state', 'id'])
    .execute();
  await db.schema
    .createIndex('monitoring_alert_entry_idx')
    .ifNotExists()
    .on('monitoring_alert')
    .columns(['entry_id', 'state'])
    .execute();
  await db.schema
    .createTable('monitoring_alert_note')
    .ifNotExists()
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('organization_id', keyText(dialect), (c) => c.notNull())
    .addColumn('alert_id', 'integer', (c) => c.notNull().references('monitoring_alert.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('monitoring_alert_note_alert_idx')
    .ifNotExists()
    .on('monitoring_alert_note')
    .columns(['alert_id', 'id'])
    .execute();
}

/** Creates the monitoring tables. */
export const monitoringMigration: StoreMigration = {
  name: '0003-monitoring',
  async up(db, dialect) {
    await createPortfolio(db, dialect);
    await createCounterparty(db, dialect);
    await createRun(db, dialect);
    await createAlert(db, dialect);
  },
};
