/**
 * Opening the store from one configuration string.
 *
 * @module
 */
import { ConfigError } from '../core/errors.js';
import { createPostgresStore } from './postgres/postgres-store.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** Where callers keep the store when nothing is configured. */
export const DEFAULT_STORE_LOCATION = './puente.db';

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;
const ANY_URL = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * Opens and migrates the store at `location`: a `postgres://` or `postgresql://` URL selects
 * PostgreSQL, anything else is a SQLite file path (created with its folder when missing).
 *
 * @throws PuenteError `config_invalid` for an empty location, another URL scheme, a bad URL or
 *   credentials; `source_unavailable` when PostgreSQL cannot be reached.
 * @example
 * const store = await openStore(process.env.PUENTE_DATABASE ?? DEFAULT_STORE_LOCATION);
 */
export async function openStore(location: string): Promise<Store> {
  if (location.trim() === '') {
    throw new ConfigError(
      'the store location is empty; give a SQLite file path or a postgres:// URL',
    );
  }
  if (POSTGRES_URL.test(location)) {
    return createPostgresStore(location);
  }
  const otherScheme = ANY_URL.exec(location)?.[1];
  if (otherScheme !== undefined) {
    // Only the scheme is echoed: the rest may hold credentials.
    throw new ConfigError(
      `unsupported store URL scheme "${otherScheme}:"; use a postgres:// URL or a SQLite file path`,
      { scheme: otherScheme },
    );
  }
  return createSqliteStore(location);
}
