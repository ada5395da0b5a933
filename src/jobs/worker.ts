/**
 * A worker: registers the product's jobs on a queue, works it, and keeps the schedule (the
 * list refresh every N minutes, the delivery sweep every minute). Every process running a
 * worker proposes the scheduled jobs; the queue's slot rule keeps one per slot, so adding
 * workers adds capacity, not duplicates.
 *
 * @module
 */
import { JobName } from './job-queue.js';
import type { JobQueue } from './job-queue.js';

/** What the jobs do, supplied by the wiring (services). */
export interface WorkerTasks {
  /** Re-screen after list changes and resume unfinished runs. */
  syncMonitoring(): Promise<unknown>;
  /** Re-screen every counterparty. */
  fullRescreen(): Promise<unknown>;
  /** Send every due delivery. */
  deliverNotifications(): Promise<unknown>;
  /** Fetch and ingest the lists (then re-screen what changed). */
  refreshLists(): Promise<unknown>;
}

/** The schedule. */
export interface WorkerSchedule {
  /** Minutes between list refreshes; 0 for none. */
  readonly listRefreshMinutes: number;
  /** Seconds between delivery sweeps (retries fall due between publications). */
  readonly deliverySweepSeconds: number;
}

/** A running worker. */
export interface RunningWorker {
  stop(): Promise<void>;
}

/**
 * Registers the jobs on `queue`.
 *
 * @example
 * registerWorkerJobs(queue, tasks);
 */
export function registerWorkerJobs(queue: JobQueue, tasks: WorkerTasks): void {
  const run = (task: () => Promise<unknown>) => async () => {
    await task();
  };
  queue.register(
    JobName.MonitoringSync,
    run(() => tasks.syncMonitoring()),
  );
  queue.register(
    JobName.MonitoringFullRescreen,
    run(() => tasks.fullRescreen()),
  );
  queue.register(
    JobName.NotificationsDeliver,
    run(() => tasks.deliverNotifications()),
  );
  queue.register(
    JobName.ListsRefresh,
    run(() => tasks.refreshLists()),
  );
}

/**
 * Starts working the queue (its jobs registered by the wiring) and proposes the scheduled jobs
 * on a timer.
 *
 * @example
 * const worker = await startWorker(services.jobs, { listRefreshMinutes: 60, deliverySweepSeconds: 60 });
 * process.on('SIGTERM', () => void worker.stop());
 */
export async function startWorker(
  queue: JobQueue,
  schedule: WorkerSchedule,
  onError: (error: unknown) => void = () => undefined,
): Promise<RunningWorker> {
  await queue.start();
  const tick = () => proposeScheduled(queue, schedule).catch(onError);
  await tick();
  const timer = setInterval(() => void tick(), schedule.deliverySweepSeconds * 1000);
  return {
    async stop() {
      clearInterval(timer);
      await queue.stop();
    },
  };
}

/**
 * Adds this slot's scheduled jobs; in every other process the same call adds nothing.
 *
 * @example
 * await proposeScheduled(queue, { listRefreshMinutes: 60, deliverySweepSeconds: 60 });
 */
export async function proposeScheduled(queue: JobQueue, schedule: WorkerSchedule): Promise<void> {
  await queue.enqueue(
    JobName.NotificationsDeliver,
    {},
    { singletonKey: 'sweep', slotSeconds: schedule.deliverySweepSeconds },
  );
  if (schedule.listRefreshMinutes > 0) {
    await queue.enqueue(
      JobName.ListsRefresh,
      {},
      { singletonKey: 'scheduled', slotSeconds: schedule.listRefreshMinutes * 60 },
    );
  }
}
