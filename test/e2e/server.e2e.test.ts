/**
 * The main job end to end: a real HTTP server on a real SQLite file, loading the configured
 * lists on first start.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { startServer } from '../../src/server.js';
import type { Services } from '../../src/services.js';
import { OFFICIAL_SOURCES } from '../../src/watchlist/source-registry.js';
import { bootstrapApiKey } from '../support/api-auth.js';
import { createTestServices, HISTORY_FIXTURE } from '../support/test-services.js';

let running: { server: RunningServer; services: Services } | undefined;

afterEach(async () => {
  await running?.server.close();
  await running?.services.close();
  running = undefined;
});

async function start(overrides: Record<string, unknown>): Promise<RunningServer> {
  const db = join(mkdtempSync(join(tmpdir(), 'puente-e2e-')), 'puente.db');
  const services = await createTestServices({
    db,
    'server.port': 0,
    'lists.loadOnStart': true,
    ...overrides,
  });
  const server = await startServer(services);
  running = { server, services };
  headers = { ...(await bootstrapApiKey(services)).headers };
  return server;
}

let headers: Record<string, string> = {};

interface Status {
  sources: { source: string; publications: number; current: { publishedAt: string } }[];
}

describe('puente server', () => {
  it('loads the local list folder on first start and serves it over HTTP', async () => {
    const server = await start({ 'lists.mode': 'local', 'lists.localDir': HISTORY_FIXTURE });
    const status = (await (await fetch(`${server.url}/lists`, { headers })).json()) as Status;
    expect(status.sources).toEqual([
      expect.objectContaining({ source: 'ofac-sdn', publications: 2 }),
    ]);
    const entry = await fetch(`${server.url}/lists/entries/ofac-sdn:400`, { headers });
    expect(entry.status).toBe(200);
  });

  it('falls back to the local folder when the official URLs are unreachable', async () => {
    const urls = Object.fromEntries(
      OFFICIAL_SOURCES.flatMap((source) => source.officialDownloads).map((d) => [
        d.name,
        `http://127.0.0.1:9/${d.name}`,
      ]),
    );
    const server = await start({
      'lists.mode': 'auto',
      'lists.localDir': HISTORY_FIXTURE,
      'lists.fetchTimeoutMs': 2000,
      'lists.urls': urls,
    });
    const status = (await (await fetch(`${server.url}/lists`, { headers })).json()) as Status;
    expect(status.sources[0]?.current.publishedAt).toBe('2024-05-02');
  });

  it('starts without lists, saying so, when no source can be read', async () => {
    const server = await start({ 'lists.mode': 'local', 'lists.localDir': '/nonexistent/lists' });
    const status = (await (await fetch(`${server.url}/lists`, { headers })).json()) as Status;
    expect(status.sources).toEqual([]);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
