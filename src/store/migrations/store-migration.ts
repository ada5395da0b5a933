/**
 * What a migration file exports, plus the few column types that differ between databases.
 * Migrations stay dialect-neutral by asking these helpers instead of spelling types out.
 *
 * @module
 */
import { sql } from 'kysely';
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, RawBuilder } from 'kysely';

/** The SQL dialects a migration must support. */
export type SqlDialect = 'sqlite' | 'postgres';

/**
 * One schema change. `name` orders migrations (`0001-watchlists`, `0002-…`) and is recorded
 * once applied, so it must never change after release.
 *
 * @example
 * export const auditMigration: StoreMigration = {
 *   name: '0002-audit',
 *   async up(db, dialect) {
 *     await db.schema.createTable('audit_event').ifNotExists()
 *       .addColumn('id', 'integer', idColumn(dialect)).execute();
 *   },
 * };
 */
export interface StoreMigration {
  readonly name: string;
  up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void>;
}

/**
 * Constraints of an auto-assigned `integer` primary key. SQLite's `autoincrement` never reuses
 * an id, even after deletes; PostgreSQL gets a standard identity column.
 *
 * @example
 * table.addColumn('id', 'integer', idColumn(dialect))
 */
export function idColumn(
  dialect: SqlDialect,
): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return dialect === 'postgres'
    ? (column) => column.primaryKey().generatedByDefaultAsIdentity()
    : (column) => column.primaryKey().autoIncrement();
}

/**
 * Text that is sorted or compared (ids, ISO dates). PostgreSQL would otherwise use the
 * database's locale collation, which orders differently from SQLite's byte order; `"C"` makes
 * both databases return the same order.
 *
 * @example
 * table.addColumn('source_id', keyText(dialect), (column) => column.notNull())
 */
export function keyText(dialect: SqlDialect): 'text' | RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : 'text';
}

/**
 * For a table that is little more than its primary key (link tables): SQLite then stores the
 * rows in the primary-key b-tree itself (`without rowid`), which halves the table's size and
 * saves a lookup per row read. PostgreSQL has no such option and does not need it.
 *
 * @example
 * db.schema.createTable('publication_entry').$call(keyOnlyTable(dialect))
 */
export function keyOnlyTable(
  dialect: SqlDialect,
): <TB extends string, C extends string>(
  table: CreateTableBuilder<TB, C>,
) => CreateTableBuilder<TB, C> {
  return (table) => (dialect === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table);
}
