/**
 * Request and response schemas of the monitoring routes (portfolios, counterparties, imports,
 * alerts, re-screening runs), registered as OpenAPI components.
 *
 * @module
 */
import { z } from '@hono/zod-openapi';

/** A numeric id in a path. */
export const IdParam = z.object({
  id: z.coerce.number().int().positive().openapi({ example: 1 }),
});

/** A portfolio. */
export const PortfolioSchema = z
  .object({
    id: z.number().int(),
    organizationId: z.string(),
    name: z.string(),
    createdAt: z.string(),
  })
  .openapi('Portfolio');

/** Body creating a portfolio. */
export const NewPortfolioSchema = z.object({ name: z.string().min(1).max(200) });

const DocumentSchema = z.object({
  type: z.enum(['cedula', 'nit', 'passport', 'cedula-extranjeria', 'other']),
  number: z.string().min(1).max(64).openapi({ example: '800197268-4' }),
});

/** A counterparty as sent (validated by the use case, which names every bad field). */
export const CounterpartyInputSchema = z
  .object({
    externalId: z.string().min(1).max(512).openapi({ example: 'CLI-000123' }),
    kind: z.enum(['person', 'company']),
    name: z.string().min(1).max(512).openapi({ example: 'INVERSIONES LA ESPERANZA SAS' }),
    aliases: z.array(z.string().max(512)).max(20).optional(),
    dob: z.string().max(10).optional().openapi({ example: '1971-09-15' }),
    country: z.string().max(100).optional().openapi({ example: 'CO' }),
    documents: z.array(DocumentSchema).max(20).optional(),
  })
  .openapi('CounterpartyInput');

/** A stored counterparty. */
export const CounterpartySchema = z
  .object({
    id: z.number().int(),
    organizationId: z.string(),
    portfolioId: z.number().int(),
    externalId: z.string(),
    kind: z.enum(['person', 'company']),
    name: z.string(),
    aliases: z.array(z.string()),
    dob: z.string().optional(),
    country: z.string().optional(),
    documents: z.array(DocumentSchema),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Counterparty');

/** Query of an import. */
export const ImportQuerySchema = z.object({
  format: z.enum(['csv', 'json', 'ndjson']).default('csv'),
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Validate and report only; nothing is stored' }),
  mapping: z
    .string()
    .max(4000)
    .optional()
    .openapi({
      description:
        'JSON object field → column, e.g. {"externalId":"codigo","name":"razon_social","nit":"nit"}. ' +
        'Fields: externalId, kind, name, aliases, dob, country, documentType, documentNumber, cedula, nit, passport, cedula-extranjeria',
    }),
});

/** The report of an import. */
export const ImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    imported: z.number().int(),
    alertsRaised: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
    errorsTruncated: z.boolean(),
  })
  .openapi('ImportReport');

/** An alert. */
export const AlertSchema = z
  .object({
    id: z.number().int(),
    organizationId: z.string(),
    portfolioId: z.number().int(),
    counterpartyId: z.number().int(),
    entryId: z.string().openapi({ example: 'ofac-sdn:11900' }),
    entryVersion: z.string(),
    entryName: z.string(),
    matchedName: z.string(),
    score: z.number(),
    runId: z.number().int(),
    state: z.enum(['open', 'in_review', 'confirmed', 'cleared', 'closed']),
    assigneeId: z.string().nullable(),
    dueAt: z.string().nullable(),
    pending: z
      .object({
        decision: z.enum(['confirm', 'clear']),
        by: z.string(),
        reason: z.string(),
        at: z.string(),
      })
      .nullable(),
    decidedBy: z.string().nullable(),
    decisionReason: z.string().nullable(),
    closedReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Alert');

/** A comment or change in an alert's history. */
export const AlertNoteSchema = z
  .object({
    id: z.number().int(),
    alertId: z.number().int(),
    at: z.string(),
    actorId: z.string(),
    kind: z.string(),
    text: z.string(),
  })
  .openapi('AlertNote');

/** Alert filters. */
export const AlertQuerySchema = z.object({
  state: z
    .string()
    .optional()
    .openapi({ description: 'Comma-separated states: open,in_review,confirmed,cleared,closed' }),
  portfolioId: z.coerce.number().int().positive().optional(),
  counterpartyId: z.coerce.number().int().positive().optional(),
  assigneeId: z.string().max(200).optional(),
  afterId: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** A reason, required by every decision. */
export const ReasonSchema = z.object({ reason: z.string().min(1).max(4000) });

/** A proposed decision. */
export const ProposeSchema = z.object({
  decision: z.enum(['confirm', 'clear']),
  reason: z.string().min(1).max(4000),
});

/** Assignment and due date. */
export const AssignSchema = z.object({
  assigneeId: z.string().max(200).nullable(),
  dueAt: z.string().max(40).nullable().optional(),
});

/** A comment. */
export const CommentSchema = z.object({ text: z.string().min(1).max(4000) });

const ListRefSchema = z.object({ source: z.string(), publicationId: z.number().int() });

/** A re-screening run. */
export const RunSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['delta', 'full', 'counterparty']),
    status: z.enum(['pending', 'running', 'done', 'failed']),
    organizationId: z.string().nullable(),
    portfolioId: z.number().int().nullable(),
    fromLists: z.array(ListRefSchema),
    toLists: z.array(ListRefSchema),
    threshold: z.number(),
    planned: z.number().int().nullable(),
    processed: z.number().int(),
    alertsRaised: z.number().int(),
    alertsClosed: z.number().int(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
  })
  .openapi('RescreenRun');

/** Body starting a full re-screen. */
export const NewRunSchema = z.object({
  portfolioId: z.number().int().positive().optional(),
});
