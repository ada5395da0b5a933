/**
 * One ingest measurement in a fresh process (so peak RSS is this ingest's own):
 * `tsx bench/ingest-case.ts <sqlite|postgres> <path>` prints one JSON line.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPostgresStore } from '../src/store/postgres/postgres-store.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { WatchlistService } from '../src/watchlist/watchlist-service.js';

const [kind = 'sqlite', path = ''] = process.argv.slice(2);
const limits = { maxFileBytes: 256 * 1024 * 1024 };

async function open(): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (kind === 'postgres') {
    const url =
      process.env.PUENTE_BENCH_POSTGRES_URL ??
      process.env.PUENTE_TEST_POSTGRES_URL ??
      'postgres://postgres@127.0.0.1:5432/test';
    const schema = `puente_bench_${randomBytes(4).toString('hex')}`;
    const store = await createPostgresStore(url, { schema });
    return {
      store,
      cleanup: async () => {
        await store.close();
        const pg = await import('pg');
        const client = new pg.default.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  const file = join(tmpdir(), `puente-bench-${randomBytes(4).toString('hex')}.db`);
  const store = await createSqliteStore(file);
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(file, { force: true });
      rmSync(`${file}-wal`, { force: true });
      rmSync(`${file}-shm`, { force: true });
    },
  };
}

const { store, cleanup } = await open();
const rssBeforeMb = process.memoryUsage().rss / 1048576;
const service = new WatchlistService({
  store: store.watchlist,
  limits,
  fetch: { ...limits, timeoutMs: 1000 },
});
const started = performance.now();
const report = await service.ingestPath(path);
const ms = performance.now() - started;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
await cleanup();
process.stdout.write(
  `${JSON.stringify({ kind, path, ms, maxRssMb, rssBeforeMb, entries: report.outcomes[0]?.publication.entryCount ?? 0 })}\n`,
);
