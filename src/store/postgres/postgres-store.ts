/**
 * The store on PostgreSQL (node-postgres pool).
 *
 * @module
 */
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';

import { ConfigError } from '../../core/errors.js';
import { postgresConnectionError, redactUrl } from '../connection-errors.js';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import type { Database } from '../schema.js';
import { assembleStore } from '../store.js';
import type { Store } from '../store.js';

/** Options of `createPostgresStore`. */
export interface PostgresStoreOptions {
  /**
   * Schema holding every table, created when missing and put first on the `search_path`.
   * Defaults to the role's `search_path` (usually `public`). Tests use a random one per run.
   */
  readonly schema?: string;
  /** Maximum pooled connections (default 10). */
  readonly maxConnections?: number;
}

/** How long opening a connection may take before the server counts as unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;

/** Unquoted-identifier syntax, so the name can be spliced into `set search_path` safely. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Connects to PostgreSQL and migrates the schema to the latest version.
 *
 * @throws PuenteError `config_invalid` for a bad URL, schema name, credentials or database;
 *   `source_unavailable` when the server cannot be reached.
 * @example
 * const store = await createPostgresStore('postgres://app@db:5432/puente');
 * const isolated = await createPostgresStore(url, { schema: 'test_3f9a' });
 */
export async function createPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<Store> {
  validateUrl(url);
  const schema = validateSchema(options.schema);
  const db = new Kysely<Database>({ dialect: dialectFor(url, schema, options.maxConnections) });
  try {
    await ping(db, url);
    if (schema !== undefined) {
      await db.schema.createSchema(schema).ifNotExists().execute();
    }
    await migrateToLatest(db, 'postgres', { schema });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return assembleStore('postgres', db);
}

function dialectFor(url: string, schema: string | undefined, max = 10): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle connection dropped by the server emits 'error' on the pool, which would crash the
  // process without a listener; the pool discards that connection and the next query reconnects.
  pool.on('error', () => undefined);
  return new PostgresDialect({
    pool,
    onCreateConnection:
      schema === undefined
        ? undefined
        : (connection) =>
            connection
              .executeQuery(CompiledQuery.raw(`set search_path to "${schema}"`))
              .then(() => undefined),
  });
}

async function ping(db: Kysely<Database>, url: string): Promise<void> {
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    throw postgresConnectionError(url, error);
  }
}

function validateUrl(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    // The unparsed text may hold a password, so it is not repeated.
    throw new ConfigError(
      'the PostgreSQL URL is not valid; expected postgres://user:password@host:port/database',
    );
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new ConfigError(`not a PostgreSQL URL: ${redactUrl(url)}`, { url: redactUrl(url) });
  }
}

function validateSchema(schema: string | undefined): string | undefined {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new ConfigError(
      `invalid PostgreSQL schema name "${schema}": use lower-case letters, digits and _`,
      { schema },
    );
  }
  return schema;
}
