/**
 * Turns monitoring's domain events into notification events, with ids stable enough that an
 * event emitted twice (a resumed run) is delivered once.
 *
 * @module
 */
import type { MonitoringEvent } from '../monitoring/monitoring-events.js';
import type { NotificationEvent } from './notification-event.js';

/**
 * The notification for a monitoring event, or `undefined` when it concerns no single
 * organization (a run over every portfolio).
 *
 * @example
 * const event = notificationFor({ type: 'alert.raised', alert }, new Date());
 */
export function notificationFor(event: MonitoringEvent, now: Date): NotificationEvent | undefined {
  const occurredAt = now.toISOString();
  switch (event.type) {
    case 'alert.raised':
    case 'alert.closed': {
      const { alert } = event;
      const verb = event.type === 'alert.raised' ? 'raised' : 'closed';
      return {
        id: `alert-${alert.id}-${verb}-v${alert.version}`,
        type: event.type,
        organizationId: alert.organizationId,
        occurredAt,
        data: alertFacts(alert),
      };
    }
    case 'alert.decided': {
      const { alert } = event;
      return {
        id: `alert-${alert.id}-${event.step}-v${alert.version}`,
        type: 'alert.decided',
        organizationId: alert.organizationId,
        occurredAt,
        data: {
          ...alertFacts(alert),
          decision: event.decision,
          step: event.step,
          decidedBy: event.actorId,
          reason: alert.decisionReason ?? alert.pending?.reason ?? null,
        },
      };
    }
    case 'run.finished': {
      const { run } = event;
      if (run.organizationId === null) {
        return undefined;
      }
      return {
        id: `run-${run.id}-finished`,
        type: 'rescreen.completed',
        organizationId: run.organizationId,
        occurredAt,
        data: {
          runId: run.id,
          kind: run.kind,
          status: run.status,
          processed: run.processed,
          alertsRaised: run.alertsRaised,
          alertsClosed: run.alertsClosed,
        },
      };
    }
  }
}

function alertFacts(alert: Extract<MonitoringEvent, { alert: unknown }>['alert']) {
  return {
    alertId: alert.id,
    portfolioId: alert.portfolioId,
    counterpartyId: alert.counterpartyId,
    counterpartyName: alert.matchedName,
    entryId: alert.entryId,
    entryName: alert.entryName,
    score: alert.score,
    state: alert.state,
  };
}
