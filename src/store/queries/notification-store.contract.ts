/**
 * The behaviour every `NotificationStore` and `JobStore` adapter must show: subscriptions
 * audited, idempotent enqueue, exclusive claims, attempts logged, dead letters kept and
 * requeued, singleton jobs and lease take-over. Not run directly (vitest skips `*.contract.ts`).
 *
 * @module
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { testAudit, testOrganization } from '../../../test/support/identity-fixtures.js';
import type { NewOutboxItem } from '../../notifications/outbox.js';
import type { Store } from '../store.js';

const T0 = new Date('2026-03-01T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

/**
 * Declares the notification and job contract suites for one adapter.
 *
 * @example
 * runNotificationStoreContract('SQLite', () => createSqliteStore(':memory:'));
 */
export function runNotificationStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`NotificationStore contract (${name})`, () => {
    let store: Store;
    let organizationId: string;

    beforeEach(async () => {
      store = await makeStore();
      organizationId = (
        await store.identity.createOrganization(testOrganization('Banco'), testAudit())
      ).id;
    });
    afterEach(() => store.close());

    const webhook = (events = ['alert.raised'] as const) =>
      store.notifications.createWebhook(
        {
          organizationId,
          url: 'https://hooks.example/puente',
          description: 'core banking',
          events,
          secretCiphertext: 'v1.sealed',
        },
        testAudit({ organizationId }),
      );
    const item = (subscriptionId: string, eventId = 'e1'): NewOutboxItem => ({
      organizationId,
      channel: 'webhook',
      subscriptionId,
      eventId,
      eventType: 'alert.raised',
      payload: `{"id":"${eventId}"}`,
    });

    it('stores webhooks with their ciphertext and audits the creation', async () => {
      const created = await webhook();
      expect(created).toMatchObject({ status: 'active', events: ['alert.raised'] });
      expect(await store.notifications.findWebhook(created.id)).toEqual({
        subscription: created,
        secretCiphertext: 'v1.sealed',
      });
      const events = await store.audit.list({ action: 'webhook.create' });
      expect(events.map((event) => event.targetId)).toEqual([created.id]);
      expect(JSON.stringify(events)).not.toContain('v1.sealed');
    });

    it('finds subscribers by event type and status', async () => {
      const raised = await webhook(['alert.raised']);
      await webhook(['alert.decided'] as never);
      const email = await store.notifications.createEmailSubscription(
        { organizationId, address: 'oc@banco.example', language: 'es', events: ['alert.raised'] },
        testAudit(),
      );
      const found = await store.notifications.subscribersOf(organizationId, 'alert.raised');
      expect(found.webhooks.map((w) => w.id)).toEqual([raised.id]);
      expect(found.emails.map((e) => e.id)).toEqual([email.id]);
      await store.notifications.disableWebhook(raised.id, testAudit());
      expect(
        (await store.notifications.subscribersOf(organizationId, 'alert.raised')).webhooks,
      ).toEqual([]);
    });

    it('enqueues an (event, subscription) pair once', async () => {
      const created = await webhook();
      expect(await store.notifications.enqueue([item(created.id)], T0)).toBe(1);
      expect(
        await store.notifications.enqueue([item(created.id), item(created.id, 'e2')], T0),
      ).toBe(1);
      expect(await store.notifications.listOutbox({ organizationId })).toHaveLength(2);
    });

    it('gives a due item to one claimer until its lease ends', async () => {
      const created = await webhook();
      await store.notifications.enqueue([item(created.id)], T0);
      const first = await store.notifications.claimDue(T0, 10, 60_000);
      expect(first).toHaveLength(1);
      expect(await store.notifications.claimDue(later(1000), 10, 60_000)).toEqual([]);
      const retaken = await store.notifications.claimDue(later(60_000), 10, 60_000);
      expect(retaken.map((i) => i.id)).toEqual([first[0]!.id]);
    });

    it('logs attempts, retries at the given time and dead-letters on null', async () => {
      const created = await webhook();
      await store.notifications.enqueue([item(created.id)], T0);
      const [claimed] = await store.notifications.claimDue(T0, 1, 60_000);
      const failed = { outcome: 'failed', statusCode: 503, error: 'HTTP 503' } as const;
      const retried = await store.notifications.recordAttempt(
        claimed!.id,
        { ...failed, retryAt: later(30_000) },
        later(10),
      );
      expect(retried).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' });
      expect(await store.notifications.claimDue(later(29_000), 1, 60_000)).toEqual([]);
      await store.notifications.claimDue(later(30_000), 1, 60_000);
      const dead = await store.notifications.recordAttempt(
        claimed!.id,
        { ...failed, retryAt: null },
        later(30_010),
      );
      expect(dead).toMatchObject({ status: 'dead', attempts: 2 });
      const attempts = await store.notifications.listAttempts(claimed!.id);
      expect(attempts.map((a) => [a.attempt, a.outcome, a.statusCode])).toEqual([
        [1, 'failed', 503],
        [2, 'failed', 503],
      ]);
      expect(await store.notifications.listOutbox({ organizationId, status: 'dead' })).toHaveLength(
        1,
      );
    });

    it('requeues a dead item (audited) and refuses a pending one', async () => {
      const created = await webhook();
      await store.notifications.enqueue([item(created.id)], T0);
      const [claimed] = await store.notifications.claimDue(T0, 1, 60_000);
      await store.notifications.recordAttempt(
        claimed!.id,
        { outcome: 'failed', statusCode: null, error: 'refused', retryAt: null },
        T0,
      );
      const requeued = await store.notifications.requeue(claimed!.id, later(5), testAudit());
      expect(requeued).toMatchObject({ status: 'pending', attempts: 1 });
      await expect(
        store.notifications.requeue(claimed!.id, later(6), testAudit()),
      ).rejects.toMatchObject({
        code: 'conflict',
      });
      expect(await store.audit.list({ action: 'notification.requeue' })).toHaveLength(1);
    });

    it('dead-letters pending deliveries of a disabled webhook', async () => {
      const created = await webhook();
      await store.notifications.enqueue([item(created.id)], T0);
      await store.notifications.disableWebhook(created.id, testAudit());
      const [only] = await store.notifications.listOutbox({ organizationId });
      expect(only).toMatchObject({ status: 'dead', lastError: 'subscription disabled' });
    });
  });

  describe(`JobStore contract (${name})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(() => store.close());

    const job = (singletonKey?: string) => ({
      name: 'lists.refresh',
      payload: { mode: 'local' },
      runAt: T0,
      maxAttempts: 3,
      ...(singletonKey === undefined ? {} : { singletonKey }),
    });

    it('claims a due job once and completes it', async () => {
      const id = await store.jobs.add(job(), T0);
      expect(await store.jobs.claimNext(['other'], 'w1', T0, 60_000)).toBeUndefined();
      const claimed = await store.jobs.claimNext(['lists.refresh'], 'w1', T0, 60_000);
      expect(claimed).toMatchObject({
        id,
        status: 'running',
        attempts: 1,
        workerId: 'w1',
        payload: { mode: 'local' },
      });
      expect(await store.jobs.claimNext(['lists.refresh'], 'w2', later(1), 60_000)).toBeUndefined();
      expect(await store.jobs.complete(id!, 'w2', later(2))).toBe(false);
      expect(await store.jobs.complete(id!, 'w1', later(2))).toBe(true);
      expect(await store.jobs.find(id!)).toMatchObject({
        status: 'done',
        finishedAt: later(2).toISOString(),
      });
    });

    it('keeps one waiting or running job per singleton key', async () => {
      const id = await store.jobs.add(job('refresh'), T0);
      expect(id).not.toBeNull();
      expect(await store.jobs.add(job('refresh'), T0)).toBeNull();
      await store.jobs.claimNext(['lists.refresh'], 'w1', T0, 60_000);
      expect(await store.jobs.add(job('refresh'), T0)).toBeNull();
      await store.jobs.complete(id!, 'w1', T0);
      expect(await store.jobs.add(job('refresh'), T0)).not.toBeNull();
    });

    it('hands a job whose lease ran out to another worker, and retries failures', async () => {
      const id = await store.jobs.add(job(), T0);
      await store.jobs.claimNext(['lists.refresh'], 'dead-worker', T0, 1000);
      const taken = await store.jobs.claimNext(['lists.refresh'], 'w2', later(1000), 60_000);
      expect(taken).toMatchObject({ id, attempts: 2, workerId: 'w2' });
      expect(await store.jobs.fail(id!, 'dead-worker', 'late', null, later(1001))).toBe(false);
      expect(await store.jobs.fail(id!, 'w2', 'boom', later(5000), later(1002))).toBe(true);
      expect(await store.jobs.find(id!)).toMatchObject({ status: 'waiting', lastError: 'boom' });
      expect(
        await store.jobs.claimNext(['lists.refresh'], 'w3', later(4999), 60_000),
      ).toBeUndefined();
      await store.jobs.claimNext(['lists.refresh'], 'w3', later(5000), 60_000);
      await store.jobs.fail(id!, 'w3', 'boom again', null, later(5001));
      expect(await store.jobs.list({ status: 'failed' })).toMatchObject([{ id, attempts: 3 }]);
    });
  });
}
