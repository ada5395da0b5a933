/**
 * Screening endpoints: one party (`POST /screen`), many (`POST /screen/batch`, JSON or streamed
 * NDJSON) and a pairwise comparison (`POST /match`).
 *
 * @module
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import { combinedMarking } from '../../access/change-marking.js';
import { formatMarking } from '../../access/marking.js';
import { ValidationError } from '../../core/errors.js';
import { toRow, type BatchRow } from '../../screening/batch/batch-input.js';
import { screenRow, type BatchResult } from '../../screening/batch/batch-result.js';
import { matchNames } from '../../screening/match-names.js';
import type { ListVersion, ReadableEntries } from '../../screening/screening-service.js';
import type { ScreeningOptions } from '../../screening/screening-types.js';
import type { Services } from '../../services.js';
import { viewerOf } from '../middleware/authenticate.js';
import { errorResponses } from '../schemas/common-schemas.js';
import { MarkingSchema, presentMarking } from './marking-routes.js';
import {
  BatchRequestSchema,
  BatchResultSchema,
  MatchRequestSchema,
  MatchResultSchema,
  ScreenRequestSchema,
  ScreeningResultSchema,
} from '../schemas/screening-schemas.js';

const jsonBody = <T>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const screenRoute = createRoute({
  method: 'post',
  path: '/screen',
  tags: ['screening'],
  summary: 'Screen one person or company against every current list, with explanations',
  request: { body: jsonBody(ScreenRequestSchema) },
  responses: {
    200: json(ScreeningResultSchema, 'Matches at or above the threshold, best first'),
    ...errorResponses,
  },
});

const matchRoute = createRoute({
  method: 'post',
  path: '/match',
  tags: ['screening'],
  summary: 'Score two names against each other, with the explanation',
  request: { body: jsonBody(MatchRequestSchema) },
  responses: { 200: json(MatchResultSchema, 'Score and explanation'), ...errorResponses },
});

/** Rows screened between yields to the event loop, so other requests keep being served. */
const ROWS_PER_TURN = 200;

/** Registers the screening endpoints. */
export function registerScreeningRoutes(app: OpenAPIHono, services: Services): void {
  app.openapi(screenRoute, async (c) => {
    const { name, dob, country, document, type, ...options } = c.req.valid('json');
    const query = { name, ...defined({ dob, country, document, type }) };
    const result = await services.screening.screen(
      query,
      defined(options),
      readableFor(c, services),
    );
    return c.json(result, 200);
  });
  app.openapi(matchRoute, (c) => {
    const { name1, name2, type } = c.req.valid('json');
    return c.json(matchNames(name1, name2, type === undefined ? {} : { type }), 200);
  });
  registerBatchRoute(app, services);
}

