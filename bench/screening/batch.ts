/**
 * Batch screening throughput on every core: `npx tsx bench/screening/batch.ts`.
 *
 * Two query sets of `BATCH_ROWS` rows each (default 200,000):
 *
 * - **customer base** (`customer-base.ts`): 99% generated Colombian people and companies that
 *   are not listed (5% of them with a typo) and 1% variations of listed names — what a bank's
 *   whole-base screening looks like;
 * - **evaluation set** of `bench/quality` (seed 3; variations of listed names and hard
 *   negatives), repeated: the worst case, almost every row a near-match.
 *
 * For each set it measures (1) one thread in process (`screenChunk` on the main thread, the
 * baseline), (2) the worker pool alone — CSV chunks of 500 rows already in memory — after the
 * workers have built their indexes, then the same chunks again on the warm workers (engine
 * compiled, per-word caches filled: the steady state), and (3) the whole
 * `puente screen --file … --out …` path
 * (CSV in, CSV out) on a 100,000-row file, including worker start-up. Target (issue):
 * ≥ 50,000 names/s using both cores.
 *
 * The machine is shared, so besides wall-clock rates it reports CPU-time rates: names per
 * CPU-second of the whole process (every thread), which other processes' load barely moves.
 * Twice the pool's CPU-time rate is what both cores of an otherwise idle machine would do.
 *
 * @module
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runBatchFile } from '../../src/screening/batch/run-batch.js';
import { screenChunk, type ChunkTask } from '../../src/screening/batch/screen-chunk.js';
import { ScreeningWorkerPool } from '../../src/screening/batch/worker-pool.js';
import { buildScreeningIndex } from '../../src/screening/screening-index.js';
import type { WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';
import { buildEvalSet } from '../quality/eval-set.js';
import { loadRealLists } from '../quality/load-lists.js';
import { customerBase } from './customer-base.js';

const ROWS = Number(process.env.BATCH_ROWS ?? 200_000);
const FILE_ROWS = Math.min(ROWS, 100_000);
const CHUNK = 500;

function evalSetNames(entries: readonly WatchlistEntry[]): string[] {
  const base = buildEvalSet(entries, { seed: 3, perKind: 200, negativesPerKind: 400 })
    .filter((c) => c.index === 'main')
    .map((c) => c.name);
  return Array.from({ length: ROWS }, (_, i) => base[i % base.length]!);
}

function csvLine(name: string, i: number): string {
  return `c-${i},"${name.replace(/"/g, '""')}"\n`;
}

/** The queries as CSV chunks of `CHUNK` rows, as the file reader would cut them. */
function chunksOf(names: readonly string[]): ChunkTask[] {
  const tasks: ChunkTask[] = [];
  for (let i = 0; i < names.length; i += CHUNK) {
    const text = names
      .slice(i, i + CHUNK)
      .map((name, k) => csvLine(name, i + k))
      .join('');
    tasks.push({
      bytes: new Uint8Array(Buffer.from(text)),
      firstLine: i + 2,
      columns: ['id', 'name'],
      path: 'memory',
      format: 'csv',
      skip: 0,
      output: 'csv',
    });
  }
  return tasks;
}

interface Rate {
  readonly seconds: number;
  readonly rate: number;
  /** Names per CPU-second of the whole process (all threads). */
  readonly cpuRate: number;
  readonly matched: number;
}

/** Process CPU time (every thread) in seconds since `since`. */
function cpuSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function oneThread(entries: readonly WatchlistEntry[], names: readonly string[]): Rate {
  const index = buildScreeningIndex(entries);
  const tasks = chunksOf(names);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let matched = 0;
  for (const task of tasks) {
    matched += screenChunk(index, task, {}).withMatches;
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, rate: names.length / seconds, cpuRate: names.length / cpuSince(cpu), matched };
}

/** The pool over every task; the rate is of the whole process (every thread). */
async function poolRun(pool: ScreeningWorkerPool, tasks: readonly ChunkTask[], count: number) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const outcomes = await Promise.all(tasks.map((task) => pool.run(task)));
  const seconds = (performance.now() - started) / 1000;
  const cpuRate = count / cpuSince(cpu);
  const matched = outcomes.reduce((sum, o) => sum + o.withMatches, 0);
  return { seconds, rate: count / seconds, cpuRate, matched };
}

