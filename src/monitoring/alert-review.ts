/**
 * Alert review use cases: list and read alerts, start a review, propose a decision, approve or
 * reject it (a second, different reviewer), assign, set due dates, comment. Every change is
 * stored with a history note and an audit event, at the version the reviewer saw.
 *
 * @module
 */
import type { MarkingStore } from '../access/marking-store.js';
import type { RecordViewer } from '../access/record-viewer.js';
import type { AuditContext } from '../audit/audit-event.js';
import { NotFoundError } from '../core/errors.js';
import type { Actor } from '../identity/actor.js';
import { Permission } from '../identity/permissions.js';
import {
  approveDecision,
  assignAlert,
  proposeDecision,
  rejectDecision,
  requireReason,
  startReview,
  type Alert,
  type AlertChange,
  type AlertDecision,
  type AlertState,
} from './alert.js';
import { requireMonitoringAccess } from './monitoring-access.js';
import type { MonitoringEvents } from './monitoring-events.js';
import type { AlertNote, MonitoringStore } from './monitoring-store.js';

/** Alert filters a caller may set (the organization is always the caller's). */
export interface AlertQuery {
  readonly portfolioId?: number;
  readonly counterpartyId?: number;
  readonly states?: readonly AlertState[];
  readonly assigneeId?: string;
  readonly afterId?: number;
  readonly limit?: number;
}

/**
 * The audit context of an actor's reads when the caller has none at hand (local commands,
 * tests): who, without an address.
 */
export function actorAudit(actor: Actor): AuditContext {
  return { actor: { kind: actor.kind, id: actor.id, organizationId: actor.organizationId } };
}

/**
 * Those of `alerts` whose list entry the viewer may read (markings: `docs/adr/0015`); with
 * `record`, the reads of marked entries are audited.
 */
export async function readableAlerts(
  markings: Pick<MarkingStore, 'readableEntries'>,
  viewer: RecordViewer,
  alerts: readonly Alert[],
  record: boolean,
): Promise<Alert[]> {
  if (alerts.length === 0) {
    return [];
  }
  const readable = await markings.readableEntries(
    viewer,
    alerts.map((a) => a.entryId),
    record,
  );
  return alerts.filter((a) => readable.has(a.entryId));
}

/** Review of alerts. */
export class AlertReview {
  constructor(
    private readonly store: MonitoringStore,
    private readonly events: MonitoringEvents,
    private readonly markings: Pick<MarkingStore, 'readableEntries'>,
  ) {}

  /**
   * The organization's alerts, without those on list entries the actor may not read (a page
   * may then hold fewer than `limit`; page on with `afterId` of the last alert).
   */
  async list(
    actor: Actor,
    query: AlertQuery = {},
    audit: AuditContext = actorAudit(actor),
  ): Promise<readonly Alert[]> {
    requireMonitoringAccess(actor, Permission.AlertRead, actor.organizationId, 'read');
    const alerts = await this.store.listAlerts({ ...query, organizationId: actor.organizationId });
    return readableAlerts(this.markings, { actor, audit }, alerts, true);
  }

  /** One alert with its history; an alert on an entry the actor may not read does not exist. */
  async get(
    actor: Actor,
    id: number,
    audit: AuditContext = actorAudit(actor),
  ): Promise<{ alert: Alert; notes: readonly AlertNote[] }> {
    requireMonitoringAccess(actor, Permission.AlertRead, actor.organizationId, 'read');
    const alert = await this.#find(actor, id, audit);
    return { alert, notes: await this.store.alertNotes(actor.organizationId, id) };
  }

