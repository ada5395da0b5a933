/**
 * The scheduled list refresh: every `intervalMs`, fetch the lists (the caller's `refresh`, e.g.
 * the official downloads) and bring monitoring up to them (`sync`, a delta re-screen). Runs never
 * overlap: a tick that finds the previous one still running is skipped. Errors are reported and
 * the schedule goes on.
 *
 * @module
 */

/** What the schedule calls. */
export interface ListRefreshTasks {
  /** Fetches and ingests new list publications. */
  readonly refresh: () => Promise<unknown>;
  /** Re-screens what the new publications can affect. */
  readonly sync: () => Promise<unknown>;
  readonly onError: (error: unknown) => void;
}

/**
 * Starts the schedule; returns the function that stops it. `intervalMs` 0 starts nothing.
 *
 * @example
 * const stop = startListRefresh(60 * 60_000, { refresh, sync, onError });
 */
export function startListRefresh(intervalMs: number, tasks: ListRefreshTasks): () => void {
  if (intervalMs <= 0) {
    return () => undefined;
  }
  let running = false;
  const tick = async () => {
    if (running) {
      return;
    }
    running = true;
    try {
      await tasks.refresh().catch(tasks.onError);
      await tasks.sync();
    } catch (error) {
      tasks.onError(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
