/**
 * Notifications and jobs: webhook and e-mail subscriptions, the durable outbox of deliveries
 * with their attempt log, and the job table the in-process queue runs from (SQLite; on
 * PostgreSQL pg-boss keeps its own tables). Timestamps are ISO text, as in `0001-watchlists`.
 *
 * @module
 */
import type { Kysely } from 'kysely';

import { keyText } from './store-migration.js';
import type { SqlDialect, StoreMigration } from './store-migration.js';

async function createSubscriptions(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('webhook_subscription')
    .ifNotExists()
    .addColumn('id', keyText(dialect), (column) => column.primaryKey())
    .addColumn('organization_id', keyText(dialect), (c) =>
      c.notNull().references('organization.id'),
    )
    .addColumn('url', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull())
    // JSON array of event types.
    .addColumn('events', 'text', (column) => column.notNull())
    // AES-256-GCM ciphertext: the secret must be recoverable to sign each delivery.
    .addColumn('secret_ciphertext', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('email_subscription')
    .ifNotExists()
    .addColumn('id', keyText(dialect), (column) => column.primaryKey())
    .addColumn('organization_id', keyText(dialect), (c) =>
      c.notNull().references('organization.id'),
    )
    .addColumn('address', 'text', (column) => column.notNull())
    .addColumn('language', 'text', (column) => column.notNull())
    .addColumn('events', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
}

async function createOutbox(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('notification_outbox')
    .ifNotExists()
    .addColumn('id', keyText(dialect), (column) => column.primaryKey())
    .addColumn('organization_id', keyText(dialect), (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('subscription_id', keyText(dialect), (column) => column.notNull())
    .addColumn('event_id', keyText(dialect), (column) => column.notNull())
    .addColumn('event_type', 'text', (column) => column.notNull())
    // The event's canonical JSON, exactly the body a webhook receives.
    .addColumn('payload', 'text', (column) => column.notNull())
    .addColumn('status', keyText(dialect), (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull())
    .addColumn('next_attempt_at', keyText(dialect), (column) => column.notNull())
    // A worker's claim: others skip the row until the lease ends.
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    // Publishing the same event twice (a retried caller) never delivers it twice.
    .addUniqueConstraint('notification_outbox_event_subscription_key', [
      'event_id',
      'subscription_id',
    ])
    .execute();
  // The dispatcher's question: which deliveries are due now?
  await db.schema
    .createIndex('notification_outbox_status_next_idx')
    .ifNotExists()
    .on('notification_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createTable('notification_delivery')
    .ifNotExists()
    .addColumn('id', keyText(dialect), (column) => column.primaryKey())
    .addColumn('outbox_id', keyText(dialect), (c) =>
      c.notNull().references('notification_outbox.id'),
    )
    .addColumn('attempt', 'integer', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('notification_delivery_outbox_idx')
    .ifNotExists()
    .on('notification_delivery')
    .columns(['outbox_id', 'attempt'])
    .execute();
}

async function createJob(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('job')
    .ifNotExists()
    .addColumn('id', keyText(dialect), (column) => column.primaryKey())
    .addColumn('name', keyText(dialect), (column) => column.notNull())
    .addColumn('payload', 'text', (column) => column.notNull())
    // Non-null while a job with this key is waiting or running: at most one such job.
    .addColumn('singleton_key', keyText(dialect), (column) => column.unique())
    .addColumn('status', keyText(dialect), (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull())
    .addColumn('max_attempts', 'integer', (column) => column.notNull())
    .addColumn('run_at', keyText(dialect), (column) => column.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('worker_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('job_status_run_at_idx')
    .ifNotExists()
    .on('job')
    .columns(['status', 'run_at'])
    .execute();
}

/** Creates the subscription, outbox, delivery and job tables. */
export const notificationsMigration: StoreMigration = {
  name: '0004-notifications',
  async up(db, dialect) {
    await createSubscriptions(db, dialect);
    await createOutbox(db, dialect);
    await createJob(db, dialect);
  },
};
