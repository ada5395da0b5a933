/**
 * Organizations, users, sessions, service accounts, API keys, and the hash-chained audit trail
 * with its one-row head and signed checkpoints. Booleans are `integer` 0/1 and timestamps ISO
 * text, as in `0001-watchlists`, so both databases store and compare them identically.
 *
 * @module
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

import { keyText } from './store-migration.js';
import type { SqlDialect, StoreMigration } from './store-migration.js';

const GENESIS_HASH = '0'.repeat(64);

async function createOrganizationAndUser(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('organization')
    .ifNotExists()
    .addColumn('id', keyText(dialect), (column) => column.primaryKey())
    .addColumn('name', keyText(dialect), (column) => column.notNull().unique())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('country', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('app_user')
    .ifNotExists()
    .addColumn('id', keyText(dialect), (column) => column.primaryKey())
    .addColumn('organization_id', keyText(dialect), (c) =>
      c.notNull().references('organization.id'),
    )
    .addColumn('username', keyText(dialect), (column) => column.notNull().unique())
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('roles', 'text', (column) => column.notNull())
    .addColumn('clearance', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('password_hash', 'text', (column) => column.notNull())
    .addColumn('must_change_password', 'integer', (column) => column.notNull())
    .addColumn('failed_logins', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('totp_last_step', 'integer')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('app_user_organization_id_idx')
    .ifNotExists()
    .on('app_user')
    .column('organization_id')
    .execute();
}

async function createSession(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('user_session')
    .ifNotExists()
    .addColumn('token_hash', keyText(dialect), (column) => column.primaryKey())
    .addColumn('user_id', keyText(dialect), (column) => column.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('last_seen_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('ip', 'text')
    .execute();
  // Ending every session of a user (password change, disable).
  await db.schema
    .createIndex('user_session_user_id_idx')
    .ifNotExists()
    .on('user_session')
    .column('user_id')
    .execute();
}

async function createServiceAccountAndKey(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('service_account')
    .ifNotExists()
    .addColumn('id', keyText(dialect), (column) => column.primaryKey())
    .addColumn('organization_id', keyText(dialect), (c) =>
      c.notNull().references('organization.id'),
    )
    .addColumn('name', keyText(dialect), (column) => column.notNull())
    .addColumn('clearance', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('service_account_organization_name_key', ['organization_id', 'name'])
    .execute();
  await db.schema
    .createTable('api_key')
    .ifNotExists()
    .addColumn('id', keyText(dialect), (column) => column.primaryKey())
    .addColumn('service_account_id', keyText(dialect), (c) =>
      c.notNull().references('service_account.id'),
    )
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('key_hash', 'text', (column) => column.notNull().unique())
    .addColumn('permissions', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
}

async function createAudit(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .ifNotExists()
    // Assigned from `audit_head`, not by the database, so it is part of the hashed content.
    .addColumn('seq', 'integer', (column) => column.primaryKey())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('actor_kind', 'text', (column) => column.notNull())
    .addColumn('actor_id', keyText(dialect), (column) => column.notNull())
    .addColumn('organization_id', keyText(dialect))
    .addColumn('action', keyText(dialect), (column) => column.notNull())
    .addColumn('target_type', 'text', (column) => column.notNull())
    .addColumn('target_id', keyText(dialect), (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('ip', 'text')
    .addColumn('reason', 'text')
    .addColumn('details', 'text', (column) => column.notNull())
    .addColumn('prev_hash', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .execute();
  for (const column of ['actor_id', 'organization_id', 'target_id'] as const) {
    await db.schema
      .createIndex(`audit_event_${column}_idx`)
      .ifNotExists()
      .on('audit_event')
      .columns([column, 'seq'])
      .execute();
  }
}

async function createAuditHeadAndCheckpoint(db: Kysely<unknown>): Promise<void> {
  // One row: every append updates it first, which serializes appends (row lock in PostgreSQL,
  // the write lock in SQLite), so two writers can never chain onto the same predecessor.
  await db.schema
    .createTable('audit_head')
    .ifNotExists()
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('last_seq', 'integer', (column) => column.notNull())
    .addColumn('last_hash', 'text', (column) => column.notNull())
    .execute();
  await sql`insert into audit_head (id, last_seq, last_hash) values (1, 0, ${GENESIS_HASH})`.execute(
    db,
  );
  await db.schema
    .createTable('audit_checkpoint')
    .ifNotExists()
    .addColumn('seq', 'integer', (column) => column.primaryKey())
    .addColumn('hash', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('key_id', 'text', (column) => column.notNull())
    .addColumn('signature', 'text', (column) => column.notNull())
    .execute();
}

/** Creates the identity tables and the audit trail. */
export const identityAuditMigration: StoreMigration = {
  name: '0002-identity-audit',
  async up(db, dialect) {
    await createOrganizationAndUser(db, dialect);
    await createSession(db, dialect);
    await createServiceAccountAndKey(db, dialect);
    await createAudit(db, dialect);
    await createAuditHeadAndCheckpoint(db);
  },
};
