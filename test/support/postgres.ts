/**
 * PostgreSQL for tests: the server comes from `PUENTE_TEST_POSTGRES_URL`, and every store gets
 * its own random schema, dropped when the suite ends.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';

import pg from 'pg';
import { describe, it } from 'vitest';

import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { Store } from '../../src/store/store.js';

/** The environment variable naming the test server. */
export const TEST_POSTGRES_URL_VARIABLE = 'PUENTE_TEST_POSTGRES_URL';

/**
 * Declares a suite that needs PostgreSQL. Without a server URL it is skipped with a warning,
 * except in CI (`CI=true`), where a missing server must fail the build rather than pass it.
 *
 * @example
 * describeWithPostgres('PostgreSQL store', (url) => {
 *   runWatchlistStoreContract('PostgreSQL', () => schemas.createStore());
 * });
 */
export function describeWithPostgres(name: string, body: (url: string) => void): void {
  const url = process.env[TEST_POSTGRES_URL_VARIABLE];
  if (url !== undefined && url !== '') {
    describe(name, () => {
      body(url);
    });
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('has a PostgreSQL server to test against', () => {
        throw new Error(`${TEST_POSTGRES_URL_VARIABLE} is required in CI`);
      });
    });
    return;
  }
  console.warn(
    `${name}: skipped because ${TEST_POSTGRES_URL_VARIABLE} is not set ` +
      `(e.g. ${TEST_POSTGRES_URL_VARIABLE}=postgres://postgres@127.0.0.1:5432/test)`,
  );
  describe.skip(`${name} (set ${TEST_POSTGRES_URL_VARIABLE} to run)`, () => {
    it('needs a PostgreSQL server', () => undefined);
  });
}

/**
 * Stores in fresh random schemas of one server, and their cleanup.
 *
 * @example
 * const schemas = new PostgresTestSchemas(url);
 * afterAll(() => schemas.dropAll());
 * const store = await schemas.createStore();
 */
export class PostgresTestSchemas {
  private readonly created: string[] = [];

  constructor(private readonly url: string) {}

  /** A new random schema name, remembered for `dropAll`. */
  newSchema(): string {
    const schema = `puente_test_${randomBytes(6).toString('hex')}`;
    this.created.push(schema);
    return schema;
  }

  /** A migrated store in a schema of its own; `schema` reopens an existing one. */
  createStore(schema: string = this.newSchema()): Promise<Store> {
    return createPostgresStore(this.url, { schema, maxConnections: 2 });
  }

  /** Drops every schema handed out. */
  async dropAll(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      for (const schema of this.created.splice(0)) {
        await client.query(`drop schema if exists "${schema}" cascade`);
      }
    } finally {
      await client.end();
    }
  }
}
