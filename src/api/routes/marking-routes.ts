/**
 * Marking endpoints of stored entries: read an entry's current marking with its changes, and
 * change it (raise: any reader with `list.ingest`; lower: the originating organization only).
 * An entry the caller may not read answers exactly like an unknown id (404), never 403.
 *
 * @module
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';

import { EntryMarkingService } from '../../access/entry-marking-service.js';
import { CAVEATS, TLP_LABELS, formatMarking } from '../../access/marking.js';
import type { Marking } from '../../access/marking.js';
import type { EntryMarkingChange } from '../../access/marking-store.js';
import { CLASSIFICATION_LEVELS } from '../../core/classification.js';
import { AuthenticationError } from '../../core/errors.js';
import { JobName } from '../../jobs/job-queue.js';
import type { Services } from '../../services.js';
import { viewerOf } from '../middleware/authenticate.js';
import { ErrorSchema, errorResponses } from '../schemas/common-schemas.js';

const Country = z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3, upper case');

/** A marking as a caller proposes it: originators are never proposed, they are recorded. */
export const ProposedMarkingSchema = z
  .object({
    classification: z.enum(CLASSIFICATION_LEVELS),
    releasableTo: z
      .object({
        countries: z.array(Country).max(300).default([]),
        organizations: z.array(z.string().min(1).max(100)).max(1000).default([]),
      })
      .strict()
      .default({ countries: [], organizations: [] }),
    caveats: z.array(z.enum(CAVEATS)).max(CAVEATS.length).default([]),
    tlp: z.enum(TLP_LABELS),
  })
  .strict()
  .openapi('ProposedMarking');

/** A stored marking with its banner form. */
export const MarkingSchema = z
  .object({
    classification: z.string(),
    originators: z.array(z.object({ organizationId: z.string(), country: z.string() })),
    releasableTo: z.object({
      countries: z.array(z.string()),
      organizations: z.array(z.string()),
    }),
    caveats: z.array(z.string()),
    tlp: z.string(),
    banner: z.string().openapi({ example: 'RESTRICTED//REL TO COL TLP:AMBER' }),
  })
  .openapi('Marking');

const ChangeSchema = z
  .object({
    id: z.number().int(),
    entryId: z.string(),
    kind: z.enum(['raise', 'lower']),
    previous: MarkingSchema,
    marking: MarkingSchema,
    reason: z.string(),
    actorId: z.string(),
    organizationId: z.string(),
    changedAt: z.string(),
  })
  .openapi('MarkingChange');

const ChangeRequestSchema = z
  .object({
    marking: ProposedMarkingSchema,
    reason: z.string().min(1).max(1000).openapi({ description: 'Why; kept in the audit trail' }),
  })
  .strict()
  .openapi('MarkingChangeRequest');

const params = z.object({
  entryId: z.string().min(3).max(200).openapi({ example: 'kingpins-col:K-001' }),
});

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const markingErrors = {
  ...errorResponses,
  403: json(ErrorSchema, 'Missing permission, or a lowering by another organization'),
  409: json(ErrorSchema, 'The marking changed meanwhile; read it again'),
};

const showRoute = createRoute({
  method: 'get',
  path: '/lists/entries/{entryId}/marking',
  tags: ['lists'],
  summary: "A marked entry's current marking and every change made to it",
  request: { params },
  responses: {
    200: json(
      z.object({ entryId: z.string(), marking: MarkingSchema, changes: z.array(ChangeSchema) }),
      'The marking and its history',
    ),
    ...markingErrors,
  },
});

const changeRoute = createRoute({
  method: 'put',
  path: '/lists/entries/{entryId}/marking',
  tags: ['lists'],
  summary:
    "Change a marked entry's marking: any reader with list.ingest may raise it, only the originating organization may lower it; effective at once, audited, kept in its history",
  request: {
    params,
    body: { content: { 'application/json': { schema: ChangeRequestSchema } }, required: true },
  },
  responses: { 200: json(ChangeSchema, 'The change'), ...markingErrors },
});

/** Registers the marking endpoints. */
export function registerMarkingRoutes(app: OpenAPIHono, services: Services): void {
  const markings = new EntryMarkingService(services.store.markings, () =>
    fullRescreenAfterLowering(services),
  );
  app.openapi(showRoute, async (c) => {
    const view = await markings.show(viewerFrom(c), c.req.valid('param').entryId);
    return c.json(
      {
        entryId: view.entryId,
        marking: presentMarking(view.marking),
        changes: view.changes.map(presentChange),
      },
      200,
    );
  });
  app.openapi(changeRoute, async (c) => {
    const { marking, reason } = c.req.valid('json');
    const change = await markings.change(
      viewerFrom(c),
      c.req.valid('param').entryId,
      marking,
      reason,
    );
    return c.json(presentChange(change), 200);
  });
}

/**
 * Queues one full re-screen after a lowering (when monitoring follows list changes): a lowering
 * may release an entry to organizations whose portfolios were screened without it.
 *
 * @example
 * new EntryMarkingService(store.markings, () => fullRescreenAfterLowering(services));
 */
export async function fullRescreenAfterLowering(services: Services): Promise<void> {
  if (services.config.monitoring.rescreenOnIngest) {
    await services.jobs.enqueue(
      JobName.MonitoringFullRescreen,
      {},
      { singletonKey: 'marking-lowered' },
    );
  }
}

function viewerFrom(c: Parameters<typeof viewerOf>[0]) {
  const viewer = viewerOf(c);
  if (viewer === undefined) {
    throw new AuthenticationError();
  }
  return viewer;
}

/**
 * A marking as the API shows it: the marking and its banner.
 *
 * @example
 * c.json({ marking: presentMarking(marking) });
 */
export function presentMarking(marking: Marking) {
  return {
    classification: marking.classification,
    originators: [...marking.originators],
    releasableTo: {
      countries: [...marking.releasableTo.countries],
      organizations: [...marking.releasableTo.organizations],
    },
    caveats: [...marking.caveats],
    tlp: marking.tlp,
    banner: formatMarking(marking),
  };
}

function presentChange(change: EntryMarkingChange) {
  return {
    ...change,
    previous: presentMarking(change.previous),
    marking: presentMarking(change.marking),
  };
}
