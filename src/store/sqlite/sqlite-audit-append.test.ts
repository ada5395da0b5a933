import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { testAudit } from '../../../test/support/identity-fixtures.js';
import { verifyAuditChain } from '../../audit/verify-audit-chain.js';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import { AuditQueries, appendAuditEvent, useNativeAuditAppend } from '../queries/audit-queries.js';
import type { Database } from '../schema.js';
import { sqliteAuditAppend } from './sqlite-audit-append.js';
import { withStatementCache } from './statement-cache.js';

const read = (id: string) => ({ action: 'record.read', targetType: 'record', targetId: id });

describe('sqliteAuditAppend', () => {
  let database: BetterSqlite3.Database;
  let db: Kysely<Database>;
  let audit: AuditQueries;

  beforeEach(async () => {
    database = new BetterSqlite3(':memory:');
    db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(database) }),
    });
    await migrateToLatest(db, 'sqlite');
    useNativeAuditAppend(db, sqliteAuditAppend(database));
    audit = new AuditQueries(db);
  });

  afterEach(async () => {
    await db.destroy();
  });

  it('commits a stand-alone event before its promise settles', async () => {
    const pending = audit.append(testAudit(), read('r1'));
    // Committed already: another reader of the file would see it.
    expect(database.prepare('select count(*) as n from audit_event').get()).toEqual({ n: 1 });
    expect((await pending).seq).toBe(1);
  });

  it('rolls back a failed append, head move included, and leaves no transaction open', async () => {
    const first = await audit.append(testAudit(), read('first'));
    // A row already at the next position: the head moves, then the insert fails.
    const columns =
      'at, actor_kind, actor_id, organization_id, action, target_type, target_id, outcome, ip, reason, details, prev_hash, hash';
    database
      .prepare(`insert into audit_event (seq, ${columns}) select 2, ${columns} from audit_event`)
      .run();
    await expect(audit.append(testAudit(), read('lost'))).rejects.toThrow(/UNIQUE|constraint/i);
    expect(database.inTransaction).toBe(false);
    expect(await audit.head()).toEqual({ seq: 1, hash: first.hash });
    database.prepare('delete from audit_event where seq = 2').run();
    await audit.append(testAudit(), read('second'));
    const events = await audit.list();
    expect(events.map((e) => e.targetId)).toEqual(['first', 'second']);
    expect(verifyAuditChain(events, await audit.head()).intact).toBe(true);
  });

  it('waits for a transaction open on the connection, and survives its rollback', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let opened: () => void = () => undefined;
    const isOpen = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const failing = db.transaction().execute(async (trx) => {
      await appendAuditEvent(trx, testAudit(), read('rolled-back'), new Date());
      opened();
      await held;
      throw new Error('the write failed');
    });
    await isOpen;
    expect(database.inTransaction).toBe(true);
    let settled = false;
    const standAlone = audit.append(testAudit(), read('kept')).then((event) => {
      settled = true;
      return event;
    });
    // Give the append every chance to run inside the open transaction.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    release();
    await expect(failing).rejects.toThrow('the write failed');
    const event = await standAlone;
    const events = await audit.list();
    expect(events.map((e) => e.targetId)).toEqual(['kept']);
    expect(event).toMatchObject({ seq: 1, targetId: 'kept' });
    expect(verifyAuditChain(events, await audit.head()).intact).toBe(true);
    // The head hint written by the rolled-back transaction is stale; the next append recovers.
    await audit.append(testAudit(), read('next'));
    const after = await audit.list();
    expect(after.map((e) => e.seq)).toEqual([1, 2]);
    expect(verifyAuditChain(after, await audit.head()).intact).toBe(true);
  });

  it('waits while a streamed query keeps the connection busy', async () => {
    await audit.append(testAudit(), read('a'));
    await audit.append(testAudit(), read('b'));
    const stream = db.selectFrom('audit_event').select('seq').stream();
    const rows: number[] = [];
    let appended: Promise<unknown> | undefined;
    for await (const row of stream) {
      rows.push(row.seq);
      appended ??= audit.append(testAudit(), read('c'));
    }
    await appended;
    expect(rows).toEqual([1, 2]);
    expect((await audit.list()).map((e) => e.targetId)).toEqual(['a', 'b', 'c']);
  });
});
