/**
 * Times saving and reading a 15,000-entry publication on a SQLite file (and on PostgreSQL when
 * `PUENTE_TEST_POSTGRES_URL` is set). A script, not a test, so a busy machine cannot fail CI.
 *
 * Run: `npx tsx test/support/measure-store-timings.ts [entries]`
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { canonicalJson } from '../../src/core/hash.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { PostgresTestSchemas, TEST_POSTGRES_URL_VARIABLE } from './postgres.js';
import { largeEntry, testPublication } from './watchlist-publications.js';

const count = Number(process.argv[2] ?? 15_000);

/**
 * Prints wall time and this process's CPU time. On a machine shared with other work the wall
 * time varies a lot; CPU time shows what the code itself costs (for SQLite, the whole cost).
 */
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await work();
  const cpu = process.cpuUsage(cpuStart);
  const wall = (performance.now() - start).toFixed(0).padStart(6);
  const cpuMs = ((cpu.user + cpu.system) / 1000).toFixed(0).padStart(6);
  console.log(`${label.padEnd(40)} wall ${wall} ms   cpu ${cpuMs} ms`);
  return result;
}

async function measure(name: string, store: Store): Promise<void> {
  const entries = Array.from({ length: count }, (_, i) => largeEntry('ofac-sdn', i));
  const bytes = entries.reduce((sum, entry) => sum + canonicalJson(entry).length, 0);
  console.log(`${name}: ${count} entries, average ${Math.round(bytes / count)} bytes of JSON`);
  const input = await timed('  build input (hashing, caller side)', () =>
    Promise.resolve(testPublication(entries, { publishedAt: '2024-01-01' })),
  );
  console.log(
    `  load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
  const { publication } = await timed('  savePublication (new)', () =>
    store.watchlist.savePublication(input),
  );
  await timed('  listEntries', () => store.watchlist.listEntries(publication.id));
  await timed('  listEntries (again)', () => store.watchlist.listEntries(publication.id));
  await timed('  listEntryRefs', () => store.watchlist.listEntryRefs(publication.id));
  const changed = entries.map((e, i) => (i % 100 === 0 ? { ...e, programs: ['SDGT'] } : e));
  const next = testPublication(changed, { publishedAt: '2024-01-02' });
  await timed('  savePublication (1% changed)', () => store.watchlist.savePublication(next));
  await timed('  savePublication (identical, skipped)', () =>
    store.watchlist.savePublication(next),
  );
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'puente-timing-'));
  try {
    const sqlite = await createSqliteStore(join(folder, 'puente.db'));
    await measure('SQLite file', sqlite).finally(() => sqlite.close());
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const url = process.env[TEST_POSTGRES_URL_VARIABLE];
  if (url !== undefined && url !== '') {
    const schemas = new PostgresTestSchemas(url);
    const postgres = await schemas.createStore();
    await measure('PostgreSQL', postgres).finally(() => postgres.close());
    await schemas.dropAll();
  }
}

await main();
