/**
 * A worker process for queue tests: works `monitoring.sync` jobs from pg-boss and prints
 * `ran <job id> <pid>` for each, until it receives SIGTERM. Usage:
 * `tsx test/support/job-worker-process.ts <postgres url> <pg-boss schema>`.
 *
 * @module
 */
import { setTimeout as sleep } from 'node:timers/promises';

import { JobName } from '../../src/jobs/job-queue.js';
import { PgBossJobQueue } from '../../src/jobs/pg-boss-job-queue.js';

const [url, schema] = process.argv.slice(2);
const queue = new PgBossJobQueue({ url: url!, schema: schema!, pollingIntervalSeconds: 0.5 });
queue.register(JobName.MonitoringSync, async (_payload, job) => {
  // Long enough that both workers are busy at once and would collide if claims were not exclusive.
  await sleep(25);
  process.stdout.write(`ran ${job.id} ${process.pid}\n`);
});
await queue.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void queue.stop().then(() => process.exit(0));
});
