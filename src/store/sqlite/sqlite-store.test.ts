import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

import { testEntry, testPublication } from '../../../test/support/watchlist-publications.js';
import { sqliteHarness } from '../../../test/support/raw-store-harness.js';
import { runAuditStoreContract } from '../audit-store.contract.js';
import { runIdentityStoreContract } from '../identity-store.contract.js';
import { runMarkingChangesContract } from '../marking-changes.contract.js';
import { runRecordMarkingsContract } from '../record-markings.contract.js';
import { runMonitoringStoreContract } from '../monitoring-store.contract.js';
import { runWatchlistStoreContract } from '../watchlist-store.contract.js';
import { createSqliteStore } from './sqlite-store.js';

runWatchlistStoreContract('SQLite', () => createSqliteStore(':memory:'));
runIdentityStoreContract('SQLite', () => createSqliteStore(':memory:'));
runRecordMarkingsContract('SQLite', () => createSqliteStore(':memory:'));
runMarkingChangesContract('SQLite', () => createSqliteStore(':memory:'));
runMonitoringStoreContract('SQLite', () => createSqliteStore(':memory:'));
runAuditStoreContract('SQLite', sqliteHarness);

describe('createSqliteStore', () => {
  const folder = mkdtempSync(join(tmpdir(), 'puente-sqlite-'));
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates missing folders, uses WAL and keeps data across reopen', async () => {
    const filename = join(folder, 'nested', 'deeper', 'puente.db');
    const first = await createSqliteStore(filename);
    const { publication } = await first.watchlist.savePublication(
      testPublication([testEntry('un', 'QDi.001')]),
    );
    await first.close();

    // Reopening runs the migrator again: it must find nothing to do and lose nothing.
    const reopened = await createSqliteStore(filename);
    try {
      expect(reopened.kind).toBe('sqlite');
      expect(await reopened.watchlist.listPublications()).toEqual([publication]);
      expect(await reopened.watchlist.findEntry(publication.id, 'QDi.001')).toBeDefined();
    } finally {
      await reopened.close();
    }
    const raw = new BetterSqlite3(filename, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const migrations = raw.prepare('select name from kysely_migration').all();
      expect(migrations).toEqual([
        { name: '0001-watchlists' },
        { name: '0002-identity-audit' },
        { name: '0003-monitoring' },
        { name: '0004-notifications' },
        { name: '0005-record-markings' },
        { name: '0006-marking-changes' },
      ]);
    } finally {
      raw.close();
    }
  });

  it('rejects a file that is not a SQLite database with config_invalid', async () => {
    const filename = join(folder, 'not-a-database.db');
    writeFileSync(filename, 'this is plain text, not SQLite, and long enough to have a header');

    await expect(createSqliteStore(filename)).rejects.toMatchObject({ code: 'config_invalid' });
  });
});
