import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { createSqliteStore } from '../store/sqlite/sqlite-store.js';
import { InProcessJobQueue } from './in-process-job-queue.js';
import { JobName } from './job-queue.js';
import { proposeScheduled } from './worker.js';

describe('in-process job queue over SQLite', () => {
  const folder = mkdtempSync(join(tmpdir(), 'puente-jobs-'));
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('runs each job once across two queues on one file, retrying a failure', async () => {
    const file = join(folder, 'jobs.db');
    const [storeA, storeB] = [await createSqliteStore(file), await createSqliteStore(file)];
    let now = new Date('2026-03-01T10:00:00.000Z');
    const clock = () => now;
    const [a, b] = [storeA, storeB].map(
      (store) =>
        new InProcessJobQueue(store.jobs, { pollIntervalMs: 50, clock, retryDelayMs: 1000 }),
    );
    const ran: string[] = [];
    let failOnce = true;
    for (const [queue, label] of [
      [a!, 'a'],
      [b!, 'b'],
    ] as const) {
      queue.register(JobName.MonitoringSync, (payload) => {
        const { n } = payload as { n: number };
        if (n === 3 && failOnce) {
          failOnce = false;
          return Promise.reject(new Error('transient'));
        }
        ran.push(`${n}:${label}`);
        return Promise.resolve();
      });
    }
    try {
      for (let n = 0; n < 10; n += 1) {
        await a!.enqueue(JobName.MonitoringSync, { n });
      }
      const [fromA, fromB] = await Promise.all([a!.drain(), b!.drain()]);
      expect(fromA + fromB).toBe(10);
      expect(ran.map((entry) => entry.split(':')[0]).sort()).toEqual([
        '0',
        '1',
        '2',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
      ]);
      // The failed job waits for its retry time, then runs once.
      expect(await b!.drain()).toBe(0);
      now = new Date(now.getTime() + 1000);
      expect(await b!.drain()).toBe(1);
      expect(ran.filter((entry) => entry.startsWith('3:'))).toHaveLength(1);
      expect(await storeA.jobs.list({ status: 'done' })).toHaveLength(10);
    } finally {
      await storeA.close();
      await storeB.close();
    }
  });

  it('proposes each scheduled job once per slot, whichever process asks', async () => {
    const store = await createSqliteStore(':memory:');
    let now = new Date('2026-03-01T10:00:10.000Z');
    const clock = () => now;
    const queues = [1, 2].map(
      () => new InProcessJobQueue(store.jobs, { pollIntervalMs: 50, clock }),
    );
    try {
      const schedule = { listRefreshMinutes: 60, deliverySweepSeconds: 60 };
      await proposeScheduled(queues[0]!, schedule);
      await proposeScheduled(queues[1]!, schedule);
      const names = async () => (await store.jobs.list()).map((job) => job.name).sort();
      expect(await names()).toEqual([JobName.ListsRefresh, JobName.NotificationsDeliver]);
      now = new Date('2026-03-01T10:01:10.000Z');
      await proposeScheduled(queues[1]!, schedule);
      expect(await names()).toEqual([
        JobName.ListsRefresh,
        JobName.NotificationsDeliver,
        JobName.NotificationsDeliver,
      ]);
    } finally {
      await store.close();
    }
  });
});