  /** `open` → `in_review`, assigning the alert to the actor when unassigned. */
  startReview(actor: Actor, id: number, audit: AuditContext): Promise<Alert> {
    return this.#change(actor, id, audit, 'review', 'review started', (alert) => ({
      ...startReview(alert),
      ...(alert.assigneeId === null ? { assigneeId: actor.id } : {}),
    }));
  }

  /** First reviewer: proposes confirming or clearing, with a reason. */
  async propose(
    actor: Actor,
    id: number,
    decision: AlertDecision,
    reason: string,
    audit: AuditContext,
  ): Promise<Alert> {
    const at = new Date().toISOString();
    const alert = await this.#change(actor, id, audit, 'propose', `${decision}: ${reason}`, (a) =>
      proposeDecision(a, decision, actor.id, reason, at),
    );
    await this.events.emit({
      type: 'alert.decided',
      alert,
      decision,
      step: 'proposed',
      actorId: actor.id,
    });
    return alert;
  }

  /** Second reviewer: approves the pending decision, which becomes final. */
  async approve(actor: Actor, id: number, reason: string, audit: AuditContext): Promise<Alert> {
    requireMonitoringAccess(actor, Permission.AlertApprove, actor.organizationId, 'update');
    const alert = await this.#change(actor, id, audit, 'approve', `approved: ${reason}`, (a) =>
      approveDecision(a, actor.id, reason),
    );
    const decision = alert.state === 'confirmed' ? 'confirm' : 'clear';
    await this.events.emit({
      type: 'alert.decided',
      alert,
      decision,
      step: 'approved',
      actorId: actor.id,
    });
    return alert;
  }

  /** Second reviewer: rejects the pending decision; the alert stays in review. */
  async reject(actor: Actor, id: number, reason: string, audit: AuditContext): Promise<Alert> {
    requireMonitoringAccess(actor, Permission.AlertApprove, actor.organizationId, 'update');
    let decision: AlertDecision = 'clear';
    const alert = await this.#change(actor, id, audit, 'reject', `rejected: ${reason}`, (a) => {
      decision = a.pending?.decision ?? 'clear';
      return rejectDecision(a, actor.id, reason);
    });
    await this.events.emit({
      type: 'alert.decided',
      alert,
      decision,
      step: 'rejected',
      actorId: actor.id,
    });
    return alert;
  }

  /** Assigns (or unassigns) and sets the due date. */
  assign(
    actor: Actor,
    id: number,
    assigneeId: string | null,
    dueAt: string | null | undefined,
    audit: AuditContext,
  ): Promise<Alert> {
    const text = `assigned to ${assigneeId ?? 'nobody'}${dueAt === undefined ? '' : `, due ${dueAt ?? 'never'}`}`;
    return this.#change(actor, id, audit, 'assign', text, (a) => assignAlert(a, assigneeId, dueAt));
  }

  /** Adds a comment. */
  async comment(actor: Actor, id: number, text: string, audit: AuditContext): Promise<AlertNote> {
    requireMonitoringAccess(actor, Permission.AlertReview, actor.organizationId, 'update');
    const clean = requireReason(text, 'text');
    await this.#find(actor, id);
    return this.store.addAlertNote(
      actor.organizationId,
      id,
      { kind: 'comment', text: clean, actorId: actor.id },
      audit,
    );
  }

  async #change(
    actor: Actor,
    id: number,
    audit: AuditContext,
    kind: string,
    text: string,
    change: (alert: Alert) => AlertChange,
  ): Promise<Alert> {
    requireMonitoringAccess(actor, Permission.AlertReview, actor.organizationId, 'update');
    const alert = await this.#find(actor, id);
    return this.store.updateAlert(
      actor.organizationId,
      id,
      alert.version,
      change(alert),
      { kind, text, actorId: actor.id },
      audit,
    );
  }

  /** The alert, if it exists for the actor; with `audit`, its read is recorded when marked. */
  async #find(actor: Actor, id: number, audit?: AuditContext): Promise<Alert> {
    const found = await this.store.findAlert(actor.organizationId, id);
    const viewer = { actor, audit: audit ?? actorAudit(actor) };
    const [alert] =
      found === undefined
        ? []
        : await readableAlerts(this.markings, viewer, [found], audit !== undefined);
    if (alert === undefined) {
      throw new NotFoundError('alert', String(id));
    }
    return alert;
  }
}
