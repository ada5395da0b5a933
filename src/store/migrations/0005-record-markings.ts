/**
 * Markings of watchlist entries as the store enforces them (declared by the list, originated by
 * the organization that ingested it), and the login attempt counters every API process shares.
 *
 * @module
 */
import type { Kysely } from 'kysely';

import { keyText } from './store-migration.js';
import type { SqlDialect, StoreMigration } from './store-migration.js';

async function createEntryMarking(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  // One row per marked entry of a publication; unmarked entries (OFAC, UN) have none, so
  // filtering them costs one indexed lookup that finds nothing.
  await db.schema
    .createTable('entry_marking')
    .ifNotExists()
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('publication.id'))
    .addColumn('source_id', keyText(dialect), (c) => c.notNull())
    .addColumn('version_hash', keyText(dialect), (c) => c.notNull())
    .addColumn('marking', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entry_marking_pkey', ['publication_id', 'source_id'])
    .execute();
  await db.schema
    .createIndex('entry_marking_version_hash_idx')
    .ifNotExists()
    .on('entry_marking')
    .column('version_hash')
    .execute();
}

async function createLoginThrottle(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  // Fixed windows per key (`ip:…`, `user:…`), incremented atomically by every API process.
  await db.schema
    .createTable('login_throttle')
    .ifNotExists()
    .addColumn('key', keyText(dialect), (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .execute();
}

/** Entry markings and shared login throttling. */
export const recordMarkingsMigration: StoreMigration = {
  name: '0005-record-markings',
  async up(db, dialect) {
    await createEntryMarking(db, dialect);
    await createLoginThrottle(db, dialect);
  },
};
