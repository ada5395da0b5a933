/**
 * Message keys of the server's fixed vocabularies: roles, permissions, clearance levels and
 * audit outcomes. Values outside these lists are shown as they come.
 *
 * @module
 */
import type { MessageKey } from '../i18n/messages-en.js';

/** Roles, in the order of src/identity/permissions.ts. */
export const ROLE_KEYS: Readonly<Record<string, MessageKey>> = {
  administrator: 'role.administrator',
  analyst: 'role.analyst',
  'compliance-officer': 'role.compliance-officer',
  reviewer: 'role.reviewer',
  auditor: 'role.auditor',
  'read-only': 'role.read-only',
};

/** Permissions. */
export const PERMISSION_KEYS: Readonly<Record<string, MessageKey>> = {
  'organization.manage': 'permission.organization.manage',
  'user.manage': 'permission.user.manage',
  'api-key.manage': 'permission.api-key.manage',
  'list.read': 'permission.list.read',
  'list.ingest': 'permission.list.ingest',
  'screening.run': 'permission.screening.run',
  'record.read': 'permission.record.read',
  'record.write': 'permission.record.write',
  'record.delete': 'permission.record.delete',
  'record.export': 'permission.record.export',
  'marking.raise': 'permission.marking.raise',
  'marking.lower': 'permission.marking.lower',
  'review.decide': 'permission.review.decide',
  'audit.read': 'permission.audit.read',
  'audit.verify': 'permission.audit.verify',
  'portfolio.read': 'permission.portfolio.read',
  'portfolio.write': 'permission.portfolio.write',
  'alert.read': 'permission.alert.read',
  'alert.review': 'permission.alert.review',
  'alert.approve': 'permission.alert.approve',
};

/** Alert states. */
export const ALERT_STATE_KEYS: Readonly<Record<string, MessageKey>> = {
  open: 'alertState.open',
  in_review: 'alertState.in_review',
  confirmed: 'alertState.confirmed',
  cleared: 'alertState.cleared',
  closed: 'alertState.closed',
};

/** Clearance levels, lowest first. */
export const CLEARANCE_KEYS: Readonly<Record<string, MessageKey>> = {
  unclassified: 'clearance.unclassified',
  restricted: 'clearance.restricted',
  confidential: 'clearance.confidential',
  secret: 'clearance.secret',
  'top-secret': 'clearance.top-secret',
};

/** Audit outcomes. */
export const OUTCOME_KEYS: Readonly<Record<string, MessageKey>> = {
  success: 'audit.outcome.success',
  denied: 'audit.outcome.denied',
  failure: 'audit.outcome.failure',
};

/** A translated vocabulary word, or the word itself when the server sent a new one. */
export function word(
  t: (key: MessageKey) => string,
  keys: Readonly<Record<string, MessageKey>>,
  value: string,
): string {
  const key = keys[value];
  return key === undefined ? value : t(key);
}
