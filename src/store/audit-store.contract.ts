/**
 * The behaviour every `AuditStore` adapter must show, including tamper detection: the tests
 * change rows with raw SQL, as someone with database access would, and `verifyStoredAuditChain`
 * must name the first broken event. Not run directly (vitest skips `*.contract.ts`).
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { testAudit, testOrganization } from '../../test/support/identity-fixtures.js';
import { testEntry, testPublication } from '../../test/support/watchlist-publications.js';
import { GENESIS_HASH, auditEventHash } from '../audit/audit-event.js';
import type { AuditEvent } from '../audit/audit-event.js';
import { loadOrCreateSigningKey } from '../audit/signing-key.js';
import { checkpointIfDue, verifyStoredAuditChain } from '../audit/verify-stored-chain.js';
import type { Store } from './store.js';

/** A store plus raw access to its database, for tamper tests. */
export interface RawStoreHarness {
  readonly store: Store;
  /** Runs one SQL statement on the same database, bypassing the store. */
  exec(statement: string): Promise<void>;
  /** Opens a second store (its own connections) on the same database. */
  reopen(): Promise<Store>;
  /**
   * Whether two stores of this harness may write concurrently from one thread. Not for SQLite:
   * better-sqlite3 waits for a lock synchronously, so a second in-process writer would block
   * the thread the first writer needs to commit (separate processes wait correctly).
   */
  readonly concurrentStores: boolean;
  /** Closes the raw connection and any reopened store (not `store`). */
  close(): Promise<void>;
}

/**
 * Declares the audit contract suite for one adapter.
 *
 * @example
 * runAuditStoreContract('SQLite', () => sqliteHarness());
 */
