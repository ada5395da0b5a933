/**
 * Rows of the notification tables to domain shapes.
 *
 * @module
 */
import type { Selectable } from 'kysely';

import type { NotificationEventType } from '../../notifications/notification-event.js';
import type {
  AttemptOutcome,
  DeliveryAttempt,
  DeliveryChannel,
  OutboxItem,
  OutboxStatus,
} from '../../notifications/outbox.js';
import type {
  EmailSubscription,
  NotificationLanguage,
  SubscriptionStatus,
  WebhookSubscription,
} from '../../notifications/subscription.js';
import type {
  EmailSubscriptionTable,
  NotificationDeliveryTable,
  NotificationOutboxTable,
  WebhookSubscriptionTable,
} from './notification-schema.js';

/** A `webhook_subscription` row as a subscription (without the secret). */
export function toWebhook(row: Selectable<WebhookSubscriptionTable>): WebhookSubscription {
  return {
    id: row.id,
    organizationId: row.organization_id,
    url: row.url,
    description: row.description,
    events: JSON.parse(row.events) as NotificationEventType[],
    status: row.status as SubscriptionStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An `email_subscription` row. */
export function toEmailSubscription(row: Selectable<EmailSubscriptionTable>): EmailSubscription {
  return {
    id: row.id,
    organizationId: row.organization_id,
    address: row.address,
    language: row.language as NotificationLanguage,
    events: JSON.parse(row.events) as NotificationEventType[],
    status: row.status as SubscriptionStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A `notification_outbox` row. */
export function toOutboxItem(row: Selectable<NotificationOutboxTable>): OutboxItem {
  return {
    id: row.id,
    organizationId: row.organization_id,
    channel: row.channel as DeliveryChannel,
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    eventType: row.event_type as NotificationEventType,
    payload: row.payload,
    status: row.status as OutboxStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A `notification_delivery` row. */
export function toDeliveryAttempt(row: Selectable<NotificationDeliveryTable>): DeliveryAttempt {
  return {
    id: row.id,
    outboxId: row.outbox_id,
    attempt: row.attempt,
    at: row.at,
    outcome: row.outcome as AttemptOutcome,
    statusCode: row.status_code,
    error: row.error,
  };
}
