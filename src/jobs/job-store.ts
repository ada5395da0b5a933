/**
 * The storage port of the in-process job queue (used on SQLite; on PostgreSQL pg-boss keeps its
 * own tables). Claims are leases, so a job whose worker died is taken up again.
 *
 * @module
 */

/** Where a job is in its life. */
export type JobStatus = 'waiting' | 'running' | 'done' | 'failed';

/** One stored job. */
export interface JobRecord {
  readonly id: string;
  readonly name: string;
  readonly payload: unknown;
  readonly status: JobStatus;
  /** Attempts started so far. */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly runAt: string;
  readonly singletonKey: string | null;
  readonly workerId: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/** A job to add. */
export interface NewJob {
  /** A caller-chosen id; adding a job whose id exists does nothing (scheduled slots). */
  readonly id?: string;
  readonly name: string;
  readonly payload: unknown;
  readonly runAt: Date;
  readonly maxAttempts: number;
  /** While a job with this key waits or runs, adding another with it does nothing. */
  readonly singletonKey?: string;
}

/** Filters for listing jobs. */
export interface JobQuery {
  readonly name?: string;
  readonly status?: JobStatus;
  /** Newest first; default 100, at most 1,000. */
  readonly limit?: number;
}

/** Persistence of queued jobs. */
export interface JobStore {
  /** Adds a job; returns its id, or `null` when its singleton key is taken. */
  add(job: NewJob, now: Date): Promise<string | null>;
  /**
   * Claims the next due job among `names` for `leaseMs` (a waiting job, or a running one whose
   * lease ran out), counting an attempt. Safe across processes: one claimer wins.
   */
  claimNext(
    names: readonly string[],
    workerId: string,
    now: Date,
    leaseMs: number,
  ): Promise<JobRecord | undefined>;
  /** Marks a claimed job done; false when the claim was lost (another worker took it). */
  complete(id: string, workerId: string, now: Date): Promise<boolean>;
  /** Records a failure: waiting again at `retryAt`, or failed for good when `null`. */
  fail(
    id: string,
    workerId: string,
    error: string,
    retryAt: Date | null,
    now: Date,
  ): Promise<boolean>;
  /** Jobs matching the query. */
  list(query?: JobQuery): Promise<readonly JobRecord[]>;
  /** One job, or undefined. */
  find(id: string): Promise<JobRecord | undefined>;
}
