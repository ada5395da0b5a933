/**
 * Authentication: password (+ TOTP) login into a session, session and API-key checks on every
 * request, logout. Failures all look alike to the caller ("invalid credentials") whether the
 * user exists, the password was wrong, the account is locked or disabled; the audit trail keeps
 * the real reason.
 *
 * @module
 */
import type { AuditContext } from '../audit/audit-event.js';
import type { AuditStore } from '../audit/audit-store.js';
import { AuthenticationError, RateLimitedError } from '../core/errors.js';
import { serviceActor, userActor } from './actor.js';
import type { Actor } from './actor.js';
import type {
  ApiKeyPrincipal,
  IdentityStore,
  SessionPrincipal,
  UserCredentials,
} from './identity-store.js';
import { DEFAULT_LOCKOUT_POLICY, afterFailure, isLocked } from './lockout.js';
import type { LockoutPolicy } from './lockout.js';
import { PrincipalCache } from './principal-cache.js';
import { UNSEALED, openTotpSecret } from './totp-secret-seal.js';
import type { SecretSealer } from './totp-secret-seal.js';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, verifyPassword } from './password.js';
import type { ScryptParams } from './password.js';
import { DEFAULT_RATE_LIMIT } from './rate-limiter.js';
import type { RateLimitPolicy } from './rate-limiter.js';
import { apiKeyId, hashToken, newToken, safeEqual } from './secret-tokens.js';
import { DEFAULT_SESSION_POLICY, newSession } from './session.js';
import type { Session, SessionPolicy } from './session.js';
import { base32Decode } from './base32.js';
import { matchTotp } from './totp.js';
import type { User } from './user.js';

/** Tunables; all have safe defaults. */
export interface AuthenticatorOptions {
  readonly session?: SessionPolicy;
  readonly lockout?: LockoutPolicy;
  readonly rateLimit?: RateLimitPolicy;
  readonly scrypt?: ScryptParams;
  readonly clock?: () => Date;
  /**
   * How long an authenticated key or session is trusted without reading the store again
   * (default 5 s; 0 reads on every request). Changes made in this process take effect at once.
   */
  readonly principalCacheMs?: number;
  /** Opens stored TOTP secrets; read only when a user with TOTP logs in. */
  readonly totpSecrets?: () => SecretSealer;
}

/** Default of `AuthenticatorOptions.principalCacheMs`. */
export const DEFAULT_PRINCIPAL_CACHE_MS = 5_000;

/** A login attempt. */
export interface LoginRequest {
  readonly username: string;
  readonly password: string;
  readonly totpCode?: string;
  readonly ip: string | null;
}

/** A successful login: the token goes to the client once and is never stored. */
export interface LoginResult {
  readonly token: string;
  readonly session: Session;
  readonly actor: Actor;
  readonly mustChangePassword: boolean;
}

/**
 * A key principal as cached: with its actor built and its times parsed once, so a cache hit
 * costs a hash, a map lookup and a few comparisons. The actor is shared by the requests of the
 * key while cached; actors are immutable.
 */
interface CheckedApiKey {
  readonly principal: ApiKeyPrincipal;
  readonly actor: Actor;
  readonly expiresAtMs: number;
  readonly lastUsedMs: number;
}

/** A session principal as cached, like `CheckedApiKey`. */
interface CheckedSession {
  readonly principal: SessionPrincipal;
  readonly actor: Actor;
  readonly expiresAtMs: number;
  readonly lastSeenMs: number;
}

function checkedApiKey(principal: ApiKeyPrincipal): CheckedApiKey {
  const { key, account, organization } = principal;
  return {
    principal,
    actor: serviceActor(account, organization, key.permissions),
    // An unparsable expiry reads as NaN, and `now >= NaN` is false: treat it as expired.
    expiresAtMs: Date.parse(key.expiresAt) || 0,
    lastUsedMs: key.lastUsedAt === null ? 0 : Date.parse(key.lastUsedAt),
  };
}

function checkedSession(principal: SessionPrincipal): CheckedSession {
  const { session, user, organization } = principal;
  return {
    principal,
    actor: userActor(user, organization),
    expiresAtMs: Date.parse(session.expiresAt) || 0,
    lastSeenMs: Date.parse(session.lastSeenAt) || 0,
  };
}

// Last-use times are written at most this often, so reads do not each cost a write.
const TOUCH_INTERVAL_MS = 60_000;
const INVALID = 'invalid credentials';

/**
 * Checks credentials against the identity store.
 *
 * @example
 * const auth = new Authenticator(store.identity, store.audit);
 * const { token } = await auth.login({ username: 'ana', password, ip });
 * const actor = await auth.authenticateSession(token);
 */
export class Authenticator {
  readonly #rateLimit: RateLimitPolicy;
  #prunedAt = 0;
  readonly #session: SessionPolicy;
  readonly #lockout: LockoutPolicy;
  readonly #clock: () => Date;
  readonly #keys: PrincipalCache<CheckedApiKey>;
  readonly #sessions: PrincipalCache<CheckedSession>;
  #dummyHash: Promise<string> | undefined;