export function runAuditStoreContract(
  name: string,
  makeHarness: () => Promise<RawStoreHarness>,
): void {
  describe(`AuditStore contract (${name})`, () => {
    const keyFolder = mkdtempSync(join(tmpdir(), 'puente-audit-key-'));
    const key = loadOrCreateSigningKey(join(keyFolder, 'nested', 'audit-ed25519.pem'));
    let harness: RawStoreHarness;
    let store: Store;

    afterAll(() => {
      rmSync(keyFolder, { recursive: true, force: true });
    });

    beforeEach(async () => {
      harness = await makeHarness();
      store = harness.store;
    });

    afterEach(async () => {
      await harness.close();
      await store.close();
    });

    async function appendFive(): Promise<readonly AuditEvent[]> {
      for (let i = 1; i <= 5; i += 1) {
        await store.audit.append(testAudit({ id: `user-${i}` }), {
          action: 'record.read',
          targetType: 'record',
          targetId: `r${i}`,
          details: { i },
        });
      }
      return store.audit.list();
    }

    it('chains appended events from the genesis hash and records the head', async () => {
      const events = await appendFive();
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(events[0]?.prevHash).toBe(GENESIS_HASH);
      expect(events.slice(1).map((event) => event.prevHash)).toEqual(
        events.slice(0, -1).map((e) => e.hash),
      );
      expect(events.every((event) => auditEventHash(event) === event.hash)).toBe(true);
      expect(await store.audit.head()).toEqual({ seq: 5, hash: events[4]?.hash });
      expect(await verifyStoredAuditChain(store.audit, key)).toEqual({
        intact: true,
        count: 5,
        head: { seq: 5, hash: events[4]?.hash },
      });
    });

    it('lists with filters and pages', async () => {
      await appendFive();
      expect((await store.audit.list({ actorId: 'user-2' })).map((e) => e.seq)).toEqual([2]);
      expect((await store.audit.list({ targetId: 'r4' })).map((e) => e.seq)).toEqual([4]);
      expect((await store.audit.list({ afterSeq: 2, limit: 2 })).map((e) => e.seq)).toEqual([3, 4]);
      expect(await store.audit.list({ action: 'none' })).toEqual([]);
    });

    it('never forks the chain under concurrent appends', async () => {
      const other = harness.concurrentStores ? await harness.reopen() : store;
      const appends = Array.from({ length: 30 }, (_, i) =>
        (i % 2 === 0 ? store : other).audit.append(testAudit(), {
          action: 'record.read',
          targetType: 'record',
          targetId: `c${i}`,
        }),
      );
      await Promise.all(appends);
      const report = await verifyStoredAuditChain(store.audit);
      expect(report).toMatchObject({ intact: true, count: 30 });
    });

    it('keeps one chain when another store object appended since this one last did', async () => {
      const other = await harness.reopen();
      // Each store remembers the head it last wrote; the other's appends make that stale.
      for (let i = 0; i < 9; i += 1) {
        const writer = i % 3 === 1 ? other : store;
        const context = testAudit({ id: `writer-${i}` });
        if (i % 4 === 3) {
          await writer.identity.createOrganization(testOrganization(`Org ${i}`), context);
        } else {
          await writer.audit.append(context, {
            action: 'record.read',
            targetType: 'record',
            targetId: `s${i}`,
          });
        }
      }
      const report = await verifyStoredAuditChain(store.audit, key);
      expect(report).toMatchObject({ intact: true, count: 9 });
      expect((await store.audit.list()).map((event) => event.actorId)).toEqual(
        Array.from({ length: 9 }, (_, i) => `writer-${i}`),
      );
    });

    it('appends the ingest event in the publication transaction', async () => {
      const { publication } = await store.watchlist.savePublication(
        testPublication([testEntry('un', 'QDi.1')]),
        testAudit(),
      );
      await store.watchlist.savePublication(
        testPublication([testEntry('un', 'QDi.2')], { contentHash: 'other' }),
      );
      const events = await store.audit.list();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'list.ingest',
        targetId: String(publication.id),
        details: { created: true, source: 'un' },
      });
    });

    it('signs checkpoints when due and verifies them', async () => {
      await appendFive();
      expect(await checkpointIfDue(store.audit, key, 10, new Date())).toBeUndefined();
      const checkpoint = await checkpointIfDue(store.audit, key, 3, new Date());
      expect(checkpoint).toMatchObject({ seq: 5, keyId: key.keyId });
      expect(await store.audit.listCheckpoints()).toEqual([checkpoint]);
      expect((await verifyStoredAuditChain(store.audit, key)).intact).toBe(true);
    });

    describe('tamper detection with raw SQL', () => {
      it('detects a modified event', async () => {
        await appendFive();
        await harness.exec(`update audit_event set target_id = 'r99' where seq = 3`);
        expect(await verifyStoredAuditChain(store.audit)).toMatchObject({
          intact: false,
          brokenSeq: 3,
          reason: 'hash_mismatch',
        });
      });

      it('detects a deleted event in the middle', async () => {
        await appendFive();
        await harness.exec('delete from audit_event where seq = 2');
        expect(await verifyStoredAuditChain(store.audit)).toMatchObject({
          intact: false,
          brokenSeq: 2,
          reason: 'missing_event',
        });
      });

      it('detects a deleted last event through the head', async () => {
        await appendFive();
        await harness.exec('delete from audit_event where seq = 5');
        expect(await verifyStoredAuditChain(store.audit)).toMatchObject({
          intact: false,
          brokenSeq: 5,
          reason: 'head_mismatch',
        });
      });

      it('detects an inserted event even when its own hash is forged correctly', async () => {
        const events = await appendFive();
        // Make room at seq 3 (two steps, so no primary key collides), then insert a forged event.
        await harness.exec('update audit_event set seq = seq + 100 where seq >= 3');
        await harness.exec('update audit_event set seq = seq - 99 where seq >= 100');
        const forged = { ...events[2]!, actorId: 'intruder', prevHash: events[1]!.hash };
        await harness.exec(insertStatement({ ...forged, hash: auditEventHash(forged) }));
        expect(await verifyStoredAuditChain(store.audit)).toMatchObject({
          intact: false,
          brokenSeq: 4,
          reason: 'hash_mismatch',
        });
      });

      it('detects an inserted event with an invented hash at its own position', async () => {
        const events = await appendFive();
        await harness.exec('update audit_event set seq = seq + 100 where seq >= 3');
        await harness.exec('update audit_event set seq = seq - 99 where seq >= 100');
        await harness.exec(
          insertStatement({ ...events[2]!, actorId: 'intruder', hash: 'a'.repeat(64) }),
        );
        expect(await verifyStoredAuditChain(store.audit)).toMatchObject({
          intact: false,
          brokenSeq: 3,
          reason: 'hash_mismatch',
        });
      });

      it('detects two reordered events', async () => {
        await appendFive();
        await harness.exec('update audit_event set seq = -2 where seq = 2');
        await harness.exec('update audit_event set seq = 2 where seq = 3');
        await harness.exec('update audit_event set seq = 3 where seq = -2');
        expect(await verifyStoredAuditChain(store.audit)).toMatchObject({
          intact: false,
          brokenSeq: 2,
          reason: 'hash_mismatch',
        });
      });

      it('detects a rewritten chain with recomputed hashes through the signed checkpoint', async () => {
        const events = await appendFive();
        await checkpointIfDue(store.audit, key, 1, new Date());
        let prevHash = events[0]!.hash;
        for (const event of events.slice(1)) {
          const changed = {
            ...event,
            actorId: event.seq === 2 ? 'someone-else' : event.actorId,
            prevHash,
          };
          const hash = auditEventHash(changed);
          await harness.exec(
            `update audit_event set actor_id = '${changed.actorId}', prev_hash = '${prevHash}', hash = '${hash}' where seq = ${event.seq}`,
          );
          prevHash = hash;
        }
        await harness.exec(`update audit_head set last_hash = '${prevHash}' where id = 1`);
        expect((await verifyStoredAuditChain(store.audit)).intact).toBe(false);
        expect(await verifyStoredAuditChain(store.audit, key)).toMatchObject({
          intact: false,
          brokenSeq: 5,
          reason: 'checkpoint_mismatch',
        });
      });

      it('detects a forged checkpoint signature', async () => {
        await appendFive();
        await checkpointIfDue(store.audit, key, 1, new Date());
        await harness.exec(`update audit_checkpoint set at = '2000-01-01T00:00:00.000Z'`);
        expect(await verifyStoredAuditChain(store.audit, key)).toMatchObject({
          intact: false,
          reason: 'checkpoint_mismatch',
        });
      });
    });
  });
}

function insertStatement(event: AuditEvent): string {
  const text = (value: string | null) =>
    value === null ? 'null' : `'${value.replaceAll("'", "''")}'`;
  const values = [
    String(event.seq),
    text(event.at),
    text(event.actorKind),
    text(event.actorId),
    text(event.organizationId),
    text(event.action),
    text(event.targetType),
    text(event.targetId),
    text(event.outcome),
    text(event.ip),
    text(event.reason),
    text(JSON.stringify(event.details)),
    text(event.prevHash),
    text(event.hash),
  ];
  return `insert into audit_event (seq, at, actor_kind, actor_id, organization_id, action, target_type, target_id, outcome, ip, reason, details, prev_hash, hash) values (${values.join(', ')})`;
}
