/**
 * Evidence downloads: screening certificates (PDF, CSV), alert evidence packs (PDF, JSON) and
 * ROS drafts (PDF). The use cases check permissions and record every download in the audit
 * trail; these handlers only parse, call and send the file.
 *
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Context, Hono } from 'hono';

import { AuthenticationError, ValidationError } from '../../core/errors.js';
import type { EvidenceFile } from '../../evidence/evidence-service.js';
import type { Services } from '../../services.js';
import type { AuthEnv } from '../middleware/authenticate.js';
import {
  CertificateQuerySchema,
  NumericIdParam,
  PackQuerySchema,
  RosQuerySchema,
} from '../schemas/evidence-schemas.js';
import { securedErrorResponses } from '../schemas/identity-schemas.js';
import { SECURED } from '../schemas/security-schemes.js';

/**
 * Registers `/evidence/*` and documents it.
 *
 * @example
 * registerEvidenceRoutes(app, services);
 */
export function registerEvidenceRoutes(app: OpenAPIHono, services: Services): void {
  const secured = app as unknown as Hono<AuthEnv>;
  const evidence = services.evidence;
  secured.get('/evidence/counterparties/:id/certificate', async (c) => {
    const { actor, audit } = caller(c);
    const { format, lang } = parse(CertificateQuerySchema, c.req.query());
    const id = parse(NumericIdParam, c.req.param()).id;
    return send(c, await evidence.counterpartyCertificate(actor, id, format, lang, audit));
  });
  secured.get('/evidence/runs/:id/certificate', async (c) => {
    const { actor, audit } = caller(c);
    const { format, lang } = parse(CertificateQuerySchema, c.req.query());
    const id = parse(NumericIdParam, c.req.param()).id;
    return send(c, await evidence.runCertificate(actor, id, format, lang, audit));
  });
  secured.get('/evidence/alerts/:id/pack', async (c) => {
    const { actor, audit } = caller(c);
    const { format, lang } = parse(PackQuerySchema, c.req.query());
    const id = parse(NumericIdParam, c.req.param()).id;
    return send(c, await evidence.evidencePack(actor, id, format, lang, audit));
  });
  secured.get('/evidence/alerts/:id/ros-draft', async (c) => {
    const { actor, audit } = caller(c);
    const { lang } = parse(RosQuerySchema, c.req.query());
    const id = parse(NumericIdParam, c.req.param()).id;
    return send(c, await evidence.rosDraft(actor, id, lang, audit));
  });
  documentEvidenceRoutes(app);
}

/** The authenticated caller; the middleware has set it on every non-public path. */
export function caller(c: Context): AuthEnv['Variables'] {
  const auth = c as unknown as Context<AuthEnv>;
  const actor = auth.get('actor') as AuthEnv['Variables']['actor'] | undefined;
  const audit = auth.get('audit') as AuthEnv['Variables']['audit'] | undefined;
  if (actor === undefined || audit === undefined) {
    throw new AuthenticationError();
  }
  return { actor, audit };
}

/**
 * `data` parsed by `schema`, or a `ValidationError` naming the first bad field.
 *
 * @example
 * const { format } = parse(CertificateQuerySchema, c.req.query());
 */
export function parse<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new ValidationError(
      `${field === '' ? 'request' : field}: ${issue?.message ?? 'invalid'}`,
      {
        field,
      },
    );
  }
  return parsed.data;
}

function send(c: Context, file: EvidenceFile): Response {
  return c.body(new Uint8Array(file.body), 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.filename}"`,
    // Evidence carries marked data: no shared cache may keep a copy.
    'cache-control': 'no-store',
  });
}

const file = (types: readonly string[], description: string) => ({
  description,
  content: Object.fromEntries(
    types.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }]),
  ),
});

function documentEvidenceRoutes(app: OpenAPIHono): void {
  const base = { tags: ['evidence'], security: SECURED, method: 'get' as const };
  const registry = app.openAPIRegistry;
  registry.registerPath({
    ...base,
    path: '/evidence/counterparties/{id}/certificate',
    summary: 'Screen a counterparty now and certify the result: lists, time, screener (alert.read)',
    request: { params: NumericIdParam, query: CertificateQuerySchema },
    responses: {
      200: file(['application/pdf', 'text/csv'], 'The certificate'),
      ...securedErrorResponses,
    },
  });
  registry.registerPath({
    ...base,
    path: '/evidence/runs/{id}/certificate',
    summary:
      'Certificate of a re-screening run: its list publications, times and alerts (alert.read)',
    request: { params: NumericIdParam, query: CertificateQuerySchema },
    responses: {
      200: file(['application/pdf', 'text/csv'], 'The certificate'),
      ...securedErrorResponses,
    },
  });
  registry.registerPath({
    ...base,
    path: '/evidence/alerts/{id}/pack',
    summary: 'Evidence pack of an alert: JSON facts or their PDF (record.export)',
    request: { params: NumericIdParam, query: PackQuerySchema },
    responses: {
      200: file(['application/pdf', 'application/json'], 'The evidence pack'),
      ...securedErrorResponses,
    },
  });
  registry.registerPath({
    ...base,
    path: '/evidence/alerts/{id}/ros-draft',
    summary:
      'Draft suspicious-operation report (ROS) for the UIAF from a confirmed alert (record.export)',
    request: { params: NumericIdParam, query: RosQuerySchema },
    responses: { 200: file(['application/pdf'], 'The ROS draft'), ...securedErrorResponses },
  });
}
