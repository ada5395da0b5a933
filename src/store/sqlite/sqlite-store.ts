/**
 * The store on SQLite (better-sqlite3): one file, or `:memory:` for tests.
 *
 * @module
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';

import { sqliteOpenError } from '../connection-errors.js';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import type { Database } from '../schema.js';
import { assembleStore } from '../store.js';
import type { Store } from '../store.js';
import { useNativeAuditAppend } from '../queries/audit-queries.js';
import { sqliteAuditAppend } from './sqlite-audit-append.js';
import { withStatementCache } from './statement-cache.js';

/** How long a write waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Page cache per connection, in KiB (SQLite's default is 2 MB). A large list is about 25 MB of
 * entry JSON; keeping it cached makes repeated reads of the current publications cheap.
 */
const CACHE_SIZE_KIB = 65_536;

/**
 * Opens (creating if needed) a SQLite store and migrates it to the latest schema.
 *
 * @throws ConfigError when the file cannot be created or is not a SQLite database.
 * @example
 * const store = await createSqliteStore('./data/puente.db');
 * const memory = await createSqliteStore(':memory:');
 */
export async function createSqliteStore(filename: string): Promise<Store> {
  const database = open(filename);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
  try {
    await migrateToLatest(db, 'sqlite');
    useNativeAuditAppend(db, sqliteAuditAppend(database));
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return assembleStore('sqlite', db);
}

function open(filename: string): BetterSqlite3.Database {
  let database: BetterSqlite3.Database | undefined;
  try {
    if (filename !== ':memory:' && filename !== '') {
      mkdirSync(dirname(resolve(filename)), { recursive: true });
    }
    database = new BetterSqlite3(filename, { timeout: BUSY_TIMEOUT_MS });
    // WAL lets readers (API requests) proceed while an ingest writes. The first pragma is also
    // the first read of the file, so a file that is not a database fails here.
    database.pragma('journal_mode = WAL');
    // With WAL, NORMAL syncs at checkpoints instead of at every commit: a power cut can lose
    // the last commits but never corrupts the file or breaks a transaction in half (ADR 0009).
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    database.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
    return database;
  } catch (error) {
    database?.close();
    throw sqliteOpenError(filename, error);
  }
}
