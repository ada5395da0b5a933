/**
 * Roles and the permissions they grant. The table is the only place a role's rights are
 * written; every check asks for a `Permission`, never for a role name.
 *
 * @module
 */

/** Every permission in the product. */
export const Permission = {
  OrganizationManage: 'organization.manage',
  UserManage: 'user.manage',
  ApiKeyManage: 'api-key.manage',
  ListRead: 'list.read',
  ListIngest: 'list.ingest',
  ScreeningRun: 'screening.run',
  RecordRead: 'record.read',
  RecordWrite: 'record.write',
  RecordDelete: 'record.delete',
  RecordExport: 'record.export',
  MarkingRaise: 'marking.raise',
  MarkingLower: 'marking.lower',
  ReviewDecide: 'review.decide',
  AuditRead: 'audit.read',
  AuditVerify: 'audit.verify',
  PortfolioRead: 'portfolio.read',
  PortfolioWrite: 'portfolio.write',
  AlertRead: 'alert.read',
  AlertReview: 'alert.review',
  AlertApprove: 'alert.approve',
  RescreenRun: 'rescreen.run',
} as const;

/** One permission, e.g. `list.read`. */
export type Permission = (typeof Permission)[keyof typeof Permission];

/** All permissions, in declaration order. */
export const PERMISSIONS: readonly Permission[] = Object.values(Permission);

/** The roles a person can hold. */
export const ROLES = [
  'administrator',
  'analyst',
  'compliance-officer',
  'reviewer',
  'auditor',
  'read-only',
] as const;

/** One role. */
export type Role = (typeof ROLES)[number];

const P = Permission;

/**
 * What each role may do. Administrators manage accounts but read no intelligence records and no
 * audit trail (separation of duties: whoever grants access is not whoever checks its use).
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  administrator: [
    P.OrganizationManage,
    P.UserManage,
    P.ApiKeyManage,
    P.ListRead,
    P.ListIngest,
    P.ScreeningRun,
    P.AuditVerify,
  ],
  analyst: [
    P.ListRead,
    P.ListIngest,
    P.ScreeningRun,
    P.RecordRead,
    P.RecordWrite,
    P.RecordDelete,
    P.RecordExport,
    P.MarkingRaise,
    P.MarkingLower,
    P.PortfolioRead,
    P.PortfolioWrite,
    P.AlertRead,
    P.AlertReview,
  ],
  'compliance-officer': [
    P.ListRead,
    P.ScreeningRun,
    P.RecordRead,
    P.RecordWrite,
    P.RecordExport,
    P.MarkingRaise,
    P.PortfolioRead,
    P.PortfolioWrite,
    P.AlertRead,
    P.AlertReview,
    P.AlertApprove,
    P.RescreenRun,
  ],
  reviewer: [
    P.ListRead,
    P.ScreeningRun,
    P.RecordRead,
    P.MarkingRaise,
    P.ReviewDecide,
    P.PortfolioRead,
    P.AlertRead,
    P.AlertReview,
    P.AlertApprove,
  ],
  auditor: [P.ListRead, P.RecordRead, P.AuditRead, P.AuditVerify, P.PortfolioRead, P.AlertRead],
  'read-only': [P.ListRead, P.RecordRead, P.PortfolioRead, P.AlertRead],
};

/**
 * True for one of `ROLES`.
 *
 * @example
 * isRole('analyst'); // true
 */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * True for one of `PERMISSIONS`.
 *
 * @example
 * isPermission('list.read'); // true
 */
export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/**
 * The union of the permissions of `roles`. Unknown role names grant nothing.
 *
 * @example
 * permissionsOf(['reviewer']).has(Permission.ReviewDecide); // true
 */
export function permissionsOf(roles: readonly string[]): ReadonlySet<Permission> {
  return new Set(roles.filter(isRole).flatMap((role) => ROLE_PERMISSIONS[role]));
}
