/**
 * The storage port of notifications. Subscription changes are audited in the same transaction;
 * outbox bookkeeping (claims, attempts) is operational and not part of the audit trail.
 *
 * @module
 */
import type { AuditContext } from '../audit/audit-event.js';
import type {
  AttemptResult,
  DeliveryAttempt,
  NewOutboxItem,
  OutboxItem,
  OutboxStatus,
} from './outbox.js';
import type {
  EmailSubscription,
  NewEmailSubscription,
  NewWebhookSubscription,
  WebhookSubscription,
} from './subscription.js';
import type { NotificationEventType } from './notification-event.js';

/** A webhook with its secret's ciphertext, for the dispatcher only. */
export interface WebhookTarget {
  readonly subscription: WebhookSubscription;
  readonly secretCiphertext: string;
}

/** Filters for listing outbox items. */
export interface OutboxQuery {
  readonly organizationId: string;
  readonly status?: OutboxStatus;
  readonly subscriptionId?: string;
  /** At most this many, newest first (default 100, at most 1,000). */
  readonly limit?: number;
}

/** Persistence of subscriptions, the outbox and the delivery log. */
export interface NotificationStore {
  /** Stores a webhook subscription (audited `webhook.create`). */
  createWebhook(input: NewWebhookSubscription, audit: AuditContext): Promise<WebhookSubscription>;
  /** The organization's webhooks, oldest first. */
  listWebhooks(organizationId: string): Promise<readonly WebhookSubscription[]>;
  /** One webhook with its ciphertext, or undefined. */
  findWebhook(id: string): Promise<WebhookTarget | undefined>;
  /** Replaces the secret (audited `webhook.rotate-secret`); NotFoundError when unknown. */
  rotateWebhookSecret(
    id: string,
    secretCiphertext: string,
    audit: AuditContext,
  ): Promise<WebhookSubscription>;
  /** Disables a webhook (audited `webhook.disable`); pending deliveries to it are dead-lettered. */
  disableWebhook(id: string, audit: AuditContext): Promise<WebhookSubscription>;
  /** Stores an e-mail recipient (audited `email-subscription.create`). */
  createEmailSubscription(
    input: NewEmailSubscription,
    audit: AuditContext,
  ): Promise<EmailSubscription>;
  /** The organization's e-mail recipients. */
  listEmailSubscriptions(organizationId: string): Promise<readonly EmailSubscription[]>;
  /** One e-mail recipient, or undefined. */
  findEmailSubscription(id: string): Promise<EmailSubscription | undefined>;
  /** Disables an e-mail recipient (audited `email-subscription.disable`). */
  disableEmailSubscription(id: string, audit: AuditContext): Promise<EmailSubscription>;
  /** Active subscriptions of both channels that want `type`. */
  subscribersOf(
    organizationId: string,
    type: NotificationEventType,
  ): Promise<{
    readonly webhooks: readonly WebhookSubscription[];
    readonly emails: readonly EmailSubscription[];
  }>;
  /**
   * Enqueues deliveries in one transaction, due at `now`. An (event, subscription) pair already
   * enqueued is skipped, so re-publishing an event is harmless. Returns how many were new.
   */
  enqueue(items: readonly NewOutboxItem[], now: Date): Promise<number>;
  /**
   * Claims up to `limit` due pending items for `leaseMs`: no other claimer gets them until the
   * lease ends or the attempt is recorded. Safe across processes.
   */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<readonly OutboxItem[]>;
  /** Logs an attempt and moves the item on: delivered, retried at `retryAt`, or dead. */
  recordAttempt(id: string, result: AttemptResult, now: Date): Promise<OutboxItem>;
  /** Outbox items matching the query. */
  listOutbox(query: OutboxQuery): Promise<readonly OutboxItem[]>;
  /** One item, or undefined. */
  findOutboxItem(id: string): Promise<OutboxItem | undefined>;
  /** Every attempt of an item, in order. */
  listAttempts(outboxId: string): Promise<readonly DeliveryAttempt[]>;
  /** Puts a dead item back in the queue, due at `now` (audited `notification.requeue`). */
  requeue(id: string, now: Date, audit: AuditContext): Promise<OutboxItem>;
}
