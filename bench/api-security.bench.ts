/**
 * `npm run bench:security`: API throughput with and without the security layer (authentication,
 * permission checks, screening audit), in one process over one store, requests driven
 * in-process with `app.request`. Target: the secure application under 10% slower.
 *
 * Every request is sent to both applications back to back (which goes first alternates), and
 * each side's time is the sum of its own requests: drift on a shared machine (other processes,
 * GC, JIT) falls on both sides alike. The median of the rounds counts.
 *
 * `BENCH_DB` picks the store: `:memory:` (default), a SQLite file path, or a `postgres://` URL
 * (use an empty database: the benchmark bootstraps the first account).
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

import type { OpenAPIHono } from '@hono/zod-openapi';

import { createApp } from '../src/api/app.js';
import type { Services } from '../src/services.js';
import { bootstrapApiKey } from '../test/support/api-auth.js';
import { dataPath } from '../test/support/data-dir.js';
import { createTestServices, HISTORY_FIXTURE } from '../test/support/test-services.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const STORE = process.env.BENCH_DB ?? ':memory:';
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

/** Sends one request and answers the nanoseconds it took, body read included. */
async function timed(side: Side, call: Call): Promise<bigint> {
  const headers = { ...side.headers, ...(call.init.headers as Record<string, string>) };
  const started = process.hrtime.bigint();
  const response = await side.app.request(call.path, { ...call.init, headers });
  // Reading the body is part of serving a request; it also frees the response.
  await response.arrayBuffer();
  const took = process.hrtime.bigint() - started;
  if (response.status !== 200) {
    throw new Error(`${side.label}: ${call.path} answered ${response.status}`);
  }
  return took;
}

/** One round: each call to both sides in turn; pushes each side's requests per second. */
async function round(sides: readonly Side[], calls: readonly Call[], count: number) {
  const spent = sides.map(() => 0n);
  for (let i = 0; i < count; i += 1) {
    const call = calls[i % calls.length]!;
    // Alternating which side goes first keeps either from always running on a warmer cache.
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const index of order) {
      spent[index]! += await timed(sides[index]!, call);
    }
  }
  sides.forEach((side, index) => side.rates.push(count / (Number(spent[index]!) / 1e9)));
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Warms both applications up, then measures the rounds. */
async function measure(sides: readonly Side[], calls: readonly Call[]): Promise<void> {
  await round(sides, calls, Math.max(60, Math.floor(REQUESTS / 5)));
  sides.forEach((side) => side.rates.splice(0));
  for (let index = 0; index < ROUNDS; index += 1) {
    await round(sides, calls, REQUESTS);
  }
}

/** Prints the machine, the inputs and the markdown table. */
function report(secure: Side, open: Side, listPath: string, auditEvents: number): void {
  // Each round measured both sides under the same conditions, so its ratio is the fair one.
  const overhead = median(secure.rates.map((rate, round) => 1 - rate / open.rates[round]!)) * 100;
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; ${new Date().toISOString()}; load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}; store ${STORE}`,
  );
  console.log(
    `lists: ${listPath}; ${REQUESTS} requests a round to each application (GET /lists, GET /lists/entries/{id}, POST /screen in turn, each sent to both back to back), median of ${ROUNDS} rounds; audit events appended: ${auditEvents}`,
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
    `| **overhead** (median of the rounds' ratios) | **${overhead.toFixed(1)}%** | target < ${TARGET_OVERHEAD_PERCENT}% | met: ${met} |`,
  );
}

async function main(): Promise<void> {
  const services = await createTestServices({ db: STORE });
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
      // The same request bytes on both sides: building a Request with an extra header costs the
      // in-process client ≈ 10–20 µs, which is not the server's security work.
      headers,
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
