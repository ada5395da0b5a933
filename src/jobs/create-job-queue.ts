/**
 * Picks the queue for the configured store: pg-boss on PostgreSQL, the in-process queue on
 * SQLite.
 *
 * @module
 */
import { InProcessJobQueue } from './in-process-job-queue.js';
import type { JobQueue } from './job-queue.js';
import type { JobStore } from './job-store.js';
import { PgBossJobQueue } from './pg-boss-job-queue.js';

/** What the choice depends on. */
export interface JobQueueSettings {
  readonly storeKind: 'sqlite' | 'postgres';
  /** The store location: the PostgreSQL URL when `storeKind` is `postgres`. */
  readonly location: string;
  readonly jobStore: JobStore;
  readonly pollIntervalMs: number;
  readonly pgBossSchema: string;
  readonly onError: (error: unknown) => void;
}

/**
 * The queue for the store.
 *
 * @example
 * const queue = createJobQueue({ storeKind: store.kind, location: config.db, jobStore: store.jobs, … });
 */
export function createJobQueue(settings: JobQueueSettings): JobQueue {
  if (settings.storeKind === 'postgres') {
    return new PgBossJobQueue({
      url: settings.location,
      schema: settings.pgBossSchema,
      pollingIntervalSeconds: Math.max(0.5, settings.pollIntervalMs / 1000),
      onError: settings.onError,
    });
  }
  return new InProcessJobQueue(settings.jobStore, {
    pollIntervalMs: settings.pollIntervalMs,
    onError: settings.onError,
    startOnEnqueue: true,
  });
}
