/**
 * The durable outbox: one row per (event, subscriber), retried until delivered or dead-lettered,
 * with a log of every attempt.
 *
 * @module
 */
import type { NotificationEventType } from './notification-event.js';

/** How a delivery reaches its subscriber. */
export type DeliveryChannel = 'webhook' | 'email';

/** `pending` until delivered; `dead` after the last failed attempt (kept, never dropped). */
export type OutboxStatus = 'pending' | 'delivered' | 'dead';

/** One delivery to one subscriber. */
export interface OutboxItem {
  readonly id: string;
  readonly organizationId: string;
  readonly channel: DeliveryChannel;
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly eventType: NotificationEventType;
  /** Canonical JSON of the event: the exact webhook body. */
  readonly payload: string;
  readonly status: OutboxStatus;
  /** Attempts made so far. */
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A delivery to enqueue. */
export interface NewOutboxItem {
  readonly organizationId: string;
  readonly channel: DeliveryChannel;
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly eventType: NotificationEventType;
  readonly payload: string;
}

/** What one attempt did. */
export type AttemptOutcome = 'delivered' | 'failed';

/** One logged attempt. */
export interface DeliveryAttempt {
  readonly id: string;
  readonly outboxId: string;
  readonly attempt: number;
  readonly at: string;
  readonly outcome: AttemptOutcome;
  /** HTTP status of a webhook answer, when there was one. */
  readonly statusCode: number | null;
  readonly error: string | null;
}

/** The result of an attempt, to record. */
export interface AttemptResult {
  readonly outcome: AttemptOutcome;
  readonly statusCode: number | null;
  readonly error: string | null;
  /** For a failure: when to try again, or `null` to dead-letter. */
  readonly retryAt: Date | null;
}
