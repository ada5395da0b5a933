/**
 * Who a local CLI command acts as. Commands run with direct database access, so they need no
 * login; the audit trail records the operating-system user instead.
 *
 * @module
 */
import { userInfo } from 'node:os';

import type { AuditContext } from '../audit/audit-event.js';
import type { Actor } from '../identity/actor.js';
import type { Organization } from '../identity/organization.js';
import { Permission } from '../identity/permissions.js';

/**
 * The audit context of the current OS user.
 *
 * @example
 * await store.identity.createOrganization(input, osUserContext());
 */
export function osUserContext(reason?: string): AuditContext {
  return {
    actor: { kind: 'os-user', id: osUserName(), organizationId: null },
    ip: null,
    ...(reason === undefined ? {} : { reason }),
  };
}

/**
 * An administrator actor for `organization`, for account commands run locally.
 *
 * @example
 * await services.accounts.createUser(localAdministrator(org), request, osUserContext());
 */
export function localAdministrator(organization: Organization): Actor {
  return {
    kind: 'user',
    id: `os:${osUserName()}`,
    name: osUserName(),
    organizationId: organization.id,
    organizationKind: organization.kind,
    country: organization.country,
    roles: ['administrator'],
    permissions: new Set([
      Permission.OrganizationManage,
      Permission.UserManage,
      Permission.ApiKeyManage,
      Permission.ListRead,
      Permission.ListIngest,
      Permission.ScreeningRun,
    ]),
    clearance: 'top-secret',
  };
}

function osUserName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? 'unknown';
  }
}
