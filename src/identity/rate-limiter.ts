/**
 * A fixed-window attempt limiter kept in memory, keyed by identity (`user:ana`) and by client
 * address (`ip:203.0.113.5`). It slows guessing across many accounts from one address, which
 * the per-account lock-out alone does not. One process only: behind several API processes each
 * keeps its own windows, which still bounds the total rate by the process count.
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

/** The answer to one attempt. */
export type RateLimitResult =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

interface Window {
  start: number;
  count: number;
}

// Bounds memory under a flood of distinct keys; old windows are dropped first.
const MAX_KEYS = 100_000;

/**
 * Counts attempts per key.
 *
 * @example
 * const limiter = new RateLimiter();
 * if (!limiter.attempt(`ip:${ip}`, Date.now()).allowed) { throw new RateLimitedError(60) }
 */
export class RateLimiter {
  readonly #windows = new Map<string, Window>();

  constructor(private readonly policy: RateLimitPolicy = DEFAULT_RATE_LIMIT) {}

  /** Records an attempt for `key` at `nowMs` and says whether it is within the limit. */
  attempt(key: string, nowMs: number): RateLimitResult {
    const window = this.windowOf(key, nowMs);
    window.count += 1;
    if (window.count <= this.policy.maxAttempts) {
      return { allowed: true };
    }
    return { allowed: false, retryAfterMs: window.start + this.policy.windowMs - nowMs };
  }

  /** Forgets `key` (after a successful login). */
  reset(key: string): void {
    this.#windows.delete(key);
  }

  private windowOf(key: string, nowMs: number): Window {
    const current = this.#windows.get(key);
    if (current !== undefined && nowMs - current.start < this.policy.windowMs) {
      return current;
    }
    this.#windows.delete(key);
    if (this.#windows.size >= MAX_KEYS) {
      const oldest = this.#windows.keys().next().value;
      if (oldest !== undefined) {
        this.#windows.delete(oldest);
      }
    }
    const window = { start: nowMs, count: 0 };
    this.#windows.set(key, window);
    return window;
  }
}
