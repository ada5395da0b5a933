/**
 * The storage port of identities. Every write takes an `AuditContext` and records its audit
 * event in the same transaction as the change, so a change without its event (or an event
 * without its change) cannot exist.
 *
 * @module
 */
import type { AuditContext } from '../audit/audit-event.js';
import type { ClassificationLevel } from '../core/classification.js';
import type { ApiKey, NewApiKey } from './api-key.js';
import type { LockoutState } from './lockout.js';
import type { NewOrganization, Organization } from './organization.js';
import type { Role } from './permissions.js';
import type { Session } from './session.js';
import type { AccountStatus, NewServiceAccount, NewUser, ServiceAccount, User } from './user.js';

/** The secrets and counters of one user, read only by authentication. */
export interface UserCredentials extends LockoutState {
  readonly userId: string;
  readonly passwordHash: string;
  /** Base32 TOTP secret once enrolment started; `User.totpEnabled` says whether it is required. */
  readonly totpSecret: string | null;
  /** Last accepted TOTP time step; a code for this step or an earlier one is a replay. */
  readonly totpLastStep: number | null;
}

/** Changes an administrator can make to a user; absent fields stay as they are. */
export interface UserChanges {
  readonly displayName?: string;
  readonly roles?: readonly Role[];
  readonly clearance?: ClassificationLevel;
  readonly status?: AccountStatus;
}

/** The first organization and administrator. */
export interface BootstrapInput {
  readonly organization: NewOrganization;
  readonly administrator: Omit<NewUser, 'organizationId' | 'roles'>;
}

/** An API key with everything authentication needs, read in one query. */
export interface ApiKeyPrincipal {
  readonly key: ApiKey;
  readonly keyHash: string;
  readonly account: ServiceAccount;
  readonly organization: Organization;
}

/** A session with its user and organization, read in one query. */
export interface SessionPrincipal {
  readonly session: Session;
  readonly user: User;
  readonly organization: Organization;
}

/** Persistence of organizations, users, sessions, service accounts and API keys. */
export interface IdentityStore {
  /**
   * Calls `listener` after every committed audited write of this store object (not after
   * `touch*`), so caches of principals can be dropped at once. Returns the unsubscribe call.
   */
  onChange(listener: () => void): () => void;
  /** The key with its service account and organization, for authentication. */
  findApiKeyPrincipal(id: string): Promise<ApiKeyPrincipal | undefined>;
  /** The session with its user and organization, for authentication. */
  findSessionPrincipal(tokenHash: string): Promise<SessionPrincipal | undefined>;
  /**
   * Creates the first organization and its administrator atomically.
   * @throws ConflictError when any user already exists.
   */
  bootstrap(
    input: BootstrapInput,
    audit: AuditContext,
  ): Promise<{ organization: Organization; user: User }>;
  /** @throws ConflictError when the name is taken. */
  createOrganization(input: NewOrganization, audit: AuditContext): Promise<Organization>;
  findOrganization(id: string): Promise<Organization | undefined>;
  listOrganizations(): Promise<readonly Organization[]>;
  /** @throws ConflictError when the username is taken; NotFoundError for an unknown organization. */
  createUser(input: NewUser, audit: AuditContext): Promise<User>;
  findUser(id: string): Promise<User | undefined>;
  findUserByUsername(username: string): Promise<User | undefined>;
  listUsers(organizationId?: string): Promise<readonly User[]>;
  /** @throws NotFoundError for an unknown user. Disabling ends the user's sessions. */
  updateUser(id: string, changes: UserChanges, audit: AuditContext): Promise<User>;
  /** Replaces the password hash, clears lock-out and ends every session of the user. */
  setPassword(
    id: string,
    passwordHash: string,
    mustChange: boolean,
    audit: AuditContext,
  ): Promise<void>;
  findCredentials(userId: string): Promise<UserCredentials | undefined>;
  /** Stores the lock-out state after a failed login and records the failure. */
  recordLoginFailure(userId: string, state: LockoutState, audit: AuditContext): Promise<void>;
  /** Stores a new session, resets the failure counter and remembers the TOTP step used. */
  startSession(session: Session, totpStep: number | null, audit: AuditContext): Promise<void>;
  findSession(tokenHash: string): Promise<Session | undefined>;
  touchSession(tokenHash: string, at: string): Promise<void>;
  endSession(tokenHash: string, audit: AuditContext): Promise<void>;
  /** Starts (`enabled: false`), confirms (`true`) or removes (`secret: null`) a TOTP factor. */
  setTotp(
    userId: string,
    secret: string | null,
    enabled: boolean,
    step: number | null,
    audit: AuditContext,
  ): Promise<void>;
  createServiceAccount(input: NewServiceAccount, audit: AuditContext): Promise<ServiceAccount>;
  findServiceAccount(id: string): Promise<ServiceAccount | undefined>;
  listServiceAccounts(organizationId?: string): Promise<readonly ServiceAccount[]>;
  createApiKey(input: NewApiKey, audit: AuditContext): Promise<ApiKey>;
  /** The key and its stored hash, for authentication. */
  findApiKey(id: string): Promise<{ readonly key: ApiKey; readonly keyHash: string } | undefined>;
  listApiKeys(serviceAccountId?: string): Promise<readonly ApiKey[]>;
  /** @throws NotFoundError for an unknown key. Revoking twice keeps the first time. */
  revokeApiKey(id: string, at: string, audit: AuditContext): Promise<ApiKey>;
  touchApiKey(id: string, at: string): Promise<void>;
  /**
   * Counts one login attempt of `key` atomically, for every process sharing the store: starts a
   * new window at `now` when the stored one began at or before `windowStartsAfter`. Not audited.
   */
  countLoginAttempt(
    key: string,
    now: string,
    windowStartsAfter: string,
  ): Promise<{ readonly attempts: number; readonly windowStart: string }>;
  /** Forgets the attempts of `key` (after a successful login). */
  resetLoginAttempts(key: string): Promise<void>;
  /** Drops windows that began at or before `before`, so guessed names do not pile up. */
  pruneLoginAttempts(before: string): Promise<void>;
}
