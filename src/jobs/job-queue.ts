/**
 * The job queue as the application sees it: named jobs with JSON payloads, run by handlers in
 * whichever process works the queue. Two implementations: pg-boss on the application's
 * PostgreSQL (several API and worker processes share it) and an in-process queue over the
 * store's `job` table (SQLite). Both deliver a job to exactly one worker at a time and run it
 * again only after a failure or a lost worker (at-least-once): handlers must be idempotent.
 *
 * @module
 */

/** The jobs the product runs. */
export const JobName = {
  /** Re-screen portfolios against list changes (delta), or resume unfinished runs. */
  MonitoringSync: 'monitoring.sync',
  /** Re-screen every counterparty (after a threshold change). */
  MonitoringFullRescreen: 'monitoring.full-rescreen',
  /** Send due webhook and e-mail deliveries. */
  NotificationsDeliver: 'notifications.deliver',
  /** Download and ingest the official lists, then re-screen what changed. */
  ListsRefresh: 'lists.refresh',
} as const;

/** One job name. */
export type JobName = (typeof JobName)[keyof typeof JobName];

/** Runs one job; throwing marks the attempt failed (retried until `maxAttempts`). */
export type JobHandler = (payload: unknown, job: { readonly id: string }) => Promise<void>;

/** How a job is added. */
export interface EnqueueOptions {
  /** While a job with this key waits or runs, adding another with it does nothing. */
  readonly singletonKey?: string;
  /**
   * With `singletonKey`: at most one job per key per slot of this many seconds, across every
   * process (scheduled work such as the list refresh).
   */
  readonly slotSeconds?: number;
  readonly startAfter?: Date;
  /** Attempts before the job is failed for good (default 3). */
  readonly maxAttempts?: number;
}

/** A queue that can be worked. */
export interface JobQueue {
  /** `pg-boss` or `in-process`. */
  readonly kind: string;
  /** Declares how to run `name`. Register before `start`. */
  register(name: JobName, handler: JobHandler): void;
  /** Adds a job; returns its id, or `null` when a singleton rule dropped it. */
  enqueue(name: JobName, payload: object, options?: EnqueueOptions): Promise<string | null>;
  /** Starts working the registered jobs in this process. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for those running. */
  stop(): Promise<void>;
}

/** Default attempts of a job. */
export const DEFAULT_MAX_ATTEMPTS = 3;
