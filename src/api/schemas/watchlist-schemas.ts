import { z } from '@hono/zod-openapi';

const fact = z.record(z.string(), z.unknown());

/** Arrays in responses are read-only in the domain types. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

/** Parse report of a publication. */
export const ParseReportSchema = z
  .object({
    entries: z.number().int(),
    facts: z.record(z.string(), z.number().int()),
    fragments: z.number().int(),
    unparsedFragments: z.number().int(),
    linksResolved: z.number().int(),
    warningCounts: z.record(z.string(), z.number().int()),
    warnings: list(
      z.object({
        code: z.string(),
        message: z.string(),
        file: z.string(),
        line: z.number().int().optional(),
        field: z.string().optional(),
      }),
    ),
  })
  .openapi('ParseReport');

/** A stored publication. */
export const PublicationSchema = z
  .object({
    id: z.number().int().openapi({ example: 7 }),
    source: z.string().openapi({ example: 'ofac-sdn' }),
    publishedAt: z.string().openapi({ example: '2024-05-03' }),
    contentHash: z.string(),
    ingestedAt: z.string(),
    entryCount: z.number().int(),
    files: list(z.string()),
    report: ParseReportSchema,
  })
  .openapi('Publication');

/** A watchlist entry with its parsed facts (see `src/watchlist/watchlist-entry.ts`). */
export const WatchlistEntrySchema = z
  .object({
    source: z.string(),
    sourceId: z.string(),
    entityType: z.enum(['individual', 'entity', 'vessel', 'aircraft']),
    name: z.string(),
    nameParts: z
      .object({
        given: z.string().optional(),
        family: z.string().optional(),
        parts: list(z.string()).optional(),
      })
      .optional(),
    originalScriptName: z.string().optional(),
    programs: list(z.string()),
    title: z.string().optional(),
    aliases: list(fact),
    addresses: list(fact),
    birthDates: list(fact),
    birthPlaces: list(fact),
    nationalities: list(fact),
    citizenships: list(fact),
    gender: fact.optional(),
    documents: list(fact),
    links: list(fact),
    vessel: fact.optional(),
    aircraft: fact.optional(),
    websites: list(fact),
    emails: list(fact),
    phones: list(fact),
    otherFacts: list(fact),
    unparsed: list(fact),
    remarks: z.string().optional(),
    listedOn: z.string().optional(),
    lastUpdated: list(z.string()).optional(),
  })
  .openapi('WatchlistEntry');

/** Status of one source. */
export const SourceStatusSchema = z
  .object({ source: z.string(), current: PublicationSchema, publications: z.number().int() })
  .openapi('SourceStatus');

const EntrySummarySchema = z
  .object({
    entryId: z.string().openapi({ example: 'ofac-sdn:11900' }),
    sourceId: z.string(),
    name: z.string(),
    entityType: z.string(),
    programs: list(z.string()),
  })
  .openapi('EntrySummary');

/** A publication diff. */
export const PublicationDiffSchema = z
  .object({
    from: PublicationSchema,
    to: PublicationSchema,
    counts: z.object({
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
    }),
    added: list(EntrySummarySchema),
    removed: list(EntrySummarySchema),
    changed: list(
      EntrySummarySchema.extend({
        changes: list(
          z.object({
            field: z.string(),
            before: z.unknown(),
            after: z.unknown(),
            itemsAdded: list(z.unknown()).optional(),
            itemsRemoved: list(z.unknown()).optional(),
          }),
        ),
      }),
    ),
  })
  .openapi('PublicationDiff');

/** An entry with its history. */
export const EntryViewSchema = z
  .object({
    entryId: z.string(),
    publication: PublicationSchema,
    entry: WatchlistEntrySchema,
    history: list(
      z.object({
        publicationId: z.number().int(),
        publishedAt: z.string(),
        versionHash: z.string(),
        changed: z.boolean(),
      }),
    ),
  })
  .openapi('EntryView');

/** The result of an ingest request. */
export const IngestResultSchema = z
  .object({
    publications: list(z.object({ created: z.boolean(), publication: PublicationSchema })),
    unclaimed: list(z.string()),
  })
  .openapi('IngestResult');
