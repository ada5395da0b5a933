/**
 * Periodic checkpoints for a long-running process: every interval, sign the head if enough
 * events were appended since the last checkpoint.
 *
 * @module
 */
import type { AuditStore } from './audit-store.js';
import type { AuditSigningKey } from './signing-key.js';
import { checkpointIfDue } from './verify-stored-chain.js';

/** How often the server looks whether a checkpoint is due. */
export const CHECKPOINT_INTERVAL_MS = 60_000;

/**
 * Starts the timer; the returned function stops it. Failures are reported, never thrown: a
 * missed checkpoint is made at the next tick.
 *
 * @example
 * const stop = startCheckpointTimer(store.audit, () => key, 1000, (error) => logger.warn({ err: error }));
 */
export function startCheckpointTimer(
  store: AuditStore,
  key: () => AuditSigningKey,
  every: number,
  onError: (error: unknown) => void,
  intervalMs: number = CHECKPOINT_INTERVAL_MS,
): () => void {
  const timer = setInterval(() => {
    checkpointIfDue(store, key(), every, new Date()).catch(onError);
  }, intervalMs);
  // The timer alone must not keep the process alive.
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
