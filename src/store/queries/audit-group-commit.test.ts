import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { testAudit } from '../../../test/support/identity-fixtures.js';
import { PostgresTestSchemas, describeWithPostgres } from '../../../test/support/postgres.js';
import type { AuditEvent } from '../../audit/audit-event.js';
import { verifyStoredAuditChain } from '../../audit/verify-stored-chain.js';
import { createSqliteStore } from '../sqlite/sqlite-store.js';
import type { Store } from '../store.js';

const screening = (id: string) => ({
  action: 'screening.run',
  targetType: 'endpoint',
  targetId: id,
});

/** Stand-alone appends of many concurrent requests: every one committed, one chain. */
function concurrentAppendSuite(name: string, open: () => Promise<Store>): void {
  describe(`concurrent stand-alone appends (${name})`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
    });

    it('commits every event of concurrent requests, in one verifiable chain', async () => {
      store = await open();
      await store.audit.append(testAudit(), screening('first'));
      const events = await Promise.all(
        Array.from({ length: 40 }, (_, i) => store!.audit.append(testAudit(), screening(`r${i}`))),
      );
      const stored = await store.audit.list({ limit: 1000 });
      expect(stored).toHaveLength(41);
      // Each answer is the stored event, so each request was answered after its commit.
      const bySeq = new Map(stored.map((event) => [event.seq, event]));
      for (const event of events) {
        expect(bySeq.get(event.seq)).toEqual(event);
      }
      expect(new Set(events.map((e) => e.seq)).size).toBe(40);
      expect((await verifyStoredAuditChain(store.audit)).intact).toBe(true);
    });
  });
}

concurrentAppendSuite('SQLite', () => createSqliteStore(':memory:'));

describeWithPostgres('audit group commit on PostgreSQL', (url) => {
  const schemas = new PostgresTestSchemas(url);
  afterAll(() => schemas.dropAll());

  concurrentAppendSuite('PostgreSQL', () => schemas.createStore());

  /** Runs one statement in `schema`, outside the store. */
  async function exec(schema: string, statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`set search_path to "${schema}"`);
      await client.query(statement);
    } finally {
      await client.end();
    }
  }

  it('fails every waiter of a group whose commit fails, and commits the next group', async () => {
    const schema = schemas.newSchema();
    const store = await schemas.createStore(schema);
    try {
      await store.audit.append(testAudit(), screening('warm'));
      await exec(
        schema,
        `alter table audit_event add constraint zz_no_poison check (target_id <> 'poison')`,
      );
      // The first append commits alone; the next four arrive while it is in flight and share
      // one commit, which the poisoned event makes fail.
      const settled = await Promise.allSettled(
        ['alone', 'b', 'poison', 'd', 'e'].map((id) =>
          store.audit.append(testAudit(), screening(id)),
        ),
      );
      expect(settled.map((result) => result.status)).toEqual([
        'fulfilled',
        'rejected',
        'rejected',
        'rejected',
        'rejected',
      ]);
      const after = await store.audit.append(testAudit(), screening('after'));
      const stored = (await store.audit.list()).map((event) => event.targetId);
      expect(stored).toEqual(['warm', 'alone', 'after']);
      expect(after.seq).toBe(3);
      expect((await verifyStoredAuditChain(store.audit)).intact).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('chains a group onto events another process appended meanwhile', async () => {
    const schema = schemas.newSchema();
    const serving = await schemas.createStore(schema);
    const other = await schemas.createStore(schema);
    try {
      await serving.audit.append(testAudit(), screening('serving-1'));
      await other.audit.append(testAudit(), screening('other-1'));
      const group: AuditEvent[] = await Promise.all(
        ['a', 'b', 'c'].map((id) => serving.audit.append(testAudit(), screening(id))),
      );
      expect(group.map((event) => event.seq)).toEqual([3, 4, 5]);
      await other.audit.append(testAudit(), screening('other-2'));
      await Promise.all(['d', 'e'].map((id) => serving.audit.append(testAudit(), screening(id))));
      expect((await serving.audit.list()).map((event) => event.targetId)).toEqual([
        'serving-1',
        'other-1',
        'a',
        'b',
        'c',
        'other-2',
        'd',
        'e',
      ]);
      expect((await verifyStoredAuditChain(serving.audit)).intact).toBe(true);
    } finally {
      await serving.close();
      await other.close();
    }
  });
});
