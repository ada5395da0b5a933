/**
 * Account lock-out after repeated failed logins. The counter lives with the user in the store,
 * so it holds across processes and restarts; the in-memory rate limiter complements it.
 *
 * @module
 */

/** When to lock and for how long. */
export interface LockoutPolicy {
  /** Consecutive failures that lock the account. */
  readonly maxFailures: number;
  /** How long the lock lasts. */
  readonly lockMs: number;
}

/** Five failures lock for fifteen minutes (OWASP Authentication Cheat Sheet range). */
export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60 * 1000 };

/** The stored lock-out state of one account. */
export interface LockoutState {
  readonly failedLogins: number;
  readonly lockedUntil: string | null;
}

/**
 * True while the account is locked at `now`.
 *
 * @example
 * isLocked({ failedLogins: 5, lockedUntil: '2030-01-01T00:00:00Z' }, new Date()); // true
 */
export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && now.getTime() < Date.parse(state.lockedUntil);
}

/**
 * The state after one more failure: the counter grows and, on reaching the limit, the account
 * locks and the counter starts again (so the next lock needs another full series).
 *
 * @example
 * afterFailure({ failedLogins: 4, lockedUntil: null }, new Date(), DEFAULT_LOCKOUT_POLICY);
 */
export function afterFailure(state: LockoutState, now: Date, policy: LockoutPolicy): LockoutState {
  const failedLogins = state.failedLogins + 1;
  if (failedLogins < policy.maxFailures) {
    return { failedLogins, lockedUntil: state.lockedUntil };
  }
  return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockMs).toISOString() };
}
