/**
 * Reuses prepared SQLite statements. Kysely's SQLite driver prepares every query it runs;
 * compiling the same few statements again on each request (authentication, the audit append,
 * the list reads) cost more than running them.
 *
 * @module
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct statements kept; queries with `IN (?, ?, …)` lists make many variants. */
const DEFAULT_CAPACITY = 512;

/**
 * The database as Kysely's dialect sees it, with `prepare` answered from a cache keyed by the
 * SQL text (least recently used dropped first). A statement still being iterated is `busy`;
 * a second use of the same SQL meanwhile gets a fresh statement.
 *
 * @example
 * new SqliteDialect({ database: withStatementCache(new BetterSqlite3(file)) });
 */
export function withStatementCache(
  database: BetterSqlite3.Database,
  capacity = DEFAULT_CAPACITY,
): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached !== undefined) {
        if (cached.busy) {
          return database.prepare(sql);
        }
        // Re-inserting moves it to the end: the map's first key is the least recently used.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (statements.size >= capacity) {
        const oldest = statements.keys().next();
        if (oldest.done !== true) {
          statements.delete(oldest.value);
        }
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
