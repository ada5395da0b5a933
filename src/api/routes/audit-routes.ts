/**
 * The audit trail for auditors: list and export their organization's events (`audit.read`),
 * and verify the whole chain (`audit.verify`, which reveals no event content).
 *
 * @module
 */
import type { Hono } from 'hono';
import { z } from 'zod';

import type { AuditEvent } from '../../audit/audit-event.js';
import { verifyStoredAuditChain } from '../../audit/verify-stored-chain.js';
import { ValidationError } from '../../core/errors.js';
import { requirePermission } from '../../identity/actor.js';
import { Permission } from '../../identity/permissions.js';
import type { Services } from '../../services.js';
import type { AuthEnv } from '../middleware/authenticate.js';
import {
  AuditChainReportSchema,
  AuditEventSchema,
  securedErrorResponses,
} from '../schemas/identity-schemas.js';
import { SECURED, type OpenApiRegistry } from '../schemas/security-schemes.js';

const QuerySchema = z.strictObject({
  afterSeq: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  actorId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
});

/** Registers `/audit/*`. */
export function registerAuditRoutes(app: Hono<AuthEnv>, services: Services): void {
  const audit = services.store.audit;
  app.get('/audit/events', async (c) => {
    const actor = c.get('actor');
    requirePermission(actor, Permission.AuditRead);
    const query = parseQuery(c.req.query());
    const events = await audit.list({ ...query, organizationId: actor.organizationId });
    return c.json({ events }, 200);
  });
  app.get('/audit/verify', async (c) => {
    requirePermission(c.get('actor'), Permission.AuditVerify);
    return c.json(await verifyStoredAuditChain(audit, services.auditKey()), 200);
  });
  app.get('/audit/export', async (c) => {
    const actor = c.get('actor');
    requirePermission(actor, Permission.AuditRead);
    await audit.append(c.get('audit'), {
      action: 'audit.export',
      targetType: 'organization',
      targetId: actor.organizationId,
    });
    const events: AuditEvent[] = [];
    for (let afterSeq = 0; ;) {
      const page = await audit.list({
        afterSeq,
        limit: 1000,
        organizationId: actor.organizationId,
      });
      events.push(...page);
      if (page.length < 1000) {
        break;
      }
      afterSeq = page.at(-1)!.seq;
    }
    const body = events.map((event) => JSON.stringify(event)).join('\n');
    return c.body(body === '' ? '' : `${body}\n`, 200, { 'content-type': 'application/x-ndjson' });
  });
}

function parseQuery(query: Record<string, string>) {
  const parsed = QuerySchema.safeParse(query);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new ValidationError(`invalid query parameter ${field}`, { field });
  }
  return parsed.data;
}

const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * Documents `/audit/*` in the OpenAPI document. The export is NDJSON, not JSON, so these routes
 * are described here rather than declared through the OpenAPI layer.
 *
 * @example
 * documentAuditRoutes(app.openAPIRegistry);
 */
export function documentAuditRoutes(registry: OpenApiRegistry): void {
  const base = { tags: ['audit'], security: SECURED };
  registry.registerPath({
    ...base,
    method: 'get',
    path: '/audit/events',
    summary: "Events of the caller's organization, oldest first (audit.read)",
    request: { query: QuerySchema },
    responses: {
      200: json(z.object({ events: z.array(AuditEventSchema) }), 'Events'),
      ...securedErrorResponses,
    },
  });
  registry.registerPath({
    ...base,
    method: 'get',
    path: '/audit/verify',
    summary: 'Verify the whole chain and its signed checkpoints (audit.verify)',
    responses: { 200: json(AuditChainReportSchema, 'The verdict'), ...securedErrorResponses },
  });
  registry.registerPath({
    ...base,
    method: 'get',
    path: '/audit/export',
    summary: "Every event of the caller's organization, one JSON object a line (audit.read)",
    responses: {
      200: {
        description: 'NDJSON, one `AuditEvent` a line; the export itself is audited',
        content: { 'application/x-ndjson': { schema: AuditEventSchema } },
      },
      ...securedErrorResponses,
    },
  });
}
