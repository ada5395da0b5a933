/**
 * The job queue over the store's `job` table, worked by a polling loop in this process. Used on
 * SQLite, where every process shares one file: claims are leases in the table, so a second
 * process (a `puente worker` beside `puente serve`) never runs a job already claimed.
 *
 * @module
 */
import { createHash, randomUUID } from 'node:crypto';

import { DEFAULT_MAX_ATTEMPTS } from './job-queue.js';
import type { EnqueueOptions, JobHandler, JobName, JobQueue } from './job-queue.js';
import type { JobStore } from './job-store.js';

/** Settings of the loop. */
export interface InProcessQueueOptions {
  readonly pollIntervalMs: number;
  /** How long a claim lasts; a job running longer is renewed by finishing, not by heartbeat. */
  readonly leaseMs?: number;
  /** Delay before retrying a failed job (doubled per attempt). */
  readonly retryDelayMs?: number;
  readonly onError?: (error: unknown, job: { id: string; name: string }) => void;
  /**
   * Work the queue in this process as soon as a job is added here, so jobs raised by API
   * requests run without a separate worker. The loop's timer never keeps the process alive.
   */
  readonly startOnEnqueue?: boolean;
  readonly clock?: () => Date;
}

const DEFAULT_LEASE_MS = 15 * 60_000;

/**
 * Jobs in the `job` table, run one at a time by this process while started.
 *
 * @example
 * const queue = new InProcessJobQueue(store.jobs, { pollIntervalMs: 1000 });
 * queue.register(JobName.NotificationsDeliver, () => notifications.dispatch().then(() => undefined));
 * await queue.start();
 */
export class InProcessJobQueue implements JobQueue {
  readonly kind = 'in-process';
  readonly #handlers = new Map<string, JobHandler>();
  readonly #workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopping = false;

  constructor(
    private readonly store: JobStore,
    private readonly options: InProcessQueueOptions,
  ) {}

  /** {@inheritDoc JobQueue.register} */
  register(name: JobName, handler: JobHandler): void {
    this.#handlers.set(name, handler);
  }

  /** {@inheritDoc JobQueue.enqueue} */
  enqueue(name: JobName, payload: object, options: EnqueueOptions = {}): Promise<string | null> {
    const now = this.now();
    if (this.options.startOnEnqueue === true && this.#timer === undefined) {
      void this.start();
    }
    const slotted = options.singletonKey !== undefined && options.slotSeconds !== undefined;
    return this.store.add(
      {
        ...(slotted ? { id: slotId(name, options.singletonKey, options.slotSeconds, now) } : {}),
        name,
        payload,
        runAt: options.startAfter ?? now,
        maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        ...(options.singletonKey === undefined || slotted
          ? {}
          : { singletonKey: `${name}:${options.singletonKey}` }),
      },
      now,
    );
  }

  /** {@inheritDoc JobQueue.start} */
  start(): Promise<void> {
    this.#stopping = false;
    this.schedule(0);
    return Promise.resolve();
  }

  /** {@inheritDoc JobQueue.stop} */
  async stop(): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** Runs due jobs until none is left; returns how many ran. For the loop and for tests. */
  async drain(): Promise<number> {
    let ran = 0;
    while (!this.#stopping) {
      const job = await this.store.claimNext(
        [...this.#handlers.keys()],
        this.#workerId,
        this.now(),
        this.options.leaseMs ?? DEFAULT_LEASE_MS,
      );
      if (job === undefined) {
        return ran;
      }
      ran += 1;
      await this.run(job);
    }
    return ran;
  }

  private async run(job: {
    id: string;
    name: string;
    payload: unknown;
    attempts: number;
    maxAttempts: number;
  }) {
    try {
      await this.#handlers.get(job.name)!(job.payload, { id: job.id });
      await this.store.complete(job.id, this.#workerId, this.now());
    } catch (error) {
      this.options.onError?.(error, job);
      const delay = (this.options.retryDelayMs ?? 30_000) * 2 ** (job.attempts - 1);
      const retryAt =
        job.attempts >= job.maxAttempts ? null : new Date(this.now().getTime() + delay);
      await this.store.fail(
        job.id,
        this.#workerId,
        String(error instanceof Error ? error.message : error),
        retryAt,
        this.now(),
      );
    }
  }

  private schedule(delayMs: number): void {
    if (this.#stopping) {
      return;
    }
    this.#timer = setTimeout(() => {
      this.#running = this.drain()
        .catch((error: unknown) => this.options.onError?.(error, { id: '-', name: 'poll' }))
        .then(() => {
          this.schedule(this.options.pollIntervalMs);
        });
    }, delayMs);
    this.#timer.unref();
  }

  private now(): Date {
    return (this.options.clock ?? (() => new Date()))();
  }
}

/** A UUID-shaped id derived from the job, key and time slot: the same in every process. */
function slotId(name: string, key: string, slotSeconds: number, now: Date): string {
  const slot = Math.floor(now.getTime() / (slotSeconds * 1000));
  const hex = createHash('sha256').update(`${name}\n${key}\n${slot}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
