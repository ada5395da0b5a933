/**
 * Who may do what with monitoring records. Every use case asks here first: the actor must hold
 * the permission, and `decideAccess` must allow the action on a record marked as internal to
 * the owning organization (TLP:AMBER+STRICT, released to nobody else). Denies by default. The
 * store scopes every query by organization as well, so a check forgotten here still finds
 * nothing of another organization.
 *
 * @module
 */
import { ACTION_PERMISSION, decideAccess, type AccessAction } from '../access/decide-access.js';
import type { MarkedRecord } from '../access/marking.js';
import { AccessDeniedError } from '../core/errors.js';
import type { Actor } from '../identity/actor.js';
import { requirePermission } from '../identity/actor.js';
import type { Permission } from '../identity/permissions.js';

/** The marking every portfolio, counterparty and alert carries: its organization's only. */
export function organizationRecord(id: string, organizationId: string, actor: Actor): MarkedRecord {
  return {
    id,
    marking: {
      classification: 'unclassified',
      // NOFORN is not set, so the originator's country plays no part in the decision.
      originators: [{ organizationId, country: actor.country }],
      releasableTo: { countries: [], organizations: [] },
      caveats: [],
      tlp: 'AMBER+STRICT',
    },
  };
}

/**
 * Throws unless `actor` holds `permission` and may perform `action` on a record of
 * `organizationId`.
 *
 * @throws AccessDeniedError naming the permission or the reason.
 */
export function requireMonitoringAccess(
  actor: Actor,
  permission: Permission,
  organizationId: string,
  action: AccessAction,
): void {
  requirePermission(actor, permission);
  // The monitoring permission stands for the record permission of the action; decideAccess then
  // applies the marking rules (organization, clearance, releasability) as for any record.
  const scoped: Actor = { ...actor, permissions: new Set([ACTION_PERMISSION[action]]) };
  const decision = decideAccess(
    scoped,
    organizationRecord(organizationId, organizationId, actor),
    action,
  );
  if (!decision.allowed) {
    throw new AccessDeniedError(`not permitted: ${decision.reason}`, { reason: decision.reason });
  }
}
