/**
 * Login sessions: an opaque random token in the browser's cookie, its SHA-256 hash in the store,
 * an absolute expiry and an idle timeout.
 *
 * @module
 */

/** How long sessions live. */
export interface SessionPolicy {
  /** Absolute lifetime from login. */
  readonly maxAgeMs: number;
  /** A session unused this long ends even before `maxAgeMs`. */
  readonly idleTimeoutMs: number;
}

/** Eight hours from login, thirty minutes idle: a working day, and a short unattended window. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  maxAgeMs: 8 * 60 * 60 * 1000,
  idleTimeoutMs: 30 * 60 * 1000,
};

/** A stored session (the token itself is never stored). */
export interface Session {
  readonly tokenHash: string;
  readonly userId: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  /** Address the login came from, for the audit trail. */
  readonly ip: string | null;
}

/**
 * Why a session is no longer usable, or undefined while it is.
 *
 * @example
 * sessionProblem(session, new Date(), DEFAULT_SESSION_POLICY); // 'idle' | 'expired' | undefined
 */
export function sessionProblem(
  session: Session,
  now: Date,
  policy: SessionPolicy,
): 'expired' | 'idle' | undefined {
  if (now.getTime() >= Date.parse(session.expiresAt)) {
    return 'expired';
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) >= policy.idleTimeoutMs) {
    return 'idle';
  }
  return undefined;
}

/**
 * The fields of a new session starting `now`.
 *
 * @example
 * const session = newSession(hashToken(token), user.id, new Date(), policy, ip);
 */
export function newSession(
  tokenHash: string,
  userId: string,
  now: Date,
  policy: SessionPolicy,
  ip: string | null,
): Session {
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + policy.maxAgeMs).toISOString();
  return { tokenHash, userId, createdAt: at, lastSeenAt: at, expiresAt, ip };
}
