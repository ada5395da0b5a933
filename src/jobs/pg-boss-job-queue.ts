/**
 * The job queue on PostgreSQL through pg-boss, in its own schema of the application's database.
 * pg-boss hands each job to one worker (`SKIP LOCKED`), expires jobs whose worker died and
 * retries failures with back-off, so any number of API and worker processes can share it.
 *
 * @module
 */
import PgBoss from 'pg-boss';

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
  readonly #boss: PgBoss;
  #ready: Promise<void> | undefined;

  constructor(private readonly options: PgBossQueueOptions) {
    this.#boss = new PgBoss({
      connectionString: options.url,
      schema: options.schema,
      max: 4,
      application_name: 'puente-jobs',
    });
    this.#boss.on('error', (error) => options.onError?.(error));
  }

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
    await this.ready();
    await this.#boss.createQueue(name);
    const attempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    return this.#boss.send(name, payload, {
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
    await this.ready();
    for (const [name, handler] of this.#handlers) {
      await this.#boss.createQueue(name);
      await this.#boss.work(
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
    await this.#ready;
    // Graceful: running handlers finish; jobs not yet fetched stay for other workers.
    await this.#boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }

  private ready(): Promise<void> {
    this.#ready ??= this.#boss.start().then(() => undefined);
    return this.#ready;
  }
}
