/**
 * Batch screening throughput on every core: `npx tsx bench/screening/batch.ts`.
 *
 * Queries are the evaluation set of `bench/quality` (variations of listed names and hard
 * negatives, seed 3), repeated to `BATCH_ROWS` rows (default 200,000). Measures (1) the worker
 * pool alone — rows already in memory, chunks of 1,000 — after the workers have built their
 * indexes, and (2) the whole `puente screen --file … --out …` path (CSV in, CSV out) on a
 * 100,000-row file, including worker start-up. Target (issue): ≥ 50,000 names/s using both cores.
 *
 * @module
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BatchRow } from '../../src/screening/batch/batch-input.js';
import { runBatchFile } from '../../src/screening/batch/run-batch.js';
import { ScreeningWorkerPool } from '../../src/screening/batch/worker-pool.js';
import type { WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';
import { buildEvalSet } from '../quality/eval-set.js';
import { loadRealLists } from '../quality/load-lists.js';

const ROWS = Number(process.env.BATCH_ROWS ?? 200_000);
const CHUNK = 1000;

function names(entries: readonly WatchlistEntry[]): string[] {
  const base = buildEvalSet(entries, { seed: 3, perKind: 200, negativesPerKind: 400 })
    .filter((c) => c.index === 'main')
    .map((c) => c.name);
  return Array.from({ length: ROWS }, (_, i) => base[i % base.length]!);
}

async function poolThroughput(entries: readonly WatchlistEntry[], queries: readonly string[]) {
  const startedPool = performance.now();
  const pool = await ScreeningWorkerPool.start(entries, {}, availableParallelism());
  const startup = performance.now() - startedPool;
  const rows: BatchRow[] = queries.map((name, i) => ({ line: i + 2, query: { name } }));
  const started = performance.now();
  const chunks: Promise<unknown>[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    chunks.push(pool.run(rows.slice(i, i + CHUNK)));
  }
  await Promise.all(chunks);
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { startup, seconds, rate: rows.length / seconds, workers: pool.size };
}

async function fileThroughput(entries: readonly WatchlistEntry[], queries: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'puente-batch-bench-'));
  const input = join(dir, 'customers.csv');
  const rows = queries.slice(0, 100_000);
  writeFileSync(
    input,
    `id,name\n${rows.map((name, i) => `c-${i},"${name.replace(/"/g, '""')}"`).join('\n')}\n`,
  );
  const summary = await runBatchFile(entries, {
    input,
    output: join(dir, 'results.csv'),
    format: 'csv',
    options: {},
  });
  return { rows: summary.rows, seconds: summary.seconds, rate: summary.rows / summary.seconds };
}

/** Runs both measurements and prints a markdown table. */
export async function runBatchBench(entries: readonly WatchlistEntry[]): Promise<void> {
  const queries = names(entries);
  const pool = await poolThroughput(entries, queries);
  const file = await fileThroughput(entries, queries);
  console.log('# Batch screening throughput\n');
  console.log('| measure | value | target |\n| --- | --- | --- |');
  console.log(
    `| worker pool (${pool.workers} workers), ${queries.length.toLocaleString('en-US')} names in memory | ${Math.round(pool.rate).toLocaleString('en-US')} names/s (${pool.seconds.toFixed(2)} s) | ≥ 50,000 names/s |`,
  );
  console.log(
    `| worker start-up (each builds its index, in parallel) | ${(pool.startup / 1000).toFixed(2)} s | |`,
  );
  console.log(
    `| CSV file end to end, ${file.rows.toLocaleString('en-US')} rows (incl. start-up) | ${Math.round(file.rate).toLocaleString('en-US')} names/s (${file.seconds.toFixed(2)} s) | |`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runBatchBench(loadRealLists());
}
