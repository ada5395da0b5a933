/**
 * Watchlist endpoints: status, publications, diffs, entries, uploads and official refresh.
 *
 * @module
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ValidationError } from '../../core/errors.js';
import type { InputFile } from '../../watchlist/list-source.js';
import { decompressIfGzip } from '../../watchlist/load-input.js';
import type { Services } from '../../services.js';
import { auditOf, viewerOf } from '../middleware/authenticate.js';
import { presentDiff, presentIngest } from '../presenters/watchlist-presenters.js';
import { errorResponses } from '../schemas/common-schemas.js';
import {
  EntryViewSchema,
  IngestResultSchema,
  PublicationDiffSchema,
  PublicationSchema,
  SourceStatusSchema,
} from '../schemas/watchlist-schemas.js';

const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const PublicationRef = z.string().min(1).max(100).openapi({
  description:
    'A publication id, `<source>` (current), `<source>@previous` or `<source>@YYYY-MM-DD`',
  example: 'ofac-sdn@2024-05-03',
});

const statusRoute = createRoute({
  method: 'get',
  path: '/lists',
  tags: ['lists'],
  summary: 'Current publication of every source',
  responses: {
    200: json(
      z.object({ sources: z.array(SourceStatusSchema) }),
      'Sources and their current publication',
    ),
    ...errorResponses,
  },
});

const publicationsRoute = createRoute({
  method: 'get',
  path: '/lists/publications',
  tags: ['lists'],
  summary: 'Publications, newest first',
  request: { query: z.object({ source: z.string().min(1).max(40).optional() }) },
  responses: {
    200: json(z.object({ publications: z.array(PublicationSchema) }), 'Publications'),
    ...errorResponses,
  },
});

const publicationRoute = createRoute({
  method: 'get',
  path: '/lists/publications/{ref}',
  tags: ['lists'],
  summary: 'One publication with its parse report',
  request: { params: z.object({ ref: PublicationRef }) },
  responses: { 200: json(PublicationSchema, 'The publication'), ...errorResponses },
});

const diffRoute = createRoute({
  method: 'get',
  path: '/lists/diff',
  tags: ['lists'],
  summary: 'Entries added, removed and changed between two publications of one source',
  request: { query: z.object({ from: PublicationRef, to: PublicationRef }) },
  responses: { 200: json(PublicationDiffSchema, 'The diff'), ...errorResponses },
});

const entryRoute = createRoute({
  method: 'get',
  path: '/lists/entries/{entryId}',
  tags: ['lists'],
  summary: 'One entry with every parsed fact and its history across publications',
  request: {
    params: z.object({
      entryId: z.string().min(3).max(200).openapi({ example: 'ofac-sdn:11900' }),
    }),
    query: z.object({ at: PublicationRef.optional() }),
  },
  responses: { 200: json(EntryViewSchema, 'The entry'), ...errorResponses },
});

const refreshRoute = createRoute({
  method: 'post',
  path: '/lists/refresh',
  tags: ['lists'],
  summary: 'Download and ingest the official publications now',
  request: {
    query: z.object({
      source: z.string().min(1).max(40).optional().openapi({ description: 'Only this source' }),
    }),
  },
  responses: {
    200: json(IngestResultSchema, 'What was ingested'),
    ...errorResponses,
    502: errorResponses[500],
  },
});

/** Registers the watchlist endpoints. */
export function registerListRoutes(app: OpenAPIHono, services: Services): void {
  // Every read goes through the store as the caller sees it: marked entries it may not read
  // do not exist (src/access, store/queries/scoped-watchlist-queries.ts).
  const listsFor = (c: Context) => {
    const viewer = viewerOf(c);
    return viewer === undefined ? services.watchlists : services.watchlists.visibleTo(viewer);
  };
  app.openapi(statusRoute, async (c) => c.json({ sources: await listsFor(c).status() }, 200));
  app.openapi(publicationsRoute, async (c) => {
    const { source } = c.req.valid('query');
    return c.json({ publications: [...(await listsFor(c).listPublications(source))] }, 200);
  });
  app.openapi(publicationRoute, async (c) =>
    c.json(await listsFor(c).resolvePublication(c.req.valid('param').ref), 200),
  );
  app.openapi(diffRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(presentDiff(await listsFor(c).diff(from, to)), 200);
  });
  app.openapi(entryRoute, async (c) => {
    const { entryId } = c.req.valid('param');
    const view = await listsFor(c).showEntry(entryId, c.req.valid('query').at);
    return c.json(view, 200);
  });
  const lists = services.watchlists;
  app.openapi(refreshRoute, async (c) => {
    const { source } = c.req.valid('query');
    const audit = auditOf(c);
    const report = await lists.ingestOfficial(
      source === undefined ? undefined : [source],
      audit === undefined ? {} : { audit },
    );
    return c.json(presentIngest(report), 200);
  });
  registerUploadRoute(app, services);
}

