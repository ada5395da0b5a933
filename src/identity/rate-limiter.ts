/**
 * The login rate-limit policy: fixed windows keyed by identity (`user:ana`) and by client
 * address (`ip:203.0.113.5`). It slows guessing across many accounts from one address, which
 * the per-account lock-out alone does not. The counters live in the store
 * (`IdentityStore.countLoginAttempt`), so the limit holds across every API process sharing it.
 *
 * @module
 */

/** How many attempts per window. */
export interface RateLimitPolicy {
  readonly maxAttempts: number;
  readonly windowMs: number;
}

/** Ten attempts per minute per key. */
export const DEFAULT_RATE_LIMIT: RateLimitPolicy = { maxAttempts: 10, windowMs: 60_000 };
