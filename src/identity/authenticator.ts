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
import { apiKeyProblem } from './api-key.js';
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
import { DEFAULT_SESSION_POLICY, newSession, sessionProblem } from './session.js';
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
  readonly #keys: PrincipalCache<ApiKeyPrincipal>;
  readonly #sessions: PrincipalCache<SessionPrincipal>;
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
    const tokenHash = hashToken(token);
    const found = await this.cached(this.#sessions, tokenHash, now, () =>
      this.identity.findSessionPrincipal(tokenHash),
    );
    if (
      found === undefined ||
      sessionProblem(found.session, now, this.#session) !== undefined ||
      found.user.status !== 'active'
    ) {
      throw new AuthenticationError();
    }
    let { session } = found;
    if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS) {
      await this.identity.touchSession(tokenHash, now.toISOString());
      session = { ...session, lastSeenAt: now.toISOString() };
      this.#sessions.update(tokenHash, { ...found, session });
    }
    return { actor: userActor(found.user, found.organization), session };
  }

  /**
   * The actor of an API key: its service account, scoped to the key's permissions.
   *
   * @throws AuthenticationError for a malformed, unknown, revoked or expired key.
   */
  async authenticateApiKey(key: string): Promise<Actor> {
    const now = this.#clock();
    const id = apiKeyId(key);
    const keyHash = hashToken(key);
    const found =
      id === undefined
        ? undefined
        : await this.cached(
            this.#keys,
            keyHash,
            now,
            () => this.identity.findApiKeyPrincipal(id),
            // Only the key's own hash may become a cache key, so wrong guesses cannot fill it.
            (principal) => safeEqual(keyHash, principal.keyHash),
          );
    if (
      found === undefined ||
      !safeEqual(keyHash, found.keyHash) ||
      apiKeyProblem(found.key, now) !== undefined ||
      found.account.status !== 'active'
    ) {
      throw new AuthenticationError();
    }
    const lastUsed = found.key.lastUsedAt === null ? 0 : Date.parse(found.key.lastUsedAt);
    if (now.getTime() - lastUsed >= TOUCH_INTERVAL_MS) {
      await this.identity.touchApiKey(found.key.id, now.toISOString());
      this.#keys.update(keyHash, {
        ...found,
        key: { ...found.key, lastUsedAt: now.toISOString() },
      });
    }
    return serviceActor(found.account, found.organization, found.key.permissions);
  }

  /** The cached principal of `tokenHash`, else loaded, and cached when found and `belongs`. */
  private async cached<T>(
    cache: PrincipalCache<T>,
    tokenHash: string,
    now: Date,
    load: () => Promise<T | undefined>,
    belongs: (principal: T) => boolean = () => true,
  ): Promise<T | undefined> {
    const hit = cache.get(tokenHash, now.getTime());
    if (hit !== undefined) {
      return hit;
    }
    const generation = cache.generation;
    const loaded = await load();
    if (loaded !== undefined && belongs(loaded)) {
      cache.set(tokenHash, loaded, generation, now.getTime());
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
