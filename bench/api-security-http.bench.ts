/**
 * `npm run bench:security:http`: API throughput with and without the security layer over real
 * HTTP. One server process holds one store (`BENCH_DB`, default `:memory:`) with OFAC SDN
 * 2024-05-03 and listens twice on local ports with the same server adapter `puente serve` uses
 * (`@hono/node-server`): the secure application and the same application without security. A
 * separate client process keeps `BENCH_CLIENTS` keep-alive connections busy (each sends its next
 * request when the last one is answered) with the mix of `bench:security` (`GET /lists`,
 * `GET /lists/entries/{id}`, `POST /screen` in turn), in rounds that alternate between the two
 * servers (which goes first alternates too); `BENCH_ROUTE` restricts the mix to one request.
 * Target: the secure server under 10% slower.
 *
 * Each round reports requests per second (client side) and the server process's CPU time per
 * request; the overhead is the median over the round pairs of each pair's ratio. CPU time per
 * request is the steadier figure on a shared machine (other processes slow the wall clock of
 * both sides, but not the work a request costs).
 *
 * @module
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';

import { createApp } from '../src/api/app.js';
import type { Services } from '../src/services.js';
import { bootstrapApiKey } from '../test/support/api-auth.js';
import { dataPath } from '../test/support/data-dir.js';
import { createTestServices, HISTORY_FIXTURE } from '../test/support/test-services.js';

const STORE = process.env.BENCH_DB ?? ':memory:';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROUND_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const TARGET_OVERHEAD_PERCENT = 10;
/** `BENCH_ROUTE=lists|entry|screen` sends only that request (per-route figures). */
const ROUTES = ['lists', 'entry', 'screen'];
const ROUTE =
  process.env.BENCH_ROUTE === undefined ? undefined : ROUTES.indexOf(process.env.BENCH_ROUTE);
if (ROUTE === -1) {
  throw new Error(`BENCH_ROUTE must be one of ${ROUTES.join(', ')}`);
}
const REAL_SDN = dataPath('ofac', 'history', 'sdn-2024-05-03.csv.gz');
const SCREENED_NAME = 'Dairo Antonio Usuga David';

/** What the server asks the client process to do. */
interface RoundOrder {
  readonly port: number;
  readonly requests: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly entryId: string;
}

/** What the client process answers for one round. */
interface RoundResult {
  readonly seconds: number;
  readonly failures: number;
}

/** One server under test and what its rounds measured. */
interface Side {
  readonly label: string;
  readonly port: number;
  readonly rates: number[];
  readonly cpuMicros: number[];
}

// ---------------------------------------------------------------- client process

/** Sends one request on the keep-alive agent; resolves with the status once the body is read. */
function send(agent: Agent, port: number, order: RoundOrder, index: number): Promise<number> {
  const call = ROUTE === undefined ? index % 3 : ROUTE;
  const path =
    call === 0
      ? '/lists'
      : call === 1
        ? `/lists/entries/${encodeURIComponent(order.entryId)}`
        : '/screen';
  const body = call === 2 ? JSON.stringify({ name: SCREENED_NAME }) : undefined;
  const headers: Record<string, string> = { ...order.headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: body === undefined ? 'GET' : 'POST',
        headers,
        agent,
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          resolve(response.statusCode ?? 0);
        });
        response.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

/** Runs one round: `CLIENTS` connections, each sending its next request when answered. */
async function clientRound(agent: Agent, order: RoundOrder): Promise<RoundResult> {
  let next = 0;
  let failures = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    // One counter for every connection: the route mix stays exactly one third each.
    for (let index = next++; index < order.requests; index = next++) {
      if ((await send(agent, order.port, order, index)) !== 200) {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, () => worker()));
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, failures };
}

function runClient(): void {
  const agents = new Map<number, Agent>();
  process.on('message', (order: RoundOrder | 'exit') => {
    if (order === 'exit') {
      agents.forEach((agent) => {
        agent.destroy();
      });
      process.exit(0);
    }
    let agent = agents.get(order.port);
    if (agent === undefined) {
      agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
      agents.set(order.port, agent);
    }
    void clientRound(agent, order).then((result) => process.send?.(result));
  });
}

// ---------------------------------------------------------------- server process

function listen(services: Services, secure: boolean): Promise<ServerType> {
  const app = createApp(services, { insecureWithoutSecurityForBenchmarks: !secure });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => {
      resolve(server);
    });
  });
}

function portOf(server: ServerType): number {
  const address = server.address();
  if (address === null || typeof address !== 'object') {
    throw new Error('the server has no port');
  }
  return address.port;
}