  constructor(
    private readonly identity: IdentityStore,
    private readonly audit: AuditStore,
    private readonly options: AuthenticatorOptions = {},
  ) {
    this.#rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
    this.#session = options.session ?? DEFAULT_SESSION_POLICY;
    this.#lockout = options.lockout ?? DEFAULT_LOCKOUT_POLICY;
    this.#clock = options.clock ?? (() => new Date());
    const cacheMs = options.principalCacheMs ?? DEFAULT_PRINCIPAL_CACHE_MS;
    this.#keys = new PrincipalCache(cacheMs);
    this.#sessions = new PrincipalCache(cacheMs);
    identity.onChange(() => {
      this.#keys.invalidate();
      this.#sessions.invalidate();
    });
  }

  /**
   * Logs in with a password and, when enabled, a TOTP code.
   *
   * @throws RateLimitedError when the address or the username tried too often;
   *   AuthenticationError for anything else that fails.
   */
  async login(request: LoginRequest): Promise<LoginResult> {
    const now = this.#clock();
    const username = request.username.trim().toLowerCase().slice(0, 64);
    await this.throttle(`ip:${request.ip ?? 'local'}`, now);
    await this.throttle(`user:${username}`, now);
    const user = await this.identity.findUserByUsername(username);
    const credentials =
      user === undefined ? undefined : await this.identity.findCredentials(user.id);
    if (user === undefined || credentials === undefined) {
      await verifyPassword(request.password, await this.dummyHash());
      await this.recordUnknown(username, request.ip);
      throw new AuthenticationError(INVALID);
    }
    const step = await this.checkCredentials(user, credentials, request, now);
    return this.startSession(user, step, request.ip, now);
  }

