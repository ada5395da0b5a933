/**
 * Alert endpoints: list and read alerts, review them with four eyes (propose, then a second
 * reviewer approves or rejects), assign, comment; list and start re-screening runs.
 *
 * @module
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';

import { ValidationError } from '../../core/errors.js';
import { ALERT_STATES, type AlertState } from '../../monitoring/alert.js';
import type { RescreenRun } from '../../monitoring/rescreen-run.js';
import type { Services } from '../../services.js';
import { errorResponses } from '../schemas/common-schemas.js';
import {
  AlertNoteSchema,
  AlertQuerySchema,
  AlertSchema,
  AssignSchema,
  CommentSchema,
  IdParam,
  NewRunSchema,
  ProposeSchema,
  ReasonSchema,
  RunSchema,
} from '../schemas/monitoring-schemas.js';
import { callerOf, jsonBody, jsonResponse } from './portfolio-routes.js';

const tags = ['monitoring'];
const alertResponse = { 200: jsonResponse(AlertSchema, 'The alert'), ...errorResponses };

const listAlerts = createRoute({
  method: 'get',
  path: '/alerts',
  tags,
  summary: "The organization's alerts, by ascending id",
  request: { query: AlertQuerySchema },
  responses: {
    200: jsonResponse(z.object({ alerts: z.array(AlertSchema) }), 'Alerts'),
    ...errorResponses,
  },
});

const getAlert = createRoute({
  method: 'get',
  path: '/alerts/{id}',
  tags,
  summary: 'One alert with its history (comments and changes)',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(z.object({ alert: AlertSchema, notes: z.array(AlertNoteSchema) }), 'Alert'),
    ...errorResponses,
  },
});

const action = (path: string, summary: string, body?: z.ZodType) =>
  createRoute({
    method: 'post',
    path,
    tags,
    summary,
    request: body === undefined ? { params: IdParam } : { params: IdParam, body: jsonBody(body) },
    responses: alertResponse,
  });

const reviewRoute = action('/alerts/{id}/review', 'Start the review (open → in_review)');
const proposeRoute = action(
  '/alerts/{id}/propose',
  'First reviewer: propose confirming (true match, escalated) or clearing (false positive), with a reason',
  ProposeSchema,
);
const approveRoute = action(
  '/alerts/{id}/approve',
  'Second, different reviewer: approve the pending decision, with a reason',
  ReasonSchema,
);
const rejectRoute = action(
  '/alerts/{id}/reject',
  'Second, different reviewer: reject the pending decision, with a reason',
  ReasonSchema,
);
const assignRoute = action(
  '/alerts/{id}/assign',
  'Assign the alert and set its due date',
  AssignSchema,
);

const commentRoute = createRoute({
  method: 'post',
  path: '/alerts/{id}/comments',
  tags,
  summary: 'Comment on an alert',
  request: { params: IdParam, body: jsonBody(CommentSchema) },
  responses: { 201: jsonResponse(AlertNoteSchema, 'The comment'), ...errorResponses },
});

const listRuns = createRoute({
  method: 'get',
  path: '/monitoring/runs',
  tags,
  summary: 'Re-screening runs of the organization and the list-driven ones, newest first',
  responses: {
    200: jsonResponse(z.object({ runs: z.array(RunSchema) }), 'Runs'),
    ...errorResponses,
  },
});

const startRun = createRoute({
  method: 'post',
  path: '/monitoring/runs',
  tags,
  summary: "Full re-screen of the organization's counterparties (or of one portfolio)",
  request: { body: jsonBody(NewRunSchema) },
  responses: { 200: jsonResponse(RunSchema, 'The finished run'), ...errorResponses },
});

/** Registers the alert and run endpoints. */
export function registerAlertRoutes(app: OpenAPIHono, services: Services): void {
  const review = services.monitoring.review;
  app.openapi(listAlerts, async (c) => {
    const { actor, audit } = callerOf(c);
    const { state, ...filters } = c.req.valid('query');
    const alerts = await review.list(actor, { ...defined(filters), ...states(state) }, audit);
    return c.json({ alerts: [...alerts] }, 200);
  });
  app.openapi(getAlert, async (c) => {
    const { actor, audit } = callerOf(c);
    const { alert, notes } = await review.get(actor, c.req.valid('param').id, audit);
    return c.json({ alert, notes: [...notes] }, 200);
  });
  app.openapi(reviewRoute, async (c) => {
    const { actor, audit } = callerOf(c);
    return c.json(await review.startReview(actor, c.req.valid('param').id, audit), 200);
  });
  app.openapi(proposeRoute, async (c) => {
    const { actor, audit } = callerOf(c);
    const { decision, reason } = ProposeSchema.parse(await c.req.json());
    return c.json(
      await review.propose(actor, c.req.valid('param').id, decision, reason, audit),
      200,
    );
  });
  app.openapi(approveRoute, async (c) => {
    const { actor, audit } = callerOf(c);
    const { reason } = ReasonSchema.parse(await c.req.json());
    return c.json(await review.approve(actor, c.req.valid('param').id, reason, audit), 200);
  });
  app.openapi(rejectRoute, async (c) => {
    const { actor, audit } = callerOf(c);
    const { reason } = ReasonSchema.parse(await c.req.json());
    return c.json(await review.reject(actor, c.req.valid('param').id, reason, audit), 200);
  });
  app.openapi(assignRoute, async (c) => {
    const { actor, audit } = callerOf(c);
    const { assigneeId, dueAt } = AssignSchema.parse(await c.req.json());
    return c.json(
      await review.assign(actor, c.req.valid('param').id, assigneeId, dueAt, audit),
      200,
    );
  });
  app.openapi(commentRoute, async (c) => {
    const { actor, audit } = callerOf(c);
    return c.json(
      await review.comment(actor, c.req.valid('param').id, c.req.valid('json').text, audit),
      201,
    );
  });
  app.openapi(listRuns, async (c) => {
    const { actor } = callerOf(c);
    return c.json({ runs: (await services.monitoring.listRuns(actor)).map(presentRun) }, 200);
  });
  app.openapi(startRun, async (c) => {
    const { actor } = callerOf(c);
    const done = await services.monitoring.fullRescreen(actor, c.req.valid('json').portfolioId);
    return c.json(presentRun(done), 200);
  });
}

/** A run as the schema types it (mutable arrays). */
function presentRun(run: RescreenRun) {
  return { ...run, fromLists: [...run.fromLists], toLists: [...run.toLists] };
}

function states(text: string | undefined): { states?: AlertState[] } {
  if (text === undefined || text === '') {
    return {};
  }
  const list = text.split(',').map((s) => s.trim());
  const bad = list.find((s) => !(ALERT_STATES as readonly string[]).includes(s));
  if (bad !== undefined) {
    throw new ValidationError(`state: unknown state "${bad}" (use ${ALERT_STATES.join(', ')})`, {
      field: 'state',
    });
  }
  return { states: list as AlertState[] };
}

/** Drops undefined values, so optional filters stay absent. */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