function registerBatchRoute(app: OpenAPIHono, services: Services): void {
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/screen/batch',
    tags: ['screening'],
    summary: 'Screen many parties: a JSON body, or NDJSON in and out (streamed) for large batches',
    description:
      'JSON body `{queries: [...], threshold?, ...}` answers `{results, lists, screenedAt}`, or NDJSON when the ' +
      'request accepts `application/x-ndjson`. An `application/x-ndjson` body (one query object per line, ' +
      'options in the query string) is answered with one NDJSON result line per input line. Bad rows get an ' +
      '`error` naming the field; the others are screened.',
    request: {
      query: z.object({ threshold: z.string().optional(), limit: z.string().optional() }),
      body: {
        content: {
          'application/json': { schema: BatchRequestSchema },
          'application/x-ndjson': { schema: z.string() },
        },
      },
    },
    responses: {
      200: {
        description: 'One result per input row, in order',
        content: {
          'application/json': {
            schema: z.object({
              results: z.array(BatchResultSchema),
              marking: MarkingSchema.nullable().openapi({
                description:
                  'The combined marking of the marked list entries the results name; null when none is',
              }),
            }),
          },
          'application/x-ndjson': { schema: BatchResultSchema },
        },
      },
      ...errorResponses,
    },
  });
  app.post('/screen/batch', async (c) => {
    const isNdjsonBody = (c.req.header('content-type') ?? '').includes('ndjson');
    const { rows, options } = isNdjsonBody ? await ndjsonRows(c) : await jsonRows(c);
    const snapshot = await services.screening.snapshot();
    // Marked entries the caller may not see are dropped from each row's matches.
    const visible = visibleResults(readableFor(c, services), snapshot);
    const wantsStream = isNdjsonBody || (c.req.header('accept') ?? '').includes('ndjson');
    if (!wantsStream) {
      const results = await visible(
        await screenAll(rows, (row) => screenRow(snapshot.index, row, options)),
      );
      const banners = await rowMarkings(services, snapshot.marked, results);
      return c.json({
        results: results.map((result, index) => presentBatchResult(result, banners[index])),
        lists: snapshot.lists,
        screenedAt: new Date().toISOString(),
        marking: await batchMarking(services, snapshot.marked, results),
      });
    }
    c.header('content-type', 'application/x-ndjson; charset=utf-8');
    return stream(c, async (out) => {
      for (let start = 0; start < rows.length; start += ROWS_PER_TURN) {
        const results = await visible(
          rows
            .slice(start, start + ROWS_PER_TURN)
            .map((row) => screenRow(snapshot.index, row, options)),
        );
        const banners = await rowMarkings(services, snapshot.marked, results);
        const lines = results.map((result, index) =>
          JSON.stringify(presentBatchResult(result, banners[index])),
        );
        await out.write(`${lines.join('\n')}\n`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
  });
}

async function jsonRows(c: Context): Promise<{ rows: BatchRow[]; options: ScreeningOptions }> {
  const parsed = BatchRequestSchema.safeParse(await c.req.json().catch(() => undefined));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(
      `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
      { field: issue?.path.join('.') },
    );
  }
  const { queries, ...options } = parsed.data;
  return {
    rows: queries.map((query, index) => toRow(index + 1, query)),
    options: defined(options),
  };
}

async function ndjsonRows(c: Context): Promise<{ rows: BatchRow[]; options: ScreeningOptions }> {
  const text = await c.req.text();
  const rows: BatchRow[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    try {
      const value: unknown = JSON.parse(line);
      rows.push(
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? toRow(index + 1, value as Record<string, unknown>)
          : { line: index + 1, error: 'each line must be a JSON object' },
      );
    } catch {
      rows.push({ line: index + 1, error: 'not valid JSON' });
    }
  });
  const threshold = c.req.query('threshold');
  const limit = c.req.query('limit');
  return {
    rows,
    options: {
      ...(threshold === undefined ? {} : { threshold: Number(threshold) }),
      ...(limit === undefined ? {} : { limit: Number(limit) }),
    },
  };
}

/** What the store lets the caller see of marked entries; undefined without a caller. */
function readableFor(c: Context, services: Services): ReadableEntries | undefined {
  const viewer = viewerOf(c);
  if (viewer === undefined) {
    return undefined;
  }
  const store = services.store.watchlist.visibleTo(viewer);
  return (lists, entryIds) =>
    store.filterReadable(
      lists.map((list) => ({ id: list.publicationId, source: list.source })),
      entryIds,
    );
}

function visibleResults(
  readable: ReadableEntries | undefined,
  snapshot: { lists: readonly ListVersion[]; marked: ReadonlySet<string> },
): (results: readonly BatchResult[]) => Promise<readonly BatchResult[]> {
  return async (results) => {
    if (readable === undefined || snapshot.marked.size === 0) {
      return results;
    }
    const marked = results
      .flatMap((result) => result.matches ?? [])
      .map((match) => match.entryId)
      .filter((id) => snapshot.marked.has(id));
    const allowed =
      marked.length === 0 ? new Set<string>() : await readable(snapshot.lists, marked);
    const shown = (id: string) => !snapshot.marked.has(id) || allowed.has(id);
    return results.map((result) =>
      result.matches === undefined
        ? result
        : { ...result, matches: result.matches.filter((match) => shown(match.entryId)) },
    );
  };
}

/**
 * The banner of each result's combined marking (undefined for results naming no marked entry),
 * so every row of a streamed or saved batch carries the marking of what it names.
 */
async function rowMarkings(
  services: Services,
  marked: ReadonlySet<string>,
  results: readonly BatchResult[],
): Promise<(string | undefined)[]> {
  const named = (result: BatchResult) =>
    (result.matches ?? []).map((match) => match.entryId).filter((id) => marked.has(id));
  const ids = [...new Set(results.flatMap(named))];
  if (ids.length === 0) {
    return results.map(() => undefined);
  }
  const markings = await services.store.markings.entryMarkings(ids);
  return results.map((result) => {
    const own = new Map(named(result).map((id) => [id, markings.get(id) ?? []]));
    const combined = combinedMarking(own);
    return combined === null ? undefined : formatMarking(combined);
  });
}

/** The combined marking of the marked entries the results name (null when none): never lost. */
async function batchMarking(
  services: Services,
  marked: ReadonlySet<string>,
  results: readonly BatchResult[],
) {
  const ids = results
    .flatMap((result) => result.matches ?? [])
    .map((match) => match.entryId)
    .filter((id) => marked.has(id));
  if (ids.length === 0) {
    return null;
  }
  const marking = combinedMarking(await services.store.markings.entryMarkings(ids));
  return marking === null ? null : presentMarking(marking);
}

async function screenAll(
  rows: readonly BatchRow[],
  screenOne: (row: BatchRow) => BatchResult,
): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_TURN) {
    results.push(...rows.slice(start, start + ROWS_PER_TURN).map(screenOne));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}

function presentBatchResult(result: BatchResult, marking?: string) {
  return {
    line: result.line,
    ...(result.ref === undefined ? {} : { ref: result.ref }),
    ...(result.query === undefined ? {} : { name: result.query.name }),
    ...(result.error === undefined ? { matches: result.matches ?? [] } : { error: result.error }),
    ...(marking === undefined ? {} : { marking }),
  };
}

/** Drops undefined values, so optional fields stay absent rather than `undefined`. */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