/**
 * Upload is multipart (one or more files) or a raw body with `?name=`; it is documented through
 * the registry and handled by hand because the files are bytes, not JSON.
 */
function registerUploadRoute(app: OpenAPIHono, services: Services): void {
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/lists/publications',
    tags: ['lists'],
    summary: 'Ingest uploaded list files (multipart `file` fields, or a raw body with ?name=)',
    request: {
      query: z.object({
        name: z.string().optional().openapi({ description: 'File name of a raw-body upload' }),
        source: z
          .string()
          .optional()
          .openapi({ description: '`ofac-sdn`, `un` or an agency list id' }),
        publishedAt: z.string().optional().openapi({ description: 'Publication date override' }),
      }),
      body: {
        content: {
          'multipart/form-data': {
            schema: z.object({ file: z.array(z.string().openapi({ format: 'binary' })) }),
          },
          'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
    },
    responses: { 201: json(IngestResultSchema, 'What was ingested'), ...errorResponses },
  });
  app.post('/lists/publications', async (c) => {
    const files = await readUploadedFiles(c, services.config.lists.maxFileBytes);
    const source = c.req.query('source');
    const publishedAt = c.req.query('publishedAt');
    const audit = auditOf(c);
    const report = await services.watchlists.ingestFiles(files, {
      ...(audit === undefined ? {} : { audit }),
      ...(source === undefined ? {} : { source }),
      ...(publishedAt === undefined ? {} : { publishedAt: validDate(publishedAt) }),
    });
    return c.json(presentIngest(report), 201);
  });
}

async function readUploadedFiles(c: Context, maxBytes: number): Promise<InputFile[]> {
  const type = c.req.header('content-type') ?? '';
  const name = c.req.query('name');
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody({ all: true });
    const uploads = [form.file ?? []]
      .flat()
      .flatMap((value) => (typeof value === 'string' ? [] : [value]));
    if (uploads.length === 0) {
      throw new ValidationError('no file in the upload: send one or more `file` fields', {
        field: 'file',
      });
    }
    return Promise.all(
      uploads.map(async (file) =>
        toInputFile(file.name, Buffer.from(await file.arrayBuffer()), maxBytes),
      ),
    );
  }
  if (name === undefined || !/^[\w.@-]{1,200}$/.test(name)) {
    throw new ValidationError('a raw upload needs ?name= with a plain file name, e.g. sdn.csv', {
      field: 'name',
    });
  }
  return [toInputFile(name, Buffer.from(await c.req.arrayBuffer()), maxBytes)];
}

function toInputFile(name: string, bytes: Buffer, maxBytes: number): InputFile {
  const safeName = name.replace(/^.*[\\/]/, '');
  const origin = `upload:${safeName}`;
  return {
    name: safeName,
    origin,
    bytes: decompressIfGzip(bytes, origin, { maxFileBytes: maxBytes }),
  };
}

function validDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new ValidationError(`publishedAt must be a date YYYY-MM-DD, got "${value}"`, {
      field: 'publishedAt',
    });
  }
  return value;
}
