/**
 * When to try a failed delivery again: exponential back-off with "equal jitter" (a random delay
 * between half and all of the exponential step), so many deliveries that failed together do
 * not all retry at the same instant; dead-lettered after `maxAttempts`.
 *
 * @module
 */

/** The back-off settings. */
export interface RetryPolicy {
  /** Attempts in all, the first included, before the delivery is dead-lettered. */
  readonly maxAttempts: number;
  /** Delay after the first failure, before jitter. */
  readonly baseDelayMs: number;
  /** Upper bound of any delay. */
  readonly maxDelayMs: number;
}

/** Eight attempts over roughly a day: 30 s, 1 min, 2 min, … capped at 6 h. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 60 * 60_000,
};

/**
 * When to retry after failed attempt number `attempt` (1-based), or `null` to dead-letter.
 * `random` returns values in [0, 1); tests pass a fixed one.
 *
 * @example
 * nextAttemptAt(1, DEFAULT_RETRY_POLICY, new Date(), Math.random); // in 15–30 s
 */
export function nextAttemptAt(
  attempt: number,
  policy: RetryPolicy,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  if (attempt >= policy.maxAttempts) {
    return null;
  }
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const delay = Math.round(step / 2 + (step / 2) * random());
  return new Date(now.getTime() + delay);
}
