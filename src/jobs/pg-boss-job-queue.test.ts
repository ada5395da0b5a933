import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { describeWithPostgres } from '../../test/support/postgres.js';
import { JobName } from './job-queue.js';
import { PgBossJobQueue } from './pg-boss-job-queue.js';

/** Starts `test/support/job-worker-process.ts`; collects what it prints. */
function startWorkerProcess(url: string, schema: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/job-worker-process.ts', url, schema],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    lines.push(...parts);
  });
  return { child, lines };
}

async function waitFor(condition: () => boolean, what: string, limitMs = 90_000): Promise<void> {
  // A bound on waiting, not a timing assertion: fails only if the work never happens.
  for (let waited = 0; !condition(); waited += 100) {
    if (waited > limitMs) {
      throw new Error(`gave up waiting for ${what}`);
    }
    await sleep(100);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

describeWithPostgres('pg-boss job queue shared by two worker processes', (url) => {
  // A database of its own: pg-boss creates its schema, and the workers connect by URL alone.
  const database = `puente_jobs_${randomBytes(4).toString('hex')}`;
  const databaseUrl = Object.assign(new URL(url), { pathname: `/${database}` }).toString();
  const admin = new pg.Client({ connectionString: url });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${database}`);
  });
  afterAll(async () => {
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  });

  it('runs each of 40 jobs exactly once across two workers, and drops singleton duplicates', async () => {
    const producer = new PgBossJobQueue({ url: databaseUrl, schema: 'pgboss' });
    const ids = new Set<string>();
    try {
      for (let index = 0; index < 40; index += 1) {
        const id = await producer.enqueue(JobName.MonitoringSync, { index });
        expect(id).not.toBeNull();
        ids.add(id!);
      }
      const first = await producer.enqueue(
        JobName.MonitoringSync,
        {},
        { singletonKey: 'tick', slotSeconds: 3600 },
      );
      const second = await producer.enqueue(
        JobName.MonitoringSync,
        {},
        { singletonKey: 'tick', slotSeconds: 3600 },
      );
      expect(first).not.toBeNull();
      expect(second).toBeNull();
      ids.add(first!);
    } finally {
      await producer.stop();
    }

    const workers = [
      startWorkerProcess(databaseUrl, 'pgboss'),
      startWorkerProcess(databaseUrl, 'pgboss'),
    ];
    try {
      const ran = () =>
        workers.flatMap((worker) => worker.lines.filter((line) => line.startsWith('ran ')));
      await waitFor(
        () => new Set(ran().map((line) => line.split(' ')[1])).size >= ids.size,
        'every job to run',
      );
      // Let any duplicate run that was about to happen show up before counting.
      await sleep(1500);
      const runs = ran().map((line) => line.split(' ')[1]!);
      expect(new Set(runs)).toEqual(ids);
      expect(runs).toHaveLength(ids.size);
      expect(workers.every((worker) => worker.lines.includes('ready'))).toBe(true);
    } finally {
      await Promise.all(workers.map((worker) => stop(worker.child)));
    }
  });
});
