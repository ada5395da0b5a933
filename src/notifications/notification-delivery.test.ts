import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { testAudit, testOrganization } from '../../test/support/identity-fixtures.js';
import type { Actor } from '../identity/actor.js';
import { permissionsOf } from '../identity/permissions.js';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import type { NotificationEvent } from './notification-event.js';
import { NotificationService } from './notification-service.js';
import { secretBox } from './secret-box.js';
import { SIGNATURE_HEADER, verifyWebhookSignature } from './webhook-signature.js';

/** A real HTTP receiver that answers 503 to the first `failFirst` requests, then 204. */
class Receiver {
  readonly received: { headers: IncomingHttpHeaders; body: string }[] = [];
  failFirst = 0;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString() });
        response.statusCode = this.received.length <= this.failFirst ? 503 : 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.server === undefined) {
        resolve();
      } else {
        this.server.close(() => {
          resolve();
        });
      }
    });
  }
}

describe('webhook delivery through the outbox', () => {
  const receiver = new Receiver();
  let url: string;
  let store: Store;
  let now: Date;
  let service: NotificationService;
  let actor: Actor;
  const box = secretBox(randomBytes(32));

  beforeAll(async () => {
    url = await receiver.start();
  });
  afterAll(() => receiver.stop());

  beforeEach(async () => {
    receiver.received.length = 0;
    store = await createSqliteStore(':memory:');
    const organization = await store.identity.createOrganization(
      testOrganization('Banco'),
      testAudit(),
    );
    actor = {
      kind: 'user',
      id: 'admin',
      name: 'admin',
      organizationId: organization.id,
      organizationKind: 'company',
      country: 'COL',
      roles: ['administrator'],
      permissions: permissionsOf(['administrator']),
      clearance: 'unclassified',
    };
    now = new Date();
    service = new NotificationService({
      store: store.notifications,
      secrets: () => box,
      retry: { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000 },
      webhookTimeoutMs: 5000,
      allowHttp: true,
      clock: () => now,
      random: () => 0.5,
    });
  });
  afterEach(() => store.close());

  const event = (id = 'alert-7-raised'): NotificationEvent => ({
    id,
    type: 'alert.raised',
    organizationId: actor.organizationId,
    occurredAt: '2026-03-01T10:00:00.000Z',
    data: {
      alertId: 7,
      counterpartyName: 'Inversiones La Esperanza SAS',
      entryId: 'ofac-sdn:11900',
      score: 0.93,
    },
  });

  it('retries with back-off after failures, then delivers a correctly signed body once', async () => {
    receiver.failFirst = 2;
    const { secret, subscription } = await service.createWebhook(
      actor,
      { url, events: ['alert.raised'] },
      testAudit(),
    );
    expect(await service.publish(event())).toBe(1);
    expect(await service.publish(event())).toBe(0);

    expect(await service.dispatch()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    // Not due yet: the first retry waits 0.5..1 × 1 s (0.75 s with the pinned random).
    expect(await service.dispatch()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    now = new Date(now.getTime() + 750);
    expect(await service.dispatch()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    now = new Date(now.getTime() + 1499);
    expect(await service.dispatch()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    now = new Date(now.getTime() + 1);
    expect(await service.dispatch()).toEqual({ delivered: 1, retried: 0, dead: 0 });

    expect(receiver.received).toHaveLength(3);
    const last = receiver.received[2]!;
    expect(JSON.parse(last.body)).toMatchObject({ id: 'alert-7-raised', type: 'alert.raised' });
    expect(last.headers['puente-event-type']).toBe('alert.raised');
    const header = last.headers[SIGNATURE_HEADER] as string;
    expect(verifyWebhookSignature(header, last.body, secret, now)).toBeUndefined();
    expect(verifyWebhookSignature(header, `${last.body} `, secret, now)).toBe('mismatch');
    expect(verifyWebhookSignature(header, last.body, 'whsec_other', now)).toBe('mismatch');

    const [delivery] = await service.listDeliveries(actor, { subscriptionId: subscription.id });
    const log = await service.delivery(actor, delivery!.id);
    expect(log.item).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(log.attempts.map((a) => [a.outcome, a.statusCode])).toEqual([
      ['failed', 503],
      ['failed', 503],
      ['delivered', 204],
    ]);
  });

  it('dead-letters after the last attempt, and a requeue delivers it', async () => {
    receiver.failFirst = 4;
    await service.createWebhook(actor, { url, events: ['alert.raised'] }, testAudit());
    await service.publish(event());
    const totals = { delivered: 0, retried: 0, dead: 0 };
    for (let round = 0; round < 6; round += 1) {
      const report = await service.dispatch();
      totals.retried += report.retried;
      totals.dead += report.dead;
      now = new Date(now.getTime() + 60_000);
    }
    expect(totals).toEqual({ delivered: 0, retried: 3, dead: 1 });
    const [dead] = await service.listDeliveries(actor, { status: 'dead' });
    expect(dead).toMatchObject({ attempts: 4, lastError: 'HTTP 503' });

    await service.requeue(actor, dead!.id, testAudit());
    expect(await service.dispatch()).toMatchObject({ delivered: 1 });
    expect(receiver.received).toHaveLength(5);
  });

  it('records a refused connection as a failed attempt', async () => {
    const closed = new Receiver();
    const deadUrl = await closed.start();
    await closed.stop();
    await service.createWebhook(actor, { url: deadUrl, events: ['alert.raised'] }, testAudit());
    await service.publish(event());
    expect(await service.dispatch()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    const [item] = await service.listDeliveries(actor, {});
    expect(item!.lastError).toMatch(/fetch failed|ECONNREFUSED/);
  });

  it('does not deliver to another organization or to unsubscribed event types', async () => {
    await service.createWebhook(actor, { url, events: ['alert.decided'] }, testAudit());
    expect(await service.publish(event())).toBe(0);
    expect(await service.publish({ ...event('x'), organizationId: 'another-org' })).toBe(0);
  });

  it('refuses bad URLs and unknown events with the field named', async () => {
    const strict = new NotificationService({
      store: store.notifications,
      secrets: () => box,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      webhookTimeoutMs: 1000,
      allowHttp: false,
    });
    await expect(
      strict.createWebhook(actor, { url, events: ['alert.raised'] }, testAudit()),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: { field: 'url' },
    });
    await expect(
      strict.createWebhook(
        actor,
        { url: 'https://x.example', events: ['alert.exploded'] },
        testAudit(),
      ),
    ).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'events' } });
    const analyst = { ...actor, permissions: permissionsOf(['analyst']) };
    await expect(
      strict.createWebhook(
        analyst,
        { url: 'https://x.example', events: ['alert.raised'] },
        testAudit(),
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('stores the secret encrypted, never in clear', async () => {
    const { secret, subscription } = await service.createWebhook(
      actor,
      { url, events: ['alert.raised'] },
      testAudit(),
    );
    const target = await store.notifications.findWebhook(subscription.id);
    expect(target!.secretCiphertext).not.toContain(secret);
    expect(box.open(target!.secretCiphertext)).toBe(secret);
    expect(() => secretBox(randomBytes(32)).open(target!.secretCiphertext)).toThrow(
      /cannot be decrypted/,
    );
  });
});
