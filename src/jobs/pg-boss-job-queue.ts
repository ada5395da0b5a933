/**
 * The job queue on PostgreSQL through pg-boss, in its own schema of the application's database.
 * pg-boss hands each job to one worker (`SKIP LOCKED`), expires jobs whose worker died and
 * retries failures with back-off, so any number of API and worker processes can share it.
 *
 * @module
 */
import type PgBoss from 'pg-boss';

import { DEFAULT_MAX_ATTEMPTS } from './job-queue.js';
import type { EnqueueOptions, JobHandler, JobName, JobQueue } from './job-queue.js';

/** Settings of the pg-boss queue. */
export interface PgBossQueueOptions {
  readonly url: string;
  /** Schema of pg-boss's tables (created on first start). */
  readonly schema: string;
  /** How often an idle worker polls, in seconds (pg-boss's minimum is 0.5). */
  readonly pollingIntervalSeconds?: number;
  /** Longest a job may run before pg-boss counts its worker as lost and retries it. */
  readonly expireInSeconds?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Jobs in pg-boss. `enqueue` works without `start` only after the schema exists, so the queue
 * starts (creating it) on first use.
 *
 * @example
 * const queue = new PgBossJobQueue({ url, schema: 'pgboss' });
 * queue.register(JobName.MonitoringSync, () => monitoring.syncWithLists().then(() => undefined));
 * await queue.start();
 */
export class PgBossJobQueue implements JobQueue {
  readonly kind = 'pg-boss';
  readonly #handlers = new Map<string, JobHandler>();
  #ready: Promise<PgBoss> | undefined;

  constructor(private readonly options: PgBossQueueOptions) {}

  /** {@inheritDoc JobQueue.register} */
  register(name: JobName, handler: JobHandler): void {
    this.#handlers.set(name, handler);
  }

  /** {@inheritDoc JobQueue.enqueue} */
  async enqueue(
    name: JobName,
    payload: object,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    const boss = await this.ready();
    await boss.createQueue(name);
    const attempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    return boss.send(name, payload, {
      retryLimit: attempts - 1,
      retryBackoff: true,
      retryDelay: 30,
      expireInSeconds: this.options.expireInSeconds ?? 15 * 60,
      ...(options.startAfter === undefined ? {} : { startAfter: options.startAfter }),
      ...(options.singletonKey === undefined ? {} : { singletonKey: options.singletonKey }),
      ...(options.slotSeconds === undefined ? {} : { singletonSeconds: options.slotSeconds }),
    });
  }

  /** {@inheritDoc JobQueue.start} */
  async start(): Promise<void> {
    const boss = await this.ready();
    for (const [name, handler] of this.#handlers) {
      await boss.createQueue(name);
      await boss.work(
        name,
        { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) {
            await handler(job.data, { id: job.id });
          }
        },
      );
    }
  }

  /** {@inheritDoc JobQueue.stop} */
  async stop(): Promise<void> {
    if (this.#ready === undefined) {
      return;
    }
    const boss = await this.#ready;
    // Graceful: running handlers finish; jobs not yet fetched stay for other workers.
    await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }

  /** pg-boss, loaded and started on first use: API processes that add no job never load it. */
  private ready(): Promise<PgBoss> {
    this.#ready ??= import('pg-boss').then(async ({ default: PgBossClass }) => {
      const boss = new PgBossClass({
        connectionString: this.options.url,
        schema: this.options.schema,
        max: 4,
        application_name: 'puente-jobs',
      });
      boss.on('error', (error) => this.options.onError?.(error));
      await boss.start();
      return boss;
    });
    return this.#ready;
  }
}
