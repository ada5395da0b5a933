/**
 * Who is reading, for the store's query layer: every read of marked or organization-owned
 * records takes a `RecordViewer`, so what a viewer may not see never leaves the store. Other
 * domains (monitoring alerts, portfolios, intelligence records) use the same two checks:
 * `canReadMarked` for markings and `canReadOwned` for records that belong to one organization.
 *
 * @module
 */
import type { AuditContext } from '../audit/audit-event.js';
import type { Actor } from '../identity/actor.js';
import type { Organization } from '../identity/organization.js';
import { Permission } from '../identity/permissions.js';
import { decideAccess } from './decide-access.js';
import type { Marking } from './marking.js';

/** An authenticated reader and the audit context its reads of marked records are recorded in. */
export interface RecordViewer {
  readonly actor: Actor;
  readonly audit: AuditContext;
}

/**
 * True when the viewer may read a record with this marking. Unmarked records (`undefined`) are
 * public to everyone who reached the route; marked ones go through `decideAccess`.
 *
 * @example
 * rows.filter((row) => canReadMarked(viewer, row.marking));
 */
export function canReadMarked(viewer: RecordViewer, marking: Marking | undefined): boolean {
  return marking === undefined || decideAccess(viewer.actor, { id: '', marking }, 'read').allowed;
}

/**
 * True when the viewer belongs to the organization that owns a record (a portfolio, an alert).
 * Owned records are never shared across organizations; shared ones carry a marking instead.
 *
 * @example
 * canReadOwned(viewer, portfolio.organizationId);
 */
export function canReadOwned(viewer: RecordViewer, organizationId: string): boolean {
  return organizationId !== '' && viewer.actor.organizationId === organizationId;
}

/**
 * The reader that stands for a whole organization, for records every member with the right
 * permission sees and that are sent to the organization's subscriptions (monitoring alerts):
 * only what the organization releases to itself or is released to, at the lowest clearance,
 * since the least cleared of its readers may see it (docs/adr/0015-changing-markings.md).
 * Its reads are not audited one by one (`audit` names the system acting for it).
 *
 * @example
 * const { readable } = readableBy(organizationReader(org), rows, (row) => row.marking);
 */
export function organizationReader(
  organization: Pick<Organization, 'id' | 'kind' | 'country'>,
): RecordViewer {
  return {
    actor: {
      kind: 'service',
      id: `organization:${organization.id}`,
      name: `organization ${organization.id}`,
      organizationId: organization.id,
      organizationKind: organization.kind,
      country: organization.country,
      roles: [],
      permissions: new Set([Permission.RecordRead]),
      clearance: 'unclassified',
    },
    audit: { actor: { kind: 'system', id: 'monitoring', organizationId: organization.id } },
  };
}
