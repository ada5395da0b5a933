/**
 * `/openapi.json` (OpenAPI 3.1, generated from the route schemas) and `/docs`, an API
 * reference page whose script is served from the installed package, so it works offline.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';

import { SECURED } from './schemas/security-schemes.js';

const SCRIPT_PATH = '/docs/assets/api-reference.js';

/** Registers the OpenAPI document and the reference page. */
export function registerDocsRoutes(app: OpenAPIHono): void {
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Puente API',
      version: '0.1.0',
      description:
        'Watchlists (OFAC SDN "Clinton List", UN Security Council, agency lists): ingest, versions, diffs and entries.',
    },
    // Every operation needs a key or a session unless it declares otherwise (health, login).
    security: SECURED,
  });
  app.get('/docs', Scalar({ url: '/openapi.json', cdn: SCRIPT_PATH, pageTitle: 'Puente API' }));
  let script: Promise<Buffer> | undefined;
  app.get(SCRIPT_PATH, async (c) => {
    script ??= readFile(
      createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js'),
    );
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(new Uint8Array(await script));
  });
}
