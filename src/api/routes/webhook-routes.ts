/**
 * Webhook and e-mail subscriptions and the delivery log (`api-key.manage`: they are the
 * organization's integration credentials). Secrets are returned once, on creation and rotation.
 *
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Hono } from 'hono';

import type { Services } from '../../services.js';
import type { AuthEnv } from '../middleware/authenticate.js';
import { readJson } from '../middleware/read-json.js';
import { securedErrorResponses } from '../schemas/identity-schemas.js';
import { SECURED } from '../schemas/security-schemes.js';
import {
  AttemptSchema,
  DeliveryQuerySchema,
  DeliverySchema,
  EmailSubscriptionSchema,
  NewEmailSubscriptionSchema,
  NewWebhookSchema,
  StringIdParam,
  WebhookSchema,
  WebhookWithSecretSchema,
} from '../schemas/webhook-schemas.js';
import { caller, parse } from './evidence-routes.js';

/**
 * Registers `/webhooks/*` and `/notifications/*` and documents them.
 *
 * @example
 * registerWebhookRoutes(app, services);
 */
export function registerWebhookRoutes(app: OpenAPIHono, services: Services): void {
  const secured = app as unknown as Hono<AuthEnv>;
  const notifications = services.notifications;
  secured.get('/webhooks', async (c) => {
    const { actor } = caller(c);
    return c.json({ webhooks: await notifications.listWebhooks(actor) }, 200);
  });
  secured.post('/webhooks', async (c) => {
    const { actor, audit } = caller(c);
    const body = await readJson(c, NewWebhookSchema);
    return c.json(await notifications.createWebhook(actor, body, audit), 201);
  });
  secured.post('/webhooks/:id/rotate-secret', async (c) => {
    const { actor, audit } = caller(c);
    const { id } = parse(StringIdParam, c.req.param());
    return c.json(await notifications.rotateSecret(actor, id, audit), 200);
  });
  secured.delete('/webhooks/:id', async (c) => {
    const { actor, audit } = caller(c);
    const { id } = parse(StringIdParam, c.req.param());
    return c.json(await notifications.disableWebhook(actor, id, audit), 200);
  });
  secured.get('/notifications/email-subscriptions', async (c) => {
    const { actor } = caller(c);
    return c.json({ subscriptions: await notifications.listEmails(actor) }, 200);
  });
  secured.post('/notifications/email-subscriptions', async (c) => {
    const { actor, audit } = caller(c);
    const body = await readJson(c, NewEmailSubscriptionSchema);
    return c.json(await notifications.createEmail(actor, body, audit), 201);
  });
  secured.delete('/notifications/email-subscriptions/:id', async (c) => {
    const { actor, audit } = caller(c);
    const { id } = parse(StringIdParam, c.req.param());
    return c.json(await notifications.disableEmail(actor, id, audit), 200);
  });
  secured.get('/notifications/deliveries', async (c) => {
    const { actor } = caller(c);
    const query = parse(DeliveryQuerySchema, c.req.query());
    return c.json(
      { deliveries: (await notifications.listDeliveries(actor, query)).map(withoutPayload) },
      200,
    );
  });
  secured.get('/notifications/deliveries/:id', async (c) => {
    const { actor } = caller(c);
    const { id } = parse(StringIdParam, c.req.param());
    const { item, attempts } = await notifications.delivery(actor, id);
    return c.json({ delivery: withoutPayload(item), attempts }, 200);
  });
  secured.post('/notifications/deliveries/:id/requeue', async (c) => {
    const { actor, audit } = caller(c);
    const { id } = parse(StringIdParam, c.req.param());
    return c.json(withoutPayload(await notifications.requeue(actor, id, audit)), 200);
  });
  documentWebhookRoutes(app);
}

/** The log shows where a delivery stands; the event body itself stays in the outbox. */
function withoutPayload<T extends { payload: string }>(item: T): Omit<T, 'payload'> {
  return Object.fromEntries(Object.entries(item).filter(([key]) => key !== 'payload')) as Omit<
    T,
    'payload'
  >;
}

const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

function documentWebhookRoutes(app: OpenAPIHono): void {
  const registry = app.openAPIRegistry;
  const base = { security: SECURED, tags: ['notifications'] };
  const errors = securedErrorResponses;
  registry.registerPath({
    ...base,
    method: 'get',
    path: '/webhooks',
    summary: "The organization's webhooks (api-key.manage)",
    responses: { 200: json(z.object({ webhooks: z.array(WebhookSchema) }), 'Webhooks'), ...errors },
  });
  registry.registerPath({
    ...base,
    method: 'post',
    path: '/webhooks',
    summary:
      'Subscribe a webhook; deliveries are signed with the returned secret (docs/notifications.md)',
    request: { body: body(NewWebhookSchema) },
    responses: {
      201: json(WebhookWithSecretSchema, 'The webhook and its secret, shown once'),
      ...errors,
    },
  });
  registry.registerPath({
    ...base,
    method: 'post',
    path: '/webhooks/{id}/rotate-secret',
    summary: 'Replace the signing secret',
    request: { params: StringIdParam },
    responses: { 200: json(WebhookWithSecretSchema, 'The new secret, shown once'), ...errors },
  });
  registry.registerPath({
    ...base,
    method: 'delete',
    path: '/webhooks/{id}',
    summary: 'Disable a webhook; its pending deliveries are dead-lettered',
    request: { params: StringIdParam },
    responses: { 200: json(WebhookSchema, 'The disabled webhook'), ...errors },
  });
  registry.registerPath({
    ...base,
    method: 'get',
    path: '/notifications/email-subscriptions',
    summary: "The organization's e-mail recipients",
    responses: {
      200: json(z.object({ subscriptions: z.array(EmailSubscriptionSchema) }), 'Recipients'),
      ...errors,
    },
  });
  registry.registerPath({
    ...base,
    method: 'post',
    path: '/notifications/email-subscriptions',
    summary: 'E-mail an address on the chosen events',
    request: { body: body(NewEmailSubscriptionSchema) },
    responses: { 201: json(EmailSubscriptionSchema, 'The recipient'), ...errors },
  });
  registry.registerPath({
    ...base,
    method: 'delete',
    path: '/notifications/email-subscriptions/{id}',
    summary: 'Stop e-mailing a recipient',
    request: { params: StringIdParam },
    responses: { 200: json(EmailSubscriptionSchema, 'The disabled recipient'), ...errors },
  });
  registry.registerPath({
    ...base,
    method: 'get',
    path: '/notifications/deliveries',
    summary: 'The delivery log, newest first; `status=dead` lists the dead letters',
    request: { query: DeliveryQuerySchema },
    responses: {
      200: json(z.object({ deliveries: z.array(DeliverySchema) }), 'Deliveries'),
      ...errors,
    },
  });
  registry.registerPath({
    ...base,
    method: 'get',
    path: '/notifications/deliveries/{id}',
    summary: 'One delivery and every attempt of it',
    request: { params: StringIdParam },
    responses: {
      200: json(
        z.object({ delivery: DeliverySchema, attempts: z.array(AttemptSchema) }),
        'The delivery',
      ),
      ...errors,
    },
  });
  registry.registerPath({
    ...base,
    method: 'post',
    path: '/notifications/deliveries/{id}/requeue',
    summary: 'Put a dead delivery back in the queue',
    request: { params: StringIdParam },
    responses: { 200: json(DeliverySchema, 'The delivery, pending again'), ...errors },
  });
}
