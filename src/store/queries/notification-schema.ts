/**
 * Kysely table interfaces of `0004-notifications` (subscriptions, outbox, delivery log). JSON
 * arrays are text and timestamps ISO text.
 *
 * @module
 */

/** A webhook endpoint; the secret only as AES-256-GCM ciphertext. */
export interface WebhookSubscriptionTable {
  id: string;
  organization_id: string;
  url: string;
  description: string;
  /** JSON array of event types. */
  events: string;
  secret_ciphertext: string;
  status: string;
  created_at: string;
  updated_at: string;
}

/** An e-mail recipient. */
export interface EmailSubscriptionTable {
  id: string;
  organization_id: string;
  address: string;
  language: string;
  /** JSON array of event types. */
  events: string;
  status: string;
  created_at: string;
  updated_at: string;
}

/** One delivery of one event to one subscriber. */
export interface NotificationOutboxTable {
  id: string;
  organization_id: string;
  channel: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** One attempt of one delivery. */
export interface NotificationDeliveryTable {
  id: string;
  outbox_id: string;
  attempt: number;
  at: string;
  outcome: string;
  status_code: number | null;
  error: string | null;
}
