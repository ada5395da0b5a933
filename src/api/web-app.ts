/**
 * Serves the web application (built by Vite into `dist/web`) under `/app/`, and sends `/` there.
 * Files under `/app/assets/` carry a content hash in their names and are cached for a year; any
 * other path under `/app/` answers the page itself, so the browser's router handles deep links
 * such as `/app/lists/entries/ofac-sdn:11900`. The JSON API keeps its root paths
 * (`/lists`, `/screen`, …), which never start with `/app` (docs/adr/0008-web-app-under-app.md).
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';

/** Path prefix of the web application. */
export const WEB_APP_PREFIX = '/app';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The page only loads its own scripts and styles and talks only to its own origin; framing is
 * refused so no other site can overlay it.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Where the built application is: `dist/web` at the package root, which is two folders up both
 * from the compiled server (`dist/api/`) and from the sources (`src/api/`).
 */
export function defaultWebDir(): string {
  return fileURLToPath(new URL('../../dist/web', import.meta.url));
}

/**
 * Registers `/`, `/app` and `/app/*`. Must be registered before the authentication middleware:
 * the page and its assets are public (they hold no data; every API call they make is
 * authenticated).
 *
 * @example
 * registerWebApp(app, defaultWebDir());
 */
export function registerWebApp(app: OpenAPIHono, webDir: string): void {
  app.get('/', (c) => c.redirect(`${WEB_APP_PREFIX}/`, 302));
  app.get(WEB_APP_PREFIX, (c) => c.redirect(`${WEB_APP_PREFIX}/`, 301));
  app.get(`${WEB_APP_PREFIX}/*`, async (c) => {
    const relative = c.req.path.slice(WEB_APP_PREFIX.length + 1);
    if (relative.startsWith('assets/')) {
      const file = safeJoin(join(webDir, 'assets'), relative.slice('assets/'.length));
      const bytes = file === undefined ? undefined : await readFile(file).catch(() => undefined);
      if (file !== undefined && bytes !== undefined) {
        c.header('content-type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
        c.header('cache-control', 'public, max-age=31536000, immutable');
        c.header('x-content-type-options', 'nosniff');
        return c.body(new Uint8Array(bytes), 200);
      }
      return c.json({ code: 'not_found', message: `no file ${c.req.path}` }, 404);
    }
    return page(c, webDir);
  });
}

async function page(c: Context, webDir: string): Promise<Response> {
  const html = await readFile(join(webDir, 'index.html')).catch(() => undefined);
  if (html === undefined) {
    return c.text('The web application is not built: run `npm run build`.', 503);
  }
  c.header('content-type', 'text/html; charset=utf-8');
  // The page names the current asset files, so it is always revalidated.
  c.header('cache-control', 'no-cache');
  c.header('content-security-policy', CONTENT_SECURITY_POLICY);
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'same-origin');
  return c.body(new Uint8Array(html), 200);
}

/** `relative` inside `root`, or undefined when it would leave it (`..`, encoded separators). */
function safeJoin(root: string, relative: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    return undefined;
  }
  const full = normalize(join(root, decoded));
  return full.startsWith(normalize(root) + sep) ? full : undefined;
}
