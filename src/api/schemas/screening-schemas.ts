import { z } from '@hono/zod-openapi';

const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
const entityType = z.enum(['individual', 'entity', 'vessel', 'aircraft']);

/** One party to screen. Content (lengths, dates, scripts) is validated by the engine. */
export const ScreeningQuerySchema = z
  .object({
    name: z.string().openapi({ example: 'Dairo Antonio Usuga David' }),
    dob: z.string().optional().openapi({ example: '1971-09-15' }),
    country: z.string().optional().openapi({ example: 'Colombia' }),
    document: z.string().optional().openapi({ example: '71980054' }),
    type: entityType.optional(),
  })
  .openapi('ScreeningQuery');

/** Options for screening. */
export const ScreeningOptionsSchema = z.object({
  threshold: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .openapi({ description: 'Minimum score; default 0.80' }),
  limit: z.number().int().min(1).max(1000).optional(),
  sources: list(z.string()).optional(),
  programs: list(z.string())
    .optional()
    .openapi({ example: ['SDNT', 'SDNTK', 'ILLICIT-DRUGS-EO14059'] }),
  entityTypes: list(entityType).optional(),
  countries: list(z.string()).optional(),
});

/** POST /screen body. */
export const ScreenRequestSchema = ScreeningQuerySchema.extend(
  ScreeningOptionsSchema.shape,
).openapi('ScreenRequest');

const TokenMatchSchema = z.object({
  query: z.string(),
  list: z.string(),
  method: z.string(),
  similarity: z.number(),
  weight: z.number(),
});

/** Why a match scored what it did. */
export const ExplanationSchema = z
  .object({
    summary: z.string(),
    nameScore: z.number(),
    queryCoverage: z.number(),
    listCoverage: z.number(),
    tokens: list(TokenMatchSchema),
    unmatchedQuery: list(z.string()),
    unmatchedList: list(z.string()),
    listNameOrder: z.string(),
    facts: list(
      z.object({ fact: z.string(), outcome: z.string(), effect: z.number(), detail: z.string() }),
    ),
    decisive: z.string().optional(),
  })
  .openapi('MatchExplanation');

/** One match. */
export const ScreeningMatchSchema = z
  .object({
    entryId: z.string().openapi({ example: 'ofac-sdn:11900' }),
    source: z.string(),
    sourceId: z.string(),
    score: z.number(),
    name: z.string(),
    matchedNameKind: z.enum(['primary', 'alias', 'weak-alias']),
    entityType: entityType,
    programs: list(z.string()),
    explanation: ExplanationSchema,
  })
  .openapi('ScreeningMatch');

/** The list publications screened against. */
export const ListVersionSchema = z
  .object({
    source: z.string(),
    publicationId: z.number().int(),
    publishedAt: z.string(),
    contentHash: z.string(),
  })
  .openapi('ListVersion');

/** POST /screen response. */
export const ScreeningResultSchema = z
  .object({
    matches: list(ScreeningMatchSchema),
    threshold: z.number(),
    lists: list(ListVersionSchema),
    screenedAt: z.string(),
  })
  .openapi('ScreeningResult');

/** POST /screen/batch body (JSON form). */
export const BatchRequestSchema = ScreeningOptionsSchema.extend({
  queries: z.array(z.record(z.string(), z.unknown())).min(1).max(10_000),
}).openapi('BatchScreenRequest');

/** One batch result line. */
export const BatchResultSchema = z
  .object({
    line: z.number().int(),
    ref: z.string().optional(),
    name: z.string().optional(),
    matches: list(ScreeningMatchSchema).optional(),
    error: z.string().optional(),
    marking: z.string().optional().openapi({
      description:
        'Banner of the combined marking of the marked list entries this result names (absent when none is)',
      example: 'UNCLASSIFIED//REL TO COL TLP:AMBER',
    }),
  })
  .openapi('BatchScreenResult');

/** POST /match body. */
export const MatchRequestSchema = z
  .object({ name1: z.string(), name2: z.string(), type: entityType.optional() })
  .openapi('MatchRequest');

/** POST /match response. */
export const MatchResultSchema = z
  .object({ score: z.number(), explanation: ExplanationSchema })
  .openapi('MatchResult');
