/**
 * The authenticated principal of a request or command: who, for which organization, with which
 * permissions. Built once at authentication; every access decision reads only this.
 *
 * @module
 */
import type { ClassificationLevel } from '../core/classification.js';
import { AccessDeniedError } from '../core/errors.js';
import type { Organization, OrganizationKind } from './organization.js';
import { permissionsOf } from './permissions.js';
import type { Permission, Role } from './permissions.js';
import type { ServiceAccount, User } from './user.js';

/** A person, or a system acting through an API key. */
export type ActorKind = 'user' | 'service';

/** An authenticated principal. */
export interface Actor {
  readonly kind: ActorKind;
  readonly id: string;
  /** Username or service-account name, for audit and display. */
  readonly name: string;
  readonly organizationId: string;
  readonly organizationKind: OrganizationKind;
  /** ISO 3166-1 alpha-3 country of the organization. */
  readonly country: string;
  readonly roles: readonly Role[];
  readonly permissions: ReadonlySet<Permission>;
  readonly clearance: ClassificationLevel;
}

/**
 * The actor of a logged-in user: the union of the user's roles' permissions.
 *
 * @example
 * const actor = userActor(user, organization);
 */
export function userActor(user: User, organization: Organization): Actor {
  return {
    kind: 'user',
    id: user.id,
    name: user.username,
    organizationId: organization.id,
    organizationKind: organization.kind,
    country: organization.country,
    roles: user.roles,
    permissions: permissionsOf(user.roles),
    clearance: user.clearance,
  };
}

/**
 * The actor of an API key: exactly the key's scope, no roles.
 *
 * @example
 * const actor = serviceActor(account, organization, key.permissions);
 */
export function serviceActor(
  account: ServiceAccount,
  organization: Organization,
  permissions: readonly Permission[],
): Actor {
  return {
    kind: 'service',
    id: account.id,
    name: account.name,
    organizationId: organization.id,
    organizationKind: organization.kind,
    country: organization.country,
    roles: [],
    permissions: new Set(permissions),
    clearance: account.clearance,
  };
}

/**
 * Throws unless the actor holds `permission`.
 *
 * @throws AccessDeniedError naming the missing permission.
 * @example
 * requirePermission(actor, Permission.UserManage);
 */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) {
    throw new AccessDeniedError(`requires the ${permission} permission`, { permission });
  }
}
