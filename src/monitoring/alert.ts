/**
 * Alerts and their review. An alert says that one counterparty may be one list entry. Review
 * follows a fixed path: `open` → `in_review` → a reviewer proposes `confirmed` (a true match,
 * escalated) or `cleared` (a false positive) with a reason → a second, different reviewer
 * approves (or rejects) the proposal. Alerts whose entry leaves the lists before a decision are
 * `closed`. The transitions are pure functions; the service stores their result.
 *
 * @module
 */
import { ConflictError, ValidationError } from '../core/errors.js';

/** Where an alert stands. */
export type AlertState = 'open' | 'in_review' | 'confirmed' | 'cleared' | 'closed';

/** Every state, for validation and filters. */
export const ALERT_STATES: readonly AlertState[] = [
  'open',
  'in_review',
  'confirmed',
  'cleared',
  'closed',
];

/** A final decision on an alert. */
export type AlertDecision = 'confirm' | 'clear';

/** States in which an alert still awaits a decision. */
export const ACTIVE_STATES: readonly AlertState[] = ['open', 'in_review'];

/** A decision proposed by one reviewer and waiting for a second. */
export interface PendingDecision {
  readonly decision: AlertDecision;
  readonly by: string;
  readonly reason: string;
  readonly at: string;
}

/** A stored alert. */
export interface Alert {
  readonly id: number;
  readonly organizationId: string;
  readonly portfolioId: number;
  readonly counterpartyId: number;
  /** `<source>:<id>` of the list entry. */
  readonly entryId: string;
  /** Content hash of the entry version that raised the alert. */
  readonly entryVersion: string;
  /** The entry's primary name, for display. */
  readonly entryName: string;
  /** The counterparty name and list name that matched best. */
  readonly matchedName: string;
  readonly score: number;
  /** The re-screening run that raised it. */
  readonly runId: number;
  readonly state: AlertState;
  readonly assigneeId: string | null;
  readonly dueAt: string | null;
  readonly pending: PendingDecision | null;
  /** Who approved the final decision (the second pair of eyes). */
  readonly decidedBy: string | null;
  readonly decisionReason: string | null;
  readonly closedReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Incremented on each change; writes check it so two reviewers cannot both win. */
  readonly version: number;
}

/** What a transition changes. */
export type AlertChange = Partial<
  Pick<
    Alert,
    'state' | 'assigneeId' | 'dueAt' | 'pending' | 'decidedBy' | 'decisionReason' | 'closedReason'
  >
>;

/** Longest reason or comment accepted. */
export const MAX_REASON_LENGTH = 4000;

/** Checks a reason or comment: required, trimmed, bounded. */
export function requireReason(reason: unknown, field = 'reason'): string {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text === '' || text.length > MAX_REASON_LENGTH) {
    throw new ValidationError(
      `${field}: a reason of 1 to ${MAX_REASON_LENGTH} characters is required`,
      {
        field,
      },
    );
  }
  return text;
}

/** Starts the review: `open` → `in_review`. */
export function startReview(alert: Alert): AlertChange {
  requireState(alert, ['open'], 'start a review');
  return { state: 'in_review' };
}

/** First pair of eyes: proposes a decision, which stays pending until approved. */
export function proposeDecision(
  alert: Alert,
  decision: AlertDecision,
  by: string,
  reason: string,
  at: string,
): AlertChange {
  requireState(alert, ['open', 'in_review'], 'propose a decision');
  if (alert.pending !== null) {
    throw new ConflictError(`alert ${alert.id} already has a pending decision`, {
      alertId: alert.id,
    });
  }
  return { state: 'in_review', pending: { decision, by, reason: requireReason(reason), at } };
}

/**
 * Second pair of eyes: approves the pending decision. The approver must not be the proposer.
 */
export function approveDecision(alert: Alert, by: string, reason: string): AlertChange {
  requireState(alert, ['in_review'], 'approve a decision');
  const pending = alert.pending;
  if (pending === null) {
    throw new ConflictError(`alert ${alert.id} has no pending decision`, { alertId: alert.id });
  }
  if (pending.by === by) {
    throw new ConflictError('four-eyes rule: a second, different reviewer must approve', {
      alertId: alert.id,
    });
  }
  return {
    state: pending.decision === 'confirm' ? 'confirmed' : 'cleared',
    pending: null,
    decidedBy: by,
    decisionReason: `${pending.reason} | approved: ${requireReason(reason)}`,
  };
}

/** Second pair of eyes refuses the proposal; the alert returns to review. */
export function rejectDecision(alert: Alert, by: string, reason: string): AlertChange {
  requireState(alert, ['in_review'], 'reject a decision');
  if (alert.pending === null) {
    throw new ConflictError(`alert ${alert.id} has no pending decision`, { alertId: alert.id });
  }
  if (alert.pending.by === by) {
    throw new ConflictError('four-eyes rule: a second, different reviewer must decide', {
      alertId: alert.id,
    });
  }
  requireReason(reason);
  return { pending: null };
}

/** Assigns (or unassigns with null) an undecided alert, optionally with a due date. */
export function assignAlert(
  alert: Alert,
  assigneeId: string | null,
  dueAt: string | null | undefined,
): AlertChange {
  requireState(alert, ACTIVE_STATES, 'assign');
  if (dueAt !== undefined && dueAt !== null && Number.isNaN(Date.parse(dueAt))) {
    throw new ValidationError(`dueAt: not a date: "${dueAt}"`, { field: 'dueAt' });
  }
  return { assigneeId, ...(dueAt === undefined ? {} : { dueAt }) };
}

function requireState(alert: Alert, states: readonly AlertState[], what: string): void {
  if (!states.includes(alert.state)) {
    throw new ConflictError(`cannot ${what}: alert ${alert.id} is ${alert.state}`, {
      alertId: alert.id,
      state: alert.state,
    });
  }
}
