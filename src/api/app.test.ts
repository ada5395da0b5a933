import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authedRequest, bootstrapApiKey } from '../../test/support/api-auth.js';
import { createTestServices, HISTORY_FIXTURE } from '../../test/support/test-services.js';
import type { Services } from '../services.js';
import { createApp } from './app.js';

let services: Services;
let app: ReturnType<typeof createApp>;
let request: ReturnType<typeof authedRequest>;

beforeEach(async () => {
  services = await createTestServices({ 'server.bodyLimitBytes': 20_000 });
  app = createApp(services);
  request = authedRequest(app, (await bootstrapApiKey(services)).key);
});

afterEach(async () => {
  await services.close();
});

function upload(name: string, content: string | Uint8Array, query = ''): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  return Promise.resolve(request(`/lists/publications${query}`, { method: 'POST', body: form }));
}

const fixture = (name: string) => readFileSync(join(HISTORY_FIXTURE, name));

async function ingestBoth(): Promise<void> {
  expect((await upload('sdn-2024-05-01.csv', fixture('sdn-2024-05-01.csv'))).status).toBe(201);
  expect((await upload('sdn-2024-05-02.csv', fixture('sdn-2024-05-02.csv'))).status).toBe(201);
}

interface OpenApiOperation {
  security?: Record<string, string[]>[];
  requestBody?: object;
  responses: Record<string, object>;
}

interface OpenApiDoc {
  openapi: string;
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { securitySchemes?: Record<string, Record<string, string>> };
}

const SECURITY_OPERATIONS = [
  ['/auth/login', 'post'],
  ['/auth/logout', 'post'],
  ['/auth/me', 'get'],
  ['/auth/password', 'post'],
  ['/auth/totp/enrol', 'post'],
  ['/auth/totp/verify', 'post'],
  ['/admin/roles', 'get'],
  ['/admin/organizations', 'get'],
  ['/admin/organizations', 'post'],
  ['/admin/users', 'get'],
  ['/admin/users', 'post'],
  ['/admin/users/{id}', 'get'],
  ['/admin/users/{id}', 'patch'],
  ['/admin/users/{id}/password', 'post'],
  ['/admin/service-accounts', 'get'],
  ['/admin/service-accounts', 'post'],
  ['/admin/api-keys', 'get'],
  ['/admin/api-keys', 'post'],
  ['/admin/api-keys/{id}', 'delete'],
  ['/audit/events', 'get'],
  ['/audit/verify', 'get'],
  ['/audit/export', 'get'],
] as const;

/** The account and audit operations, both schemes, and who needs which. */
function expectSecurityDocumented(doc: OpenApiDoc): void {
  const schemes = doc.components.securitySchemes ?? {};
  expect(schemes['apiKey']).toMatchObject({ type: 'http', scheme: 'bearer' });
  expect(schemes['sessionCookie']).toMatchObject({
    type: 'apiKey',
    in: 'cookie',
    name: 'puente_session',
  });
  expect(schemes['sessionCookie']?.['description']).toContain('x-csrf-token');
  const secured = [{ apiKey: [] }, { sessionCookie: [] }];
  expect(doc.security).toEqual(secured);
  for (const [path, method] of SECURITY_OPERATIONS) {
    const operation = doc.paths[path]?.[method];
    expect(operation, `${method} ${path}`).toBeDefined();
    expect(operation?.responses['401'], `${method} ${path}`).toBeDefined();
    expect(operation?.security).toEqual(path === '/auth/login' ? [] : secured);
  }
  expect(doc.paths['/auth/login']?.['post']?.requestBody).toBeDefined();
  expect(doc.paths['/admin/users']?.['post']?.responses['201']).toBeDefined();
  expect(doc.paths['/health']?.['get']?.security).toEqual([]);
}

