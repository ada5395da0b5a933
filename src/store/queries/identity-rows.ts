/**
 * Conversions between identity rows and domain objects.
 *
 * @module
 */
import type { Selectable } from 'kysely';

import type { ClassificationLevel } from '../../core/classification.js';
import type { ApiKey } from '../../identity/api-key.js';
import type { UserCredentials } from '../../identity/identity-store.js';
import type { Organization, OrganizationKind } from '../../identity/organization.js';
import type { Permission, Role } from '../../identity/permissions.js';
import type { Session } from '../../identity/session.js';
import type { AccountStatus, ServiceAccount, User } from '../../identity/user.js';
import type {
  ApiKeyTable,
  AppUserTable,
  OrganizationTable,
  ServiceAccountTable,
  UserSessionTable,
} from '../identity-audit-schema.js';

/** Domain organization from its row. */
export function toOrganization(row: Selectable<OrganizationTable>): Organization {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as OrganizationKind,
    country: row.country,
    createdAt: row.created_at,
  };
}

/** Domain user (no secrets) from its row. */
export function toUser(row: Selectable<AppUserTable>): User {
  return {
    id: row.id,
    organizationId: row.organization_id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
    clearance: row.clearance as ClassificationLevel,
    status: row.status as AccountStatus,
    mustChangePassword: row.must_change_password === 1,
    totpEnabled: row.totp_enabled === 1,
    createdAt: row.created_at,
  };
}

/** The secrets and counters of a user from its row. */
export function toCredentials(row: Selectable<AppUserTable>): UserCredentials {
  return {
    userId: row.id,
    passwordHash: row.password_hash,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    totpSecret: row.totp_secret,
    totpLastStep: row.totp_last_step,
  };
}

/** Domain session from its row. */
export function toSession(row: Selectable<UserSessionTable>): Session {
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    ip: row.ip,
  };
}

/** Domain service account from its row. */
export function toServiceAccount(row: Selectable<ServiceAccountTable>): ServiceAccount {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    clearance: row.clearance as ClassificationLevel,
    status: row.status as AccountStatus,
    createdAt: row.created_at,
  };
}

/** Domain API key (no hash) from its row. */
export function toApiKey(row: Selectable<ApiKeyTable>): ApiKey {
  return {
    id: row.id,
    serviceAccountId: row.service_account_id,
    name: row.name,
    permissions: JSON.parse(row.permissions) as Permission[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
