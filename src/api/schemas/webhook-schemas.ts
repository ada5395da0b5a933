/**
 * Bodies and answers of the webhook, e-mail subscription and delivery endpoints.
 *
 * @module
 */
import { z } from '@hono/zod-openapi';

import { NOTIFICATION_EVENT_TYPES } from '../../notifications/notification-event.js';

const events = z
  .array(z.enum(NOTIFICATION_EVENT_TYPES))
  .min(1)
  .max(NOTIFICATION_EVENT_TYPES.length)
  .openapi({ example: ['alert.raised', 'alert.decided'] });

/** `POST /webhooks`. */
export const NewWebhookSchema = z.strictObject({
  url: z.string().min(1).max(2000).openapi({ example: 'https://core.banco.example/puente' }),
  description: z.string().max(200).optional(),
  events,
});

/** A webhook subscription (never its secret). */
export const WebhookSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.string()),
    status: z.enum(['active', 'disabled']),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Webhook');

/** A webhook with its signing secret, shown once on creation and rotation. */
export const WebhookWithSecretSchema = z
  .object({
    subscription: WebhookSchema,
    secret: z.string().openapi({ description: 'HMAC-SHA256 signing secret; shown this once' }),
  })
  .openapi('WebhookWithSecret');

/** `POST /notifications/email-subscriptions`. */
export const NewEmailSubscriptionSchema = z.strictObject({
  address: z.string().min(3).max(320).openapi({ example: 'cumplimiento@banco.example' }),
  language: z.enum(['es', 'en']).optional(),
  events,
});

/** An e-mail recipient. */
export const EmailSubscriptionSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    address: z.string(),
    language: z.enum(['es', 'en']),
    events: z.array(z.string()),
    status: z.enum(['active', 'disabled']),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('EmailSubscription');

/** One delivery in the outbox. */
export const DeliverySchema = z
  .object({
    id: z.string(),
    channel: z.enum(['webhook', 'email']),
    subscriptionId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'dead']),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Delivery');

/** One attempt of a delivery. */
export const AttemptSchema = z
  .object({
    attempt: z.number().int(),
    at: z.string(),
    outcome: z.enum(['delivered', 'failed']),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
  })
  .openapi('DeliveryAttempt');

/** `GET /notifications/deliveries` filters. */
export const DeliveryQuerySchema = z.strictObject({
  status: z.enum(['pending', 'delivered', 'dead']).optional(),
  subscriptionId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** A string id in the path. */
export const StringIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
