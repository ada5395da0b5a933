import { afterAll } from 'vitest';

import { PostgresTestSchemas, describeWithPostgres } from '../../../test/support/postgres.js';
import { createSqliteStore } from '../sqlite/sqlite-store.js';
import { runNotificationStoreContract } from './notification-store.contract.js';

runNotificationStoreContract('SQLite', () => createSqliteStore(':memory:'));

describeWithPostgres('notification and job stores on PostgreSQL', (url) => {
  const schemas = new PostgresTestSchemas(url);
  afterAll(() => schemas.dropAll());
  runNotificationStoreContract('PostgreSQL', () => schemas.createStore());
});