describe('HTTP API', () => {
  it('answers health and serves the OpenAPI 3.1 document and the docs page', async () => {
    expect(await (await app.request('/health')).json()).toEqual({ status: 'ok', store: 'sqlite' });
    const doc = (await (await app.request('/openapi.json')).json()) as OpenApiDoc;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/lists',
        '/lists/publications',
        '/lists/diff',
        '/lists/entries/{entryId}',
      ]),
    );
    expect(Object.keys(doc.paths['/lists/publications'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expectSecurityDocumented(doc);
    const page = await (await app.request('/docs')).text();
    expect(page).toContain('/docs/assets/api-reference.js');
    const script = await app.request('/docs/assets/api-reference.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
  });

  it('ingests uploads, then reports status, publications, diffs and entries', async () => {
    await ingestBoth();
    const again = await upload('sdn-2024-05-02.csv', fixture('sdn-2024-05-02.csv'));
    expect(
      ((await again.json()) as { publications: { created: boolean }[] }).publications[0]?.created,
    ).toBe(false);
    const status = (await (await request('/lists')).json()) as {
      sources: { source: string; current: { publishedAt: string } }[];
    };
    expect(status.sources).toEqual([
      expect.objectContaining({ source: 'ofac-sdn', publications: 2 }),
    ]);
    expect(status.sources[0]?.current.publishedAt).toBe('2024-05-02');
    const diff = (await (
      await request('/lists/diff?from=ofac-sdn@previous&to=ofac-sdn')
    ).json()) as {
      counts: Record<string, number>;
      changed: { entryId: string; changes: { field: string }[] }[];
    };
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
    expect(diff.changed[0]?.changes.map((c) => c.field)).toEqual(['programs']);
    const entry = (await (await request('/lists/entries/ofac-sdn:100')).json()) as {
      entry: { aliases: { name: string; strength: string }[] };
      history: unknown[];
    };
    expect(entry.entry.aliases).toEqual([expect.objectContaining({ name: 'JUANCHO' })]);
    expect(entry.history).toHaveLength(2);
    const publications = (await (await request('/lists/publications?source=ofac-sdn')).json()) as {
      publications: unknown[];
    };
    expect(publications.publications).toHaveLength(2);
  });

  it('accepts a raw-body upload named by ?name=', async () => {
    const response = await request('/lists/publications?name=sdn-2024-05-01.csv', {
      method: 'POST',
      body: fixture('sdn-2024-05-01.csv'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(response.status).toBe(201);
  });

  it('answers bad requests with stable codes and no internals', async () => {
    await ingestBoth();
    const cases: [string, number, string][] = [
      ['/lists/entries/ofac-sdn:999', 404, 'not_found'],
      ['/lists/entries/nonsense', 400, 'validation_failed'],
      ['/lists/publications/ofac-sdn@someday', 400, 'validation_failed'],
      ['/lists/publications/424242', 404, 'not_found'],
      ["/lists/publications/1' OR '1'='1", 400, 'validation_failed'],
      ['/lists/diff?from=ofac-sdn', 400, 'validation_failed'],
      ['/no/such/route', 404, 'not_found'],
    ];
    for (const [path, status, code] of cases) {
      const response = await request(path);
      expect(response.status, path).toBe(status);
      const body = (await response.json()) as { code: string; message: string };
      expect(body.code, path).toBe(code);
      expect(body.message).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('refuses malformed, unrecognised, unsafe and oversized uploads, naming the problem', async () => {
    const malformed = await upload('sdn-2024-06-01.csv', '1,"UNTERMINATED,individual\r\n');
    expect(malformed.status).toBe(422);
    expect(((await malformed.json()) as { code: string }).code).toBe('parse_failed');
    const unknown = await upload('notes.txt', 'hello');
    expect(unknown.status).toBe(422);
    const unsafe = await upload(
      'consolidated.xml',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><CONSOLIDATED_LIST/>',
    );
    expect(((await unsafe.json()) as { code: string }).code).toBe('unsafe_input');
    const big = await upload('sdn.csv', 'x'.repeat(50_000));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { code: string }).code).toBe('input_too_large');
    const traversal = await request('/lists/publications?name=../../etc/passwd', {
      method: 'POST',
      body: 'x',
    });
    expect(traversal.status).toBe(400);
    const empty = await request('/lists/publications', {
      method: 'POST',
      body: new FormData(),
    });
    expect(empty.status).toBe(400);
    expect(((await (await request('/lists')).json()) as { sources: unknown[] }).sources).toEqual(
      [],
    );
  });
});