/** Asks the client for one round and measures this process's CPU time meanwhile. */
function serverRound(client: ChildProcess, side: Side, order: Omit<RoundOrder, 'port'>) {
  return new Promise<{ rate: number; cpuMicros: number }>((resolve, reject) => {
    const cpuBefore = process.cpuUsage();
    const exited = (code: number | null) => {
      reject(new Error(`the client process exited (${code ?? 'signal'}) during a round`));
    };
    client.once('exit', exited);
    client.once('message', (result: RoundResult) => {
      client.off('exit', exited);
      const cpu = process.cpuUsage(cpuBefore);
      if (result.failures > 0) {
        reject(new Error(`${side.label}: ${result.failures} requests did not answer 200`));
        return;
      }
      resolve({
        rate: order.requests / result.seconds,
        cpuMicros: (cpu.user + cpu.system) / order.requests,
      });
    });
    client.send({ ...order, port: side.port });
  });
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function report(secure: Side, open: Side, listPath: string, auditEvents: number): void {
  const rateOverhead = median(secure.rates.map((rate, i) => 1 - rate / open.rates[i]!)) * 100;
  const cpuOverhead = median(secure.cpuMicros.map((cpu, i) => cpu / open.cpuMicros[i]! - 1)) * 100;
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; ${new Date().toISOString()}; load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}; store ${STORE}`,
  );
  console.log(
    `lists: ${listPath}; HTTP on 127.0.0.1, ${CLIENTS} keep-alive clients in a separate process; ${ROUND_REQUESTS} requests a round (${ROUTE === undefined ? 'GET /lists, GET /lists/entries/{id}, POST /screen in turn' : `only ${process.env.BENCH_ROUTE}`}), ${ROUNDS} rounds per server alternating; audit events appended: ${auditEvents}`,
  );
  console.log('');
  console.log(
    '| server | requests/s (median) | slowest round | fastest round | server CPU per request (median) |',
  );
  console.log('| --- | --- | --- | --- | --- |');
  for (const side of [open, secure]) {
    const sorted = [...side.rates].sort((a, b) => a - b);
    console.log(
      `| ${side.label} | ${median(side.rates).toFixed(0)} | ${sorted[0]!.toFixed(0)} | ${sorted.at(-1)!.toFixed(0)} | ${median(side.cpuMicros).toFixed(0)} µs |`,
    );
  }
  const met = rateOverhead < TARGET_OVERHEAD_PERCENT ? 'yes' : 'NO';
  console.log(
    `| **overhead** (median of the round pairs' ratios) | **${rateOverhead.toFixed(1)}%** slower | target < ${TARGET_OVERHEAD_PERCENT}% | met: ${met} | **${cpuOverhead.toFixed(1)}%** more CPU |`,
  );
}

async function runServer(): Promise<void> {
  const services = await createTestServices({ db: STORE });
  const servers: ServerType[] = [];
  const client = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, BENCH_HTTP_CLIENT: '1' },
    execArgv: ['--import', 'tsx'],
  });
  try {
    const listPath = existsSync(REAL_SDN) ? REAL_SDN : HISTORY_FIXTURE;
    await services.watchlists.ingestPath(listPath);
    const { headers } = await bootstrapApiKey(services);
    const best = await services.screening.screen({ name: SCREENED_NAME });
    const entryId = best.matches[0]?.entryId;
    if (entryId === undefined) {
      throw new Error(`no match for ${SCREENED_NAME}; the lists did not load`);
    }
    servers.push(await listen(services, true), await listen(services, false));
    const secure: Side = {
      label: 'secure (bearer key, audited)',
      port: portOf(servers[0]!),
      rates: [],
      cpuMicros: [],
    };
    // The same request bytes on both sides (the key is sent and ignored).
    const open: Side = {
      label: 'without security',
      port: portOf(servers[1]!),
      rates: [],
      cpuMicros: [],
    };
    const order = { requests: ROUND_REQUESTS, headers, entryId };
    const warmUp = { ...order, requests: Math.max(300, Math.floor(ROUND_REQUESTS / 3)) };
    await serverRound(client, secure, warmUp);
    await serverRound(client, open, warmUp);
    const before = (await services.store.audit.head()).seq;
    for (let round = 0; round < ROUNDS; round += 1) {
      const sides = round % 2 === 0 ? [secure, open] : [open, secure];
      for (const side of sides) {
        const { rate, cpuMicros } = await serverRound(client, side, order);
        side.rates.push(rate);
        side.cpuMicros.push(cpuMicros);
      }
    }
    report(secure, open, listPath, (await services.store.audit.head()).seq - before);
  } finally {
    if (client.connected) {
      client.send('exit');
    }
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) =>
            server.close(() => {
              resolve();
            }),
          ),
      ),
    );
    await services.close();
  }
}

if (process.env.BENCH_HTTP_CLIENT === '1') {
  runClient();
} else {
  await runServer();
}
