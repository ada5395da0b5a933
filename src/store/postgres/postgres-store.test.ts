import { afterAll, describe, expect, it } from 'vitest';

import { PostgresTestSchemas, describeWithPostgres } from '../../../test/support/postgres.js';
import { testEntry, testPublication } from '../../../test/support/watchlist-publications.js';
import { postgresHarness } from '../../../test/support/raw-store-harness.js';
import { runAuditStoreContract } from '../audit-store.contract.js';
import { runIdentityStoreContract } from '../identity-store.contract.js';
import { runMonitoringStoreContract } from '../monitoring-store.contract.js';
import { runMarkingChangesContract } from '../marking-changes.contract.js';
import { runRecordMarkingsContract } from '../record-markings.contract.js';
import { runWatchlistStoreContract } from '../watchlist-store.contract.js';
import { createPostgresStore } from './postgres-store.js';

describeWithPostgres('PostgreSQL store', (url) => {
  const schemas = new PostgresTestSchemas(url);
  afterAll(() => schemas.dropAll());

  runWatchlistStoreContract('PostgreSQL', () => schemas.createStore());
  runIdentityStoreContract('PostgreSQL', () => schemas.createStore());
  runRecordMarkingsContract('PostgreSQL', () => schemas.createStore());
  runMarkingChangesContract('PostgreSQL', () => schemas.createStore());
  runMonitoringStoreContract('PostgreSQL', () => schemas.createStore());
  runAuditStoreContract('PostgreSQL', () => postgresHarness(url, schemas));

  describe('createPostgresStore', () => {
    it('keeps data across reopen of the same schema', async () => {
      const schema = schemas.newSchema();
      const first = await schemas.createStore(schema);
      const { publication } = await first.watchlist.savePublication(
        testPublication([testEntry('un', 'QDi.001')]),
      );
      await first.close();

      // Reopening runs the migrator again: it must find nothing to do and lose nothing.
      const reopened = await schemas.createStore(schema);
      try {
        expect(reopened.kind).toBe('postgres');
        expect(await reopened.watchlist.listPublications()).toEqual([publication]);
      } finally {
        await reopened.close();
      }
    });

    it('rejects a schema name that is not a plain identifier', async () => {
      await expect(
        createPostgresStore(url, { schema: 'x"; drop table y; --' }),
      ).rejects.toMatchObject({ code: 'config_invalid' });
    });

    it('reports a missing database as config_invalid without the password', async () => {
      const missing = new URL(url);
      missing.pathname = '/puente_no_such_database';
      missing.password = 's3cret-pw';

      const error: unknown = await createPostgresStore(missing.toString()).catch((e: unknown) => e);

      expect(error).toMatchObject({ code: 'config_invalid' });
      expect((error as Error).message).not.toContain('s3cret-pw');
    });
  });
});
