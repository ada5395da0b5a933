/**
 * Account administration: organizations, users, passwords and TOTP enrolment (service accounts
 * and API keys: `api-key-admin.ts`). Administrators act within their own organization only; a user or key of another
 * organization answers "not found", so its existence does not leak.
 *
 * @module
 */
import type { AuditContext } from '../audit/audit-event.js';
import { AuthenticationError, NotFoundError, ValidationError } from '../core/errors.js';
import { requirePermission } from './actor.js';
import type { Actor } from './actor.js';
import { base32Decode } from './base32.js';
import type { IdentityStore, UserChanges } from './identity-store.js';
import { validateOrganization } from './organization.js';
import type { NewOrganization, Organization } from './organization.js';
import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  validateNewPassword,
  verifyPassword,
} from './password.js';
import type { ScryptParams } from './password.js';
import { Permission } from './permissions.js';
import { matchTotp, newTotpSecret, totpUri } from './totp.js';
import { UNSEALED, openTotpSecret } from './totp-secret-seal.js';
import type { SecretSealer } from './totp-secret-seal.js';
import { normalizeUsername, validateClearance, validateRoles } from './user.js';
import type { User } from './user.js';

/** A new user as an administrator describes it. */
export interface UserRequest {
  readonly organizationId?: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly clearance: string;
  readonly password: string;
}

/** The first organization and administrator. */
export interface BootstrapRequest {
  readonly organization: NewOrganization;
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
}

/**
 * Administration use cases over the identity store.
 *
 * @example
 * const admin = new AccountAdmin(store.identity);
 * await admin.createUser(actor, { username: 'ana', … }, context);
 */
export class AccountAdmin {
  constructor(
    private readonly identity: IdentityStore,
    private readonly scrypt: ScryptParams = DEFAULT_SCRYPT_PARAMS,
    private readonly clock: () => Date = () => new Date(),
    private readonly totpSecrets: () => SecretSealer = () => UNSEALED,
  ) {}

  /** Creates the first organization and administrator; `ConflictError` once anyone exists. */
  async bootstrap(
    request: BootstrapRequest,
    context: AuditContext,
  ): Promise<{ organization: Organization; user: User }> {
    const username = normalizeUsername(request.username);
    validateNewPassword(request.password, username);
    const administrator = {
      username,
      displayName: displayName(request.displayName),
      clearance: 'top-secret' as const,
      passwordHash: await hashPassword(request.password, this.scrypt),
      mustChangePassword: false,
    };
    return this.identity.bootstrap(
      { organization: validateOrganization(request.organization), administrator },
      context,
    );
  }

  /** Creates an organization (`organization.manage`). */
  async createOrganization(
    actor: Actor,
    input: NewOrganization,
    context: AuditContext,
  ): Promise<Organization> {
    requirePermission(actor, Permission.OrganizationManage);
    return await this.identity.createOrganization(validateOrganization(input), context);
  }

  /**
   * Creates a user in the actor's organization, or the first user of an organization that has
   * none yet (how a new agency gets its administrator).
   */
  async createUser(actor: Actor, request: UserRequest, context: AuditContext): Promise<User> {
    requirePermission(actor, Permission.UserManage);
    const organizationId = request.organizationId ?? actor.organizationId;
    if (
      organizationId !== actor.organizationId &&
      (await this.identity.listUsers(organizationId)).length > 0
    ) {
      throw new NotFoundError('organization', organizationId);
    }
    const username = normalizeUsername(request.username);
    validateNewPassword(request.password, username);
    const input = {
      organizationId,
      username,
      displayName: displayName(request.displayName),
      roles: validateRoles(request.roles),
      clearance: validateClearance(request.clearance),
      passwordHash: await hashPassword(request.password, this.scrypt),
      mustChangePassword: true,
    };
    return this.identity.createUser(input, context);
  }

  /** Users of the actor's organization. */
  async listUsers(actor: Actor): Promise<readonly User[]> {
    requirePermission(actor, Permission.UserManage);
    return await this.identity.listUsers(actor.organizationId);
  }