  /**
   * The actor of a session token.
   *
   * @throws AuthenticationError when the token is unknown, expired, idle or its user disabled.
   */
  async authenticateSession(token: string): Promise<{ actor: Actor; session: Session }> {
    const now = this.#clock();
    const nowMs = now.getTime();
    const tokenHash = hashToken(token);
    const found = await this.cached(this.#sessions, tokenHash, nowMs, async () => {
      const principal = await this.identity.findSessionPrincipal(tokenHash);
      return principal === undefined ? undefined : checkedSession(principal);
    });
    if (
      found === undefined ||
      nowMs >= found.expiresAtMs ||
      nowMs - found.lastSeenMs >= this.#session.idleTimeoutMs ||
      found.principal.user.status !== 'active'
    ) {
      throw new AuthenticationError();
    }
    if (nowMs - found.lastSeenMs < TOUCH_INTERVAL_MS) {
      return { actor: found.actor, session: found.principal.session };
    }
    await this.identity.touchSession(tokenHash, now.toISOString());
    const session = { ...found.principal.session, lastSeenAt: now.toISOString() };
    this.#sessions.update(tokenHash, {
      ...found,
      principal: { ...found.principal, session },
      lastSeenMs: nowMs,
    });
    return { actor: found.actor, session };
  }

  /**
   * The actor of an API key: its service account, scoped to the key's permissions.
   *
   * @throws AuthenticationError for a malformed, unknown, revoked or expired key.
   */
  async authenticateApiKey(key: string): Promise<Actor> {
    const now = this.#clock();
    const nowMs = now.getTime();
    const keyHash = hashToken(key);
    // A cache hit needs no key-shape check and no hash comparison: only a key whose own hash
    // equals the stored one is ever cached, under exactly that hash.
    const found = await this.cached(this.#keys, keyHash, nowMs, async () => {
      const id = apiKeyId(key);
      const principal = id === undefined ? undefined : await this.identity.findApiKeyPrincipal(id);
      // Only the key's own hash may become a cache key, so wrong guesses cannot fill it.
      return principal === undefined || !safeEqual(keyHash, principal.keyHash)
        ? undefined
        : checkedApiKey(principal);
    });
    if (
      found === undefined ||
      found.principal.key.revokedAt !== null ||
      nowMs >= found.expiresAtMs ||
      found.principal.account.status !== 'active'
    ) {
      throw new AuthenticationError();
    }
    if (nowMs - found.lastUsedMs >= TOUCH_INTERVAL_MS) {
      await this.identity.touchApiKey(found.principal.key.id, now.toISOString());
      const lastUsedAt = now.toISOString();
      this.#keys.update(keyHash, {
        ...found,
        principal: { ...found.principal, key: { ...found.principal.key, lastUsedAt } },
        lastUsedMs: nowMs,
      });
    }
    return found.actor;
  }

  /** The cached principal of `tokenHash`, else loaded, and cached when found. */
  private async cached<T>(
    cache: PrincipalCache<T>,
    tokenHash: string,
    nowMs: number,
    load: () => Promise<T | undefined>,
  ): Promise<T | undefined> {
    const hit = cache.get(tokenHash, nowMs);
    if (hit !== undefined) {
      return hit;
    }
    const generation = cache.generation;
    const loaded = await load();
    if (loaded !== undefined) {
      cache.set(tokenHash, loaded, generation, nowMs);
    }
    return loaded;
  }

  /** Ends the session of `token` (unknown tokens are ignored). */
  async logout(token: string, context: AuditContext): Promise<void> {
    await this.identity.endSession(hashToken(token), context);
  }

  private async checkCredentials(
    user: User,
    credentials: UserCredentials,
    request: LoginRequest,
    now: Date,
  ): Promise<number | null> {
    const context = loginContext(user, request.ip);
    if (isLocked(credentials, now) || user.status !== 'active') {
      // The password is still hashed, so a locked account answers as slowly as any other.
      await verifyPassword(request.password, credentials.passwordHash);
      await this.audit.append(context, {
        action: 'session.login',
        targetType: 'user',
        targetId: user.id,
        outcome: 'denied',
        details: { cause: user.status === 'active' ? 'locked' : 'disabled' },
      });
      throw new AuthenticationError(INVALID);
    }
    const passwordOk = await verifyPassword(request.password, credentials.passwordHash);
    const step = passwordOk ? this.totpStep(user, credentials, request.totpCode, now) : undefined;
    if (!passwordOk || step === undefined) {
      await this.identity.recordLoginFailure(
        user.id,
        afterFailure(credentials, now, this.#lockout),
        context,
      );
      const details =
        passwordOk && request.totpCode === undefined ? { secondFactor: 'required' } : {};
      throw new AuthenticationError(INVALID, details);
    }
    return step;
  }

  /** The accepted TOTP step; null when TOTP is off; undefined when the code is missing, wrong or replayed. */
  private totpStep(
    user: User,
    credentials: UserCredentials,
    code: string | undefined,
    now: Date,
  ): number | null | undefined {
    if (!user.totpEnabled || credentials.totpSecret === null) {
      return null;
    }
    const step =
      code === undefined
        ? undefined
        : matchTotp(
            base32Decode(
              openTotpSecret(this.options.totpSecrets?.() ?? UNSEALED, credentials.totpSecret),
            ),
            code,
            now.getTime() / 1000,
          );
    return step !== undefined && step > (credentials.totpLastStep ?? -1) ? step : undefined;
  }

  private async startSession(
    user: User,
    step: number | null,
    ip: string | null,
    now: Date,
  ): Promise<LoginResult> {
    const organization = await this.identity.findOrganization(user.organizationId);
    if (organization === undefined) {
      throw new AuthenticationError(INVALID);
    }
    const token = newToken();
    const session = newSession(hashToken(token), user.id, now, this.#session, ip);
    await this.identity.startSession(session, step, loginContext(user, ip));
    await this.identity.resetLoginAttempts(throttleKey(`user:${user.username}`));
    return {
      token,
      session,
      actor: userActor(user, organization),
      mustChangePassword: user.mustChangePassword,
    };
  }

  /**
   * Counts the attempt in the store, so the limit holds across every API process sharing it.
   * Fixed windows: at most `maxAttempts` per `windowMs` from the window's first attempt.
   */
  private async throttle(key: string, now: Date): Promise<void> {
    const { maxAttempts, windowMs } = this.#rateLimit;
    const windowStartsAfter = new Date(now.getTime() - windowMs).toISOString();
    if (now.getTime() - this.#prunedAt >= windowMs) {
      this.#prunedAt = now.getTime();
      await this.identity.pruneLoginAttempts(windowStartsAfter);
    }
    const { attempts, windowStart } = await this.identity.countLoginAttempt(
      throttleKey(key),
      now.toISOString(),
      windowStartsAfter,
    );
    if (attempts > maxAttempts) {
      const retryAfterMs = Date.parse(windowStart) + windowMs - now.getTime();
      throw new RateLimitedError(Math.max(1, Math.ceil(retryAfterMs / 1000)));
    }
  }

  private async recordUnknown(username: string, ip: string | null): Promise<void> {
    const context = {
      actor: { kind: 'anonymous' as const, id: 'anonymous', organizationId: null },
      ip,
    };
    await this.audit.append(context, {
      action: 'session.login',
      targetType: 'username',
      targetId: username || '(empty)',
      outcome: 'failure',
      details: { cause: 'unknown user' },
    });
  }

  private dummyHash(): Promise<string> {
    this.#dummyHash ??= hashPassword(
      'puente-dummy-password',
      this.options.scrypt ?? DEFAULT_SCRYPT_PARAMS,
    );
    return this.#dummyHash;
  }
}

/** Throttle keys are stored hashed: people sometimes type their password as their username. */
function throttleKey(key: string): string {
  return hashToken(key);
}

function loginContext(user: User, ip: string | null): AuditContext {
  return { actor: { kind: 'user', id: user.id, organizationId: user.organizationId }, ip };
}
