/**
 * Changes of entry markings (raised by a reader, lowered by the originator): one row per
 * change, never updated, so an entry's marking history is complete
 * (`docs/adr/0015-changing-markings.md`); and an index to find an entry's markings across
 * publications.
 *
 * @module
 */
import { idColumn, keyText } from './store-migration.js';
import type { StoreMigration } from './store-migration.js';

/** The `entry_marking_change` table. */
export const markingChangesMigration: StoreMigration = {
  name: '0006-marking-changes',
  async up(db, dialect) {
    await db.schema
      .createTable('entry_marking_change')
      .ifNotExists()
      .addColumn('id', 'integer', idColumn(dialect))
      .addColumn('source', keyText(dialect), (c) => c.notNull())
      .addColumn('source_id', keyText(dialect), (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      // JSON of the `Marking` (src/access) before and after, originators included.
      .addColumn('previous', 'text', (c) => c.notNull())
      .addColumn('marking', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('entry_marking_change_entry_idx')
      .ifNotExists()
      .on('entry_marking_change')
      .columns(['source', 'source_id', 'id'])
      .execute();
    // The markings of one entry across publications (a change updates them all).
    await db.schema
      .createIndex('entry_marking_source_id_idx')
      .ifNotExists()
      .on('entry_marking')
      .column('source_id')
      .execute();
  },
};