/**
 * The pool on fresh workers (what one batch run pays: each worker compiles the engine and fills
 * its per-word caches), then the same names again on the now warm workers (the engine's
 * steady state, what a long-running pool would do).
 */
async function pooled(
  entries: readonly WatchlistEntry[],
  names: readonly string[],
): Promise<Rate & { startup: number; workers: number; warm: Rate }> {
  const startedPool = performance.now();
  const pool = await ScreeningWorkerPool.start(entries, {}, availableParallelism());
  const startup = performance.now() - startedPool;
  // Each run needs its own chunks: the pool transfers a chunk's bytes to the worker.
  const cold = await poolRun(pool, chunksOf(names), names.length);
  const warm = await poolRun(pool, chunksOf(names), names.length);
  await pool.close();
  return { startup, ...cold, workers: pool.size, warm };
}

async function fromFile(entries: readonly WatchlistEntry[], names: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'puente-batch-bench-'));
  const input = join(dir, 'customers.csv');
  const rows = names.slice(0, FILE_ROWS);
  writeFileSync(input, `id,name\n${rows.map(csvLine).join('')}`);
  const summary = await runBatchFile(entries, {
    input,
    output: join(dir, 'results.csv'),
    format: 'csv',
    options: {},
  });
  return { rows: summary.rows, seconds: summary.seconds, rate: summary.rows / summary.seconds };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function measureSet(label: string, entries: readonly WatchlistEntry[], names: string[]) {
  const single = oneThread(entries, names);
  const pool = await pooled(entries, names);
  const file = await fromFile(entries, names);
  const share = (pool.matched / names.length) * 100;
  console.log(`\n## ${label}: ${fmt(names.length)} names, ${share.toFixed(1)}% with a match\n`);
  console.log('| measure | value | target |\n| --- | --- | --- |');
  console.log(
    `| one thread, in process (baseline) | ${fmt(single.rate)} names/s (${single.seconds.toFixed(2)} s); ${fmt(single.cpuRate)} names per CPU-second | |`,
  );
  const met = pool.rate >= 50_000 ? 'met' : 'not met';
  const idle = 2 * pool.cpuRate;
  console.log(
    `| worker pool (${pool.workers} workers), CSV chunks in memory | ${fmt(pool.rate)} names/s (${pool.seconds.toFixed(2)} s; ×${(pool.rate / single.rate).toFixed(2)} one thread) | ≥ 50,000 names/s — ${met} |`,
  );
  console.log(
    `| worker pool, per CPU-second (plumbing cost: ×${(pool.cpuRate / single.cpuRate).toFixed(2)} of one thread's) | ${fmt(pool.cpuRate)} names per CPU-second → ${fmt(idle)} names/s on 2 idle cores | ≥ 50,000 names/s — ${idle >= 50_000 ? 'met' : 'not met'} on idle cores |`,
  );
  const µs = (cpuRate: number) => (1e6 / cpuRate).toFixed(0);
  console.log(
    `| CPU per name: one thread / pool, fresh workers / pool, warm workers (same names again) | ${µs(single.cpuRate)} / ${µs(pool.cpuRate)} / ${µs(pool.warm.cpuRate)} µs (≤ 40 µs needed) | |`,
  );
  console.log(
    `| worker pool, warm workers | ${fmt(pool.warm.rate)} names/s; ${fmt(pool.warm.cpuRate)} names per CPU-second → ${fmt(2 * pool.warm.cpuRate)} names/s on 2 idle cores | |`,
  );
  console.log(
    `| worker start-up (each builds its index, in parallel) | ${(pool.startup / 1000).toFixed(2)} s | |`,
  );
  console.log(
    `| CSV file end to end, ${fmt(file.rows)} rows (incl. start-up) | ${fmt(file.rate)} names/s (${file.seconds.toFixed(2)} s) | |`,
  );
}

/** Runs every measurement and prints markdown tables. */
export async function runBatchBench(entries: readonly WatchlistEntry[]): Promise<void> {
  const customers = customerBase(entries, ROWS, 3);
  const evalNames = evalSetNames(entries);
  console.log('# Batch screening throughput');
  console.log(
    `\n${new Date().toISOString()}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${availableParallelism()} cores`,
  );
  await measureSet('Customer base (realistic)', entries, customers);
  await measureSet('Evaluation set (worst case)', entries, evalNames);
  console.log(
    `\nload average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runBatchBench(loadRealLists());
}
