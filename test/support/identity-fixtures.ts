/**
 * Small builders for identity and audit tests: audit contexts, organizations, users and
 * markings with sensible defaults.
 *
 * @module
 */
import type { AuditContext } from '../../src/audit/audit-event.js';
import type { NewOrganization } from '../../src/identity/organization.js';
import type { NewUser } from '../../src/identity/user.js';

/** A stored password hash that matches nothing; stores never look inside it. */
export const OPAQUE_PASSWORD_HASH = 'scrypt$10$8$1$c2FsdA==$a2V5';

/** The audit context of a test administrator. */
export function testAudit(
  overrides: Partial<AuditContext['actor']> = {},
  ip = '192.0.2.10',
): AuditContext {
  return {
    actor: { kind: 'user', id: 'admin-1', organizationId: 'org-admin', ...overrides },
    ip,
    reason: 'test',
  };
}

/** An organization input. */
export function testOrganization(
  name = 'DIJIN',
  overrides: Partial<NewOrganization> = {},
): NewOrganization {
  return { name, kind: 'agency', country: 'COL', ...overrides };
}

/** A user input in `organizationId`. */
export function testUser(
  organizationId: string,
  username = 'ana',
  overrides: Partial<NewUser> = {},
): NewUser {
  return {
    organizationId,
    username,
    displayName: username.toUpperCase(),
    roles: ['analyst'],
    clearance: 'secret',
    passwordHash: OPAQUE_PASSWORD_HASH,
    mustChangePassword: false,
    ...overrides,
  };
}
