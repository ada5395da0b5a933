/**
 * Watchlist publications and their entries. Entry versions are stored once and shared by every
 * publication that holds the same content, so a daily list costs only its changes.
 *
 * @module
 */
import type { Kysely } from 'kysely';

import { idColumn, keyOnlyTable, keyText } from './store-migration.js';
import type { SqlDialect, StoreMigration } from './store-migration.js';

async function createPublication(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('publication')
    .ifNotExists()
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('source', keyText(dialect), (column) => column.notNull())
    .addColumn('published_at', keyText(dialect), (column) => column.notNull())
    .addColumn('content_hash', 'text', (column) => column.notNull())
    .addColumn('ingested_at', 'text', (column) => column.notNull())
    .addColumn('entry_count', 'integer', (column) => column.notNull())
    .addColumn('files', 'text', (column) => column.notNull())
    .addColumn('report', 'text', (column) => column.notNull())
    .addUniqueConstraint('publication_source_content_hash_key', ['source', 'content_hash'])
    .execute();
  // Serves "current publication per source" and newest-first listings.
  await db.schema
    .createIndex('publication_source_published_at_idx')
    .ifNotExists()
    .on('publication')
    .columns(['source', 'published_at', 'id'])
    .execute();
}

async function createEntryVersion(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('entry_version')
    .ifNotExists()
    .addColumn('version_hash', 'text', (column) => column.primaryKey())
    .addColumn('source', keyText(dialect), (column) => column.notNull())
    .addColumn('source_id', keyText(dialect), (column) => column.notNull())
    .addColumn('data', 'text', (column) => column.notNull())
    .execute();
}

async function createPublicationEntry(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('publication_entry')
    .ifNotExists()
    .addColumn('publication_id', 'integer', (column) =>
      column.notNull().references('publication.id'),
    )
    .addColumn('source_id', keyText(dialect), (column) => column.notNull())
    .addColumn('version_hash', 'text', (column) =>
      column.notNull().references('entry_version.version_hash'),
    )
    .addPrimaryKeyConstraint('publication_entry_pkey', ['publication_id', 'source_id'])
    // One row per entry per publication: by far the most rows of any table.
    .$call(keyOnlyTable(dialect))
    .execute();
  // Which publications share a version (diffs, foreign-key checks).
  await db.schema
    .createIndex('publication_entry_version_hash_idx')
    .ifNotExists()
    .on('publication_entry')
    .column('version_hash')
    .execute();
  // Entry history looks entries up by source id across publications.
  await db.schema
    .createIndex('publication_entry_source_id_idx')
    .ifNotExists()
    .on('publication_entry')
    .column('source_id')
    .execute();
}

/** Creates `publication`, `entry_version` and `publication_entry`. */
export const watchlistsMigration: StoreMigration = {
  name: '0001-watchlists',
  async up(db, dialect) {
    await createPublication(db, dialect);
    await createEntryVersion(db, dialect);
    await createPublicationEntry(db, dialect);
  },
};
