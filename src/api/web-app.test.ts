import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Services } from '../services.js';
import { createTestServices } from '../../test/support/test-services.js';
import { createApp } from './app.js';

let services: Services;
let app: OpenAPIHono;

beforeAll(async () => {
  const webDir = mkdtempSync(join(tmpdir(), 'puente-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>page</title>');
  writeFileSync(join(webDir, 'assets', 'main-abc.js'), 'console.log(1)');
  writeFileSync(join(webDir, 'secret.txt'), 'outside assets');
  services = await createTestServices();
  app = createApp(services, { webDir });
});

afterAll(async () => {
  await services.close();
});

describe('web application serving', () => {
  it('sends / to the application', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/app/');
  });

  it('answers the page, without a session, for any application path', async () => {
    for (const path of ['/app/', '/app/lists/entries/ofac-sdn:100', '/app/audit']) {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>page</title>');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('serves hashed assets for a year', async () => {
    const response = await app.request('/app/assets/main-abc.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('never serves files outside the assets folder', async () => {
    for (const path of [
      '/app/assets/..%2fsecret.txt',
      '/app/assets/..%5csecret.txt',
      '/app/assets/missing.js',
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
    }
    // The URL parser resolves `..` and `%2e%2e` first: that is the page, not the file.
    for (const path of ['/app/assets/../secret.txt', '/app/assets/%2e%2e/secret.txt']) {
      const response = await app.request(path);
      expect(await response.text()).not.toContain('outside assets');
    }
  });

  it('keeps the API behind authentication', async () => {
    expect((await app.request('/lists')).status).toBe(401);
    expect((await app.request('/app-not-the-app')).status).toBe(401);
  });

  it('says how to build when the application is missing', async () => {
    const bare = createApp(services, { webDir: join(tmpdir(), 'puente-no-web-here') });
    const response = await bare.request('/app/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});
