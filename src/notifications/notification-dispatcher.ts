/**
 * Works the outbox: claims due deliveries, sends each (webhook or e-mail), and records the
 * attempt with the retry policy deciding between retry and dead letter. Safe to run in several
 * processes at once: claims are leases.
 *
 * @module
 */
import type { EmailSender } from './email-sender.js';
import { emailFor } from './email-message.js';
import type { NotificationEvent } from './notification-event.js';
import type { NotificationStore } from './notification-store.js';
import type { OutboxItem } from './outbox.js';
import { nextAttemptAt } from './retry-policy.js';
import type { RetryPolicy } from './retry-policy.js';
import type { SecretBox } from './secret-box.js';
import { sendWebhook } from './webhook-sender.js';
import type { SendResult } from './webhook-sender.js';

/** What the dispatcher needs. */
export interface DispatcherOptions {
  readonly store: NotificationStore;
  readonly secrets: () => SecretBox;
  readonly retry: RetryPolicy;
  readonly webhookTimeoutMs: number;
  /** Absent when no SMTP server is configured: e-mails then fail and are retried. */
  readonly email?: () => EmailSender;
  readonly clock?: () => Date;
  readonly random?: () => number;
}

/** What one pass did. */
export interface DispatchReport {
  readonly delivered: number;
  readonly retried: number;
  readonly dead: number;
}

/** How long a claimed delivery is reserved for the claiming process. */
const LEASE_MS = 120_000;

/**
 * Sends every delivery due now, `batchSize` at a time, until none is due.
 *
 * @example
 * const report = await dispatchDue(options);
 */
export async function dispatchDue(
  options: DispatcherOptions,
  batchSize = 20,
): Promise<DispatchReport> {
  const clock = options.clock ?? (() => new Date());
  const totals = { delivered: 0, retried: 0, dead: 0 };
  for (;;) {
    const batch = await options.store.claimDue(clock(), batchSize, LEASE_MS);
    if (batch.length === 0) {
      return totals;
    }
    const outcomes = await Promise.all(batch.map((item) => deliverOne(options, item, clock)));
    for (const status of outcomes) {
      totals[status] += 1;
    }
  }
}

async function deliverOne(
  options: DispatcherOptions,
  item: OutboxItem,
  clock: () => Date,
): Promise<keyof DispatchReport> {
  const sent = await send(options, item, clock());
  const now = clock();
  const retryAt = sent.ok
    ? null
    : nextAttemptAt(item.attempts + 1, options.retry, now, options.random);
  const recorded = await options.store.recordAttempt(
    item.id,
    {
      outcome: sent.ok ? 'delivered' : 'failed',
      statusCode: sent.statusCode,
      error: sent.error,
      retryAt,
    },
    now,
  );
  return recorded.status === 'delivered'
    ? 'delivered'
    : recorded.status === 'dead'
      ? 'dead'
      : 'retried';
}

async function send(options: DispatcherOptions, item: OutboxItem, now: Date): Promise<SendResult> {
  if (item.channel === 'webhook') {
    const target = await options.store.findWebhook(item.subscriptionId);
    if (target === undefined || target.subscription.status !== 'active') {
      return { ok: false, statusCode: null, error: 'subscription disabled or removed' };
    }
    return sendWebhook(
      {
        url: target.subscription.url,
        secret: options.secrets().open(target.secretCiphertext),
        body: item.payload,
        deliveryId: item.id,
        eventId: item.eventId,
        eventType: item.eventType,
      },
      now,
      options.webhookTimeoutMs,
    );
  }
  const subscription = await options.store.findEmailSubscription(item.subscriptionId);
  if (subscription === undefined || subscription.status !== 'active') {
    return { ok: false, statusCode: null, error: 'subscription disabled or removed' };
  }
  if (options.email === undefined) {
    return { ok: false, statusCode: null, error: 'no SMTP server is configured' };
  }
  const event = JSON.parse(item.payload) as NotificationEvent;
  return options.email().send(subscription.address, emailFor(event, subscription.language));
}
