/**
 * `npm run bench:security`: API throughput with and without the security layer (authentication,
 * permission checks, screening audit), in one process over one SQLite store, requests driven
 * in-process with `app.request`. Target: the secure application under 10% slower.
 *
 * Rounds alternate between the two applications and the median round counts, so drift on a
 * shared machine (other processes, GC, JIT) falls on both sides alike.
 */
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

import type { OpenAPIHono } from '@hono/zod-openapi';

import { createApp } from '../src/api/app.js';
import type { Services } from '../src/services.js';
import { bootstrapApiKey } from '../test/support/api-auth.js';
import { dataPath } from '../test/support/data-dir.js';
import { createTestServices, HISTORY_FIXTURE } from '../test/support/test-services.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const TARGET_OVERHEAD_PERCENT = 10;
const REAL_SDN = dataPath('ofac', 'history', 'sdn-2024-05-03.csv.gz');
const SCREENED_NAME = 'Dairo Antonio Usuga David';

/** One kind of request the benchmark sends. */
interface Call {
  readonly path: string;
  readonly init: RequestInit;
}

/** One application under test and what it took. */
interface Side {
  readonly label: string;
  readonly app: OpenAPIHono;
  readonly headers: Readonly<Record<string, string>>;
  readonly rates: number[];
}

/** Loads the real 2024-05-03 SDN publication when present, else the small test fixtures. */
async function ingestLists(services: Services): Promise<string> {
  const path = existsSync(REAL_SDN) ? REAL_SDN : HISTORY_FIXTURE;
  await services.watchlists.ingestPath(path);
  return path;
}

/** An entry the entry request can ask for: the best match of the screened name. */
async function someEntryId(services: Services): Promise<string> {
  const result = await services.screening.screen({ name: SCREENED_NAME });
  const entryId = result.matches[0]?.entryId;
  if (entryId === undefined) {
    throw new Error(`no match for ${SCREENED_NAME}; the lists did not load`);
  }
  return entryId;
}

/** GET /lists, GET /lists/entries/{id} and POST /screen, in turn. */
function callsFor(entryId: string): readonly Call[] {
  return [
    { path: '/lists', init: {} },
    { path: `/lists/entries/${encodeURIComponent(entryId)}`, init: {} },
    {
      path: '/screen',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: SCREENED_NAME }),
      },
    },
  ];
}

/** Sends `count` requests one after another and answers requests per second. */
async function run(side: Side, calls: readonly Call[], count: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) {
    const call = calls[i % calls.length]!;
    const headers = { ...side.headers, ...(call.init.headers as Record<string, string>) };
    const response = await side.app.request(call.path, { ...call.init, headers });
    if (response.status !== 200) {
      throw new Error(`${side.label}: ${call.path} answered ${response.status}`);
    }
    // Reading the body is part of serving a request; it also frees the response.
    await response.arrayBuffer();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return count / seconds;
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Warms both applications up, then alternates measured rounds between them. */
async function measure(sides: readonly Side[], calls: readonly Call[]): Promise<void> {
  for (const side of sides) {
    await run(side, calls, Math.max(60, Math.floor(REQUESTS / 5)));
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    // Swapping the order each round keeps either side from always running second.
    const ordered = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of ordered) {
      side.rates.push(await run(side, calls, REQUESTS));
    }
  }
}

/** Prints the machine, the inputs and the markdown table. */
function report(secure: Side, open: Side, listPath: string, auditEvents: number): void {
  const secureRate = median(secure.rates);
  const openRate = median(open.rates);
  const overhead = (1 - secureRate / openRate) * 100;
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; ${new Date().toISOString()}`,
  );
  console.log(
    `lists: ${listPath}; ${REQUESTS} requests a round (GET /lists, GET /lists/entries/{id}, POST /screen in turn), median of ${ROUNDS} rounds; audit events appended: ${auditEvents}`,
  );
  console.log('');
  console.log('| application | requests/s (median) | slowest round | fastest round |');
  console.log('| --- | --- | --- | --- |');
  for (const side of [open, secure]) {
    const sorted = [...side.rates].sort((a, b) => a - b);
    console.log(
      `| ${side.label} | ${median(side.rates).toFixed(0)} | ${sorted[0]!.toFixed(0)} | ${sorted.at(-1)!.toFixed(0)} |`,
    );
  }
  const met = overhead < TARGET_OVERHEAD_PERCENT ? 'yes' : 'NO';
  console.log(
    `| **overhead** | **${overhead.toFixed(1)}%** | target < ${TARGET_OVERHEAD_PERCENT}% | met: ${met} |`,
  );
}

async function main(): Promise<void> {
  const services = await createTestServices();
  try {
    const listPath = await ingestLists(services);
    const { headers } = await bootstrapApiKey(services);
    const calls = callsFor(await someEntryId(services));
    const secure: Side = {
      label: 'secure (bearer key, audited)',
      app: createApp(services),
      headers,
      rates: [],
    };
    const open: Side = {
      label: 'without security',
      app: createApp(services, { insecureWithoutSecurityForBenchmarks: true }),
      headers: {},
      rates: [],
    };
    const before = (await services.store.audit.head()).seq;
    await measure([secure, open], calls);
    // Only the secure application's screening requests append events while measuring.
    report(secure, open, listPath, (await services.store.audit.head()).seq - before);
  } finally {
    await services.close();
  }
}

await main();
