/**
 * Who hears which events: webhook endpoints (signed) and e-mail addresses, per organization.
 *
 * @module
 */
import type { NotificationEventType } from './notification-event.js';

/** `disabled` subscriptions keep their history but receive nothing new. */
export type SubscriptionStatus = 'active' | 'disabled';

/** A webhook endpoint. The signing secret is never part of this shape. */
export interface WebhookSubscription {
  readonly id: string;
  readonly organizationId: string;
  readonly url: string;
  readonly description: string;
  readonly events: readonly NotificationEventType[];
  readonly status: SubscriptionStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What the store keeps for a new webhook: the secret only as ciphertext. */
export interface NewWebhookSubscription {
  readonly organizationId: string;
  readonly url: string;
  readonly description: string;
  readonly events: readonly NotificationEventType[];
  readonly secretCiphertext: string;
}

/** Languages of e-mails and documents. */
export type NotificationLanguage = 'es' | 'en';

/** An e-mail recipient. */
export interface EmailSubscription {
  readonly id: string;
  readonly organizationId: string;
  readonly address: string;
  readonly language: NotificationLanguage;
  readonly events: readonly NotificationEventType[];
  readonly status: SubscriptionStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A new e-mail recipient. */
export interface NewEmailSubscription {
  readonly organizationId: string;
  readonly address: string;
  readonly language: NotificationLanguage;
  readonly events: readonly NotificationEventType[];
}
