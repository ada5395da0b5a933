/**
 * Stores with a raw SQL side door, for tests that tamper with rows as someone with database
 * access would: a SQLite file opened twice, or a PostgreSQL schema reached by a plain client.
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

import type { RawStoreHarness } from '../../src/store/audit-store.contract.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import type { PostgresTestSchemas } from './postgres.js';

/**
 * A SQLite store in a fresh temporary file, plus a second raw connection to it.
 *
 * @example
 * runAuditStoreContract('SQLite', sqliteHarness);
 */
export async function sqliteHarness(): Promise<RawStoreHarness> {
  const folder = mkdtempSync(join(tmpdir(), 'puente-audit-'));
  const file = join(folder, 'puente.db');
  const store = await createSqliteStore(file);
  const raw = new BetterSqlite3(file, { timeout: 5_000 });
  const others: Store[] = [];
  return {
    store,
    concurrentStores: false,
    exec: (statement) => Promise.resolve(void raw.prepare(statement).run()),
    reopen: async () => {
      const other = await createSqliteStore(file);
      others.push(other);
      return other;
    },
    close: async () => {
      raw.close();
      await Promise.all(others.map((other) => other.close()));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A PostgreSQL store in a fresh schema, plus a plain client with that schema on its path.
 *
 * @example
 * runAuditStoreContract('PostgreSQL', () => postgresHarness(url, schemas));
 */
export async function postgresHarness(
  url: string,
  schemas: PostgresTestSchemas,
): Promise<RawStoreHarness> {
  const schema = schemas.newSchema();
  const store = await schemas.createStore(schema);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`set search_path to "${schema}"`);
  const others: Store[] = [];
  return {
    store,
    concurrentStores: true,
    exec: async (statement) => {
      await client.query(statement);
    },
    reopen: async () => {
      const other = await schemas.createStore(schema);
      others.push(other);
      return other;
    },
    close: async () => {
      await client.end();
      await Promise.all(others.map((other) => other.close()));
    },
  };
}
