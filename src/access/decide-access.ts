/**
 * The one access policy. Every read or change of a marked record asks `decideAccess`; it starts
 * from "no" and allows only when every rule below passes.
 *
 * Rules, in order (the first that fails is the reason):
 * 1. the action and the marking are fully understood (anything unknown denies);
 * 2. the actor holds the action's permission;
 * 3. the actor's clearance reaches the classification;
 * 4. NOFORN: the actor's country is the country of every originator;
 * 5. for actors outside the originating organization:
 *    - companies see nothing classified above `unclassified`;
 *    - TLP:RED is never released;
 *    - the record is released to the actor's organization by name, or to its country when the
 *      TLP is CLEAR or GREEN and there is no ORCON (AMBER, AMBER+STRICT and ORCON need the
 *      originator to have named the recipient);
 *    - only originators update, delete or lower the marking;
 *    - export (out of Puente) only for CLEAR or GREEN without ORCON.
 *
 * @module
 */
import { classificationRank, isClassificationLevel } from '../core/classification.js';
import type { Actor } from '../identity/actor.js';
import { Permission } from '../identity/permissions.js';
import { markingProblem } from './marking.js';
import type { MarkedRecord, Marking } from './marking.js';

/** What an actor wants to do with a record. */
export type AccessAction =
  'read' | 'update' | 'delete' | 'export' | 'raise-marking' | 'lower-marking';

/** Every action, for tests and tables. */
export const ACCESS_ACTIONS: readonly AccessAction[] = [
  'read',
  'update',
  'delete',
  'export',
  'raise-marking',
  'lower-marking',
];

/** The permission each action needs. */
export const ACTION_PERMISSION: Readonly<Record<AccessAction, Permission>> = {
  read: Permission.RecordRead,
  update: Permission.RecordWrite,
  delete: Permission.RecordDelete,
  export: Permission.RecordExport,
  'raise-marking': Permission.MarkingRaise,
  'lower-marking': Permission.MarkingLower,
};

/** Why access was allowed or denied; stable, for the audit trail. */
export type AccessReason =
  | 'allowed'
  | 'unknown_action'
  | 'invalid_marking'
  | 'invalid_actor'
  | 'missing_permission'
  | 'insufficient_clearance'
  | 'noforn'
  | 'not_government'
  | 'tlp_red'
  | 'not_releasable'
  | 'not_originator'
  | 'no_further_release';

/** The answer of `decideAccess`. */
export interface AccessDecision {
  readonly allowed: boolean;
  readonly reason: AccessReason;
}

const ORIGINATOR_ONLY: ReadonlySet<AccessAction> = new Set(['update', 'delete', 'lower-marking']);

/**
 * Decides whether `actor` may perform `action` on `record`. Denies by default.
 *
 * @example
 * const { allowed, reason } = decideAccess(actor, record, 'read');
 */
export function decideAccess(
  actor: Actor,
  record: MarkedRecord,
  action: AccessAction,
): AccessDecision {
  const reason = firstFailure(actor, record.marking, action);
  return { allowed: reason === undefined, reason: reason ?? 'allowed' };
}

/**
 * True when every originator of `marking` is the actor's organization.
 *
 * @example
 * isOriginator(actor, record.marking);
 */
export function isOriginator(actor: Actor, marking: Marking): boolean {
  return marking.originators.every((o) => o.organizationId === actor.organizationId);
}

function firstFailure(
  actor: Actor,
  marking: Marking,
  action: AccessAction,
): AccessReason | undefined {
  const permission = (ACTION_PERMISSION as Partial<Record<string, Permission>>)[action];
  if (permission === undefined) {
    return 'unknown_action';
  }
  if (markingProblem(marking) !== undefined) {
    return 'invalid_marking';
  }
  if (!isClassificationLevel(actor.clearance) || !(actor.permissions instanceof Set)) {
    return 'invalid_actor';
  }
  if (!actor.permissions.has(permission)) {
    return 'missing_permission';
  }
  return clearanceFailure(actor, marking) ?? outsiderFailure(actor, marking, action);
}

function clearanceFailure(actor: Actor, marking: Marking): AccessReason | undefined {
  if (classificationRank(actor.clearance) < classificationRank(marking.classification)) {
    return 'insufficient_clearance';
  }
  if (
    marking.caveats.includes('NOFORN') &&
    !marking.originators.every((o) => o.country === actor.country)
  ) {
    return 'noforn';
  }
  return undefined;
}

function outsiderFailure(
  actor: Actor,
  marking: Marking,
  action: AccessAction,
): AccessReason | undefined {
  if (isOriginator(actor, marking)) {
    return undefined;
  }
  if (actor.organizationKind !== 'agency' && marking.classification !== 'unclassified') {
    return 'not_government';
  }
  if (marking.tlp === 'RED') {
    return 'tlp_red';
  }
  if (!isReleasedTo(actor, marking)) {
    return 'not_releasable';
  }
  if (ORIGINATOR_ONLY.has(action)) {
    return 'not_originator';
  }
  return action === 'export' && !isCommunityShareable(marking) ? 'no_further_release' : undefined;
}

function isReleasedTo(actor: Actor, marking: Marking): boolean {
  if (marking.releasableTo.organizations.includes(actor.organizationId)) {
    return true;
  }
  return isCommunityShareable(marking) && marking.releasableTo.countries.includes(actor.country);
}

/** CLEAR or GREEN without ORCON: shareable beyond named recipients. */
function isCommunityShareable(marking: Marking): boolean {
  return (marking.tlp === 'CLEAR' || marking.tlp === 'GREEN') && !marking.caveats.includes('ORCON');
}
