/**
 * Portfolio endpoints: portfolios, counterparties (screened on entry and on change) and file
 * imports with a column mapping, a dry run and a row-level error report. Every use case checks
 * the caller's permissions and scopes to the caller's organization.
 *
 * @module
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';

import type { AuditContext } from '../../audit/audit-event.js';
import { AuthenticationError, ValidationError } from '../../core/errors.js';
import type { Actor } from '../../identity/actor.js';
import type { Counterparty } from '../../monitoring/counterparty.js';
import type { ColumnMapping } from '../../monitoring/portfolio-import.js';
import type { Services } from '../../services.js';
import type { AuthEnv } from '../middleware/authenticate.js';
import { errorResponses } from '../schemas/common-schemas.js';
import {
  CounterpartyInputSchema,
  CounterpartySchema,
  IdParam,
  ImportQuerySchema,
  ImportReportSchema,
  NewPortfolioSchema,
  PortfolioSchema,
} from '../schemas/monitoring-schemas.js';

/** A counterparty as the schema types it (mutable arrays). */
export function presentCounterparty(counterparty: Counterparty) {
  return {
    ...counterparty,
    aliases: [...counterparty.aliases],
    documents: [...counterparty.documents],
  };
}

/** The authenticated caller and audit context of a request. */
export function callerOf(c: Context): { actor: Actor; audit: AuditContext } {
  const auth = c as unknown as Context<AuthEnv>;
  const actor: Actor | undefined = auth.get('actor');
  const audit: AuditContext | undefined = auth.get('audit');
  if (actor === undefined || audit === undefined) {
    throw new AuthenticationError();
  }
  return { actor, audit };
}

/** A JSON request body. */
export const jsonBody = <T>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

/** A JSON response. */
export const jsonResponse = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const tags = ['monitoring'];

const listPortfolios = createRoute({
  method: 'get',
  path: '/portfolios',
  tags,
  summary: "The organization's portfolios",
  responses: {
    200: jsonResponse(z.object({ portfolios: z.array(PortfolioSchema) }), 'Portfolios'),
    ...errorResponses,
  },
});

const createPortfolio = createRoute({
  method: 'post',
  path: '/portfolios',
  tags,
  summary: 'Create a portfolio',
  request: { body: jsonBody(NewPortfolioSchema) },
  responses: { 201: jsonResponse(PortfolioSchema, 'Created'), ...errorResponses },
});

const deletePortfolio = createRoute({
  method: 'delete',
  path: '/portfolios/{id}',
  tags,
  summary: 'Delete a portfolio and its counterparties (their undecided alerts are closed)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
});

const listCounterparties = createRoute({
  method: 'get',
  path: '/portfolios/{id}/counterparties',
  tags,
  summary: "A page of a portfolio's counterparties, by ascending id",
  request: {
    params: IdParam,
    query: z.object({
      afterId: z.coerce.number().int().min(0).optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ counterparties: z.array(CounterpartySchema) }), 'Counterparties'),
    ...errorResponses,
  },
});

const saveCounterparty = createRoute({
  method: 'post',
  path: '/portfolios/{id}/counterparties',
  tags,
  summary: 'Add a counterparty, or update it (same externalId); it is screened at once',
  request: { params: IdParam, body: jsonBody(CounterpartyInputSchema) },
  responses: {
    200: jsonResponse(
      z.object({ counterparty: CounterpartySchema, alertsRaised: z.number().int() }),
      'Saved and screened',
    ),
    ...errorResponses,
  },
});

const importCounterparties = createRoute({
  method: 'post',
  path: '/portfolios/{id}/import',
  tags,
  summary:
    'Import a CSV, JSON or NDJSON file of counterparties: good rows are saved and screened, every bad row is reported by line and field',
  request: {
    params: IdParam,
    query: ImportQuerySchema,
    body: {
      content: {
        'text/csv': { schema: z.string() },
        'application/json': { schema: z.string() },
        'application/x-ndjson': { schema: z.string() },
      },
      required: true,
    },
  },
  responses: { 200: jsonResponse(ImportReportSchema, 'Import report'), ...errorResponses },
});

