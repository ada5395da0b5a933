/**
 * Runs the store's migrations. They are listed in code rather than discovered on disk, so the
 * same list works from `src/` under tests and from the compiled `dist/`.
 *
 * @module
 */
import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';

import { PuenteError } from '../../core/errors.js';
import { watchlistsMigration } from './0001-watchlists.js';
import { identityAuditMigration } from './0002-identity-audit.js';
import { monitoringMigration } from './0003-monitoring.js';
import { notificationsMigration } from './0004-notifications.js';
import { recordMarkingsMigration } from './0005-record-markings.js';
import { markingChangesMigration } from './0006-marking-changes.js';
import type { SqlDialect, StoreMigration } from './store-migration.js';

/** Every migration in order. To add one: create `000N-name.ts` and append it here. */
export const storeMigrations: readonly StoreMigration[] = [
  watchlistsMigration,
  identityAuditMigration,
  monitoringMigration,
  notificationsMigration,
  recordMarkingsMigration,
  markingChangesMigration,
];

/**
 * Hands the store's migrations to Kysely's `Migrator`, bound to one dialect.
 *
 * @example
 * new Migrator({ db, provider: new StoreMigrationProvider('sqlite') });
 */
export class StoreMigrationProvider implements MigrationProvider {
  constructor(
    private readonly dialect: SqlDialect,
    private readonly migrations: readonly StoreMigration[] = storeMigrations,
  ) {}

  /** The migrations keyed by name, as `Migrator` expects. */
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(
      Object.fromEntries(
        this.migrations.map((migration) => [migration.name, this.bind(migration)]),
      ),
    );
  }

  private bind(migration: StoreMigration): Migration {
    const dialect = this.dialect;
    return {
      async up(db: Kysely<unknown>) {
        // Kysely runs PostgreSQL migrations in a transaction but not SQLite ones; wrapping
        // them here keeps a failed SQLite migration from leaving half its tables behind.
        if (db.isTransaction) {
          await migration.up(db, dialect);
        } else {
          await db.transaction().execute((trx) => migration.up(trx, dialect));
        }
      },
    };
  }
}

/** Where the migration bookkeeping tables live. */
export interface MigrateOptions {
  /** PostgreSQL schema; defaults to the connection's `search_path`. */
  readonly schema?: string;
}

/**
 * Applies every pending migration; a no-op when the schema is current.
 *
 * @throws PuenteError `internal_error` naming the migration that failed.
 * @example
 * await migrateToLatest(db, 'postgres', { schema: 'puente' });
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  dialect: SqlDialect,
  options: MigrateOptions = {},
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new StoreMigrationProvider(dialect),
    // Kysely finds its bookkeeping table in any schema unless told which one; naming it keeps
    // a schema-scoped store from mistaking another schema's table for its own.
    ...(options.schema === undefined ? {} : { migrationTableSchema: options.schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const what = failed === undefined ? 'database migration' : `database migration ${failed}`;
    throw new PuenteError('internal_error', `${what} failed: ${errorMessage(error)}`, {}, error);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