  /** One user of the actor's organization; `NotFoundError` otherwise. */
  async getUser(actor: Actor, userId: string): Promise<User> {
    requirePermission(actor, Permission.UserManage);
    return this.ownUser(actor, userId);
  }

  /** Changes roles, clearance, name or status of a user of the actor's organization. */
  async updateUser(
    actor: Actor,
    userId: string,
    changes: UserChanges,
    context: AuditContext,
  ): Promise<User> {
    requirePermission(actor, Permission.UserManage);
    await this.ownUser(actor, userId);
    const checked: UserChanges = {
      ...(changes.roles === undefined ? {} : { roles: validateRoles(changes.roles) }),
      ...(changes.clearance === undefined
        ? {}
        : { clearance: validateClearance(changes.clearance) }),
      ...(changes.status === undefined ? {} : { status: changes.status }),
      ...(changes.displayName === undefined
        ? {}
        : { displayName: displayName(changes.displayName) }),
    };
    return this.identity.updateUser(userId, checked, context);
  }

  /** Sets a temporary password the user must change at next login; ends their sessions. */
  async resetPassword(
    actor: Actor,
    userId: string,
    password: string,
    context: AuditContext,
  ): Promise<void> {
    requirePermission(actor, Permission.UserManage);
    const user = await this.ownUser(actor, userId);
    validateNewPassword(password, user.username);
    await this.identity.setPassword(
      userId,
      await hashPassword(password, this.scrypt),
      true,
      context,
    );
  }

  /** The actor changes their own password, proving the current one. */
  async changePassword(
    actor: Actor,
    current: string,
    next: string,
    context: AuditContext,
  ): Promise<void> {
    const credentials =
      actor.kind === 'user' ? await this.identity.findCredentials(actor.id) : undefined;
    if (credentials === undefined || !(await verifyPassword(current, credentials.passwordHash))) {
      throw new AuthenticationError('the current password is not correct');
    }
    validateNewPassword(next, actor.name);
    await this.identity.setPassword(
      actor.id,
      await hashPassword(next, this.scrypt),
      false,
      context,
    );
  }

  /** Starts TOTP enrolment: a new secret, shown once, not yet required at login. */
  async enrolTotp(actor: Actor, context: AuditContext): Promise<{ secret: string; uri: string }> {
    const secret = newTotpSecret();
    const sealed = this.totpSecrets().seal(secret);
    await this.identity.setTotp(this.selfUser(actor), sealed, false, null, context);
    return { secret, uri: totpUri(secret, actor.name, 'Puente') };
  }

  /** Confirms enrolment with a current code; from then on login requires a code. */
  async confirmTotp(actor: Actor, code: string, context: AuditContext): Promise<void> {
    const credentials = await this.identity.findCredentials(this.selfUser(actor));
    const secret = credentials?.totpSecret ?? null;
    const step =
      secret === null
        ? undefined
        : matchTotp(
            base32Decode(openTotpSecret(this.totpSecrets(), secret)),
            code,
            this.clock().getTime() / 1000,
          );
    if (secret === null || step === undefined) {
      throw new ValidationError('the code does not match; enrol again or wait for the next code', {
        field: 'code',
      });
    }
    await this.identity.setTotp(actor.id, secret, true, step, context);
  }

  private async ownUser(actor: Actor, userId: string): Promise<User> {
    const user = await this.identity.findUser(userId);
    if (user?.organizationId !== actor.organizationId) {
      throw new NotFoundError('user', userId);
    }
    return user;
  }

  private selfUser(actor: Actor): string {
    if (actor.kind !== 'user') {
      throw new ValidationError('only people enrol a second factor');
    }
    return actor.id;
  }
}

/**
 * Trims a display name and checks its length.
 *
 * @throws ValidationError outside 1–200 characters.
 * @example
 * displayName('  Ana Gómez '); // 'Ana Gómez'
 */
export function displayName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 200) {
    throw new ValidationError('names must be 1 to 200 characters', { field: 'name' });
  }
  return trimmed;
}