const getCounterparty = createRoute({
  method: 'get',
  path: '/counterparties/{id}',
  tags,
  summary: 'One counterparty',
  request: { params: IdParam },
  responses: { 200: jsonResponse(CounterpartySchema, 'The counterparty'), ...errorResponses },
});

const deleteCounterparty = createRoute({
  method: 'delete',
  path: '/counterparties/{id}',
  tags,
  summary: 'Delete a counterparty (its undecided alerts are closed)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
});

/** Registers the portfolio endpoints. */
export function registerPortfolioRoutes(app: OpenAPIHono, services: Services): void {
  const monitoring = services.monitoring;
  app.openapi(listPortfolios, async (c) => {
    const { actor } = callerOf(c);
    return c.json({ portfolios: [...(await monitoring.listPortfolios(actor))] }, 200);
  });
  app.openapi(createPortfolio, async (c) => {
    const { actor, audit } = callerOf(c);
    return c.json(await monitoring.createPortfolio(actor, c.req.valid('json').name, audit), 201);
  });
  app.openapi(deletePortfolio, async (c) => {
    const { actor, audit } = callerOf(c);
    await monitoring.deletePortfolio(actor, c.req.valid('param').id, audit);
    return c.body(null, 204);
  });
  app.openapi(listCounterparties, async (c) => {
    const { actor } = callerOf(c);
    const page = c.req.valid('query');
    const counterparties = await monitoring.listCounterparties(
      actor,
      c.req.valid('param').id,
      page,
    );
    return c.json({ counterparties: counterparties.map(presentCounterparty) }, 200);
  });
  app.openapi(saveCounterparty, async (c) => {
    const { actor, audit } = callerOf(c);
    const saved = await monitoring.saveCounterparty(
      actor,
      c.req.valid('param').id,
      c.req.valid('json'),
      audit,
    );
    return c.json(
      { counterparty: presentCounterparty(saved.counterparty), alertsRaised: saved.alertsRaised },
      200,
    );
  });
  // Registered by hand: the body is the file itself, which the OpenAPI validator would parse.
  app.openAPIRegistry.registerPath(importCounterparties);
  app.post('/portfolios/:id/import', async (c) => {
    const { actor, audit } = callerOf(c);
    const { id } = IdParam.parse({ id: c.req.param('id') });
    const query = ImportQuerySchema.safeParse(c.req.query());
    if (!query.success) {
      throw new ValidationError(`query: ${query.error.issues[0]?.message ?? 'invalid'}`, {
        field: query.error.issues[0]?.path.join('.'),
      });
    }
    const { format, dryRun, mapping } = query.data;
    const report = await monitoring.importCounterparties(
      actor,
      id,
      {
        text: await c.req.text(),
        format,
        mapping: parseMapping(mapping),
        dryRun: dryRun === 'true',
      },
      audit,
    );
    return c.json({ ...report, errors: [...report.errors] }, 200);
  });
  app.openapi(getCounterparty, async (c) => {
    const { actor } = callerOf(c);
    const counterparty = await monitoring.getCounterparty(actor, c.req.valid('param').id);
    return c.json(presentCounterparty(counterparty), 200);
  });
  app.openapi(deleteCounterparty, async (c) => {
    const { actor, audit } = callerOf(c);
    await monitoring.deleteCounterparty(actor, c.req.valid('param').id, audit);
    return c.body(null, 204);
  });
}

function parseMapping(text: string | undefined): ColumnMapping {
  if (text === undefined || text === '') {
    return {};
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return value;
    }
  } catch {
    // reported below
  }
  throw new ValidationError('mapping: a JSON object of field → column is expected', {
    field: 'mapping',
  });
}
