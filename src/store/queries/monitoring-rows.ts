/**
 * Row ↔ domain mapping for the monitoring tables.
 *
 * @module
 */
import type { Selectable } from 'kysely';

import type { Alert, AlertState, PendingDecision } from '../../monitoring/alert.js';
import type {
  Counterparty,
  CounterpartyDocument,
  CounterpartyKind,
  Portfolio,
} from '../../monitoring/counterparty.js';
import type { AlertNote } from '../../monitoring/monitoring-store.js';
import type {
  ListVersionRef,
  RescreenRun,
  RunKind,
  RunStatus,
} from '../../monitoring/rescreen-run.js';
import type {
  MonitoringAlertNoteTable,
  MonitoringAlertTable,
  MonitoringCounterpartyTable,
  MonitoringPortfolioTable,
  MonitoringRunTable,
} from './monitoring-tables.js';

/** A portfolio row as a `Portfolio`. */
export function toPortfolio(row: Selectable<MonitoringPortfolioTable>): Portfolio {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    createdAt: row.created_at,
  };
}

/** A counterparty row as a `Counterparty`. */
export function toCounterparty(row: Selectable<MonitoringCounterpartyTable>): Counterparty {
  return {
    id: row.id,
    organizationId: row.organization_id,
    portfolioId: row.portfolio_id,
    externalId: row.external_id,
    kind: row.kind as CounterpartyKind,
    name: row.name,
    aliases: JSON.parse(row.aliases) as string[],
    documents: JSON.parse(row.documents) as CounterpartyDocument[],
    ...(row.dob === null ? {} : { dob: row.dob }),
    ...(row.country === null ? {} : { country: row.country }),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A run row as a `RescreenRun`. */
export function toRun(row: Selectable<MonitoringRunTable>): RescreenRun {
  return {
    id: row.id,
    kind: row.kind as RunKind,
    status: row.status as RunStatus,
    organizationId: row.organization_id,
    portfolioId: row.portfolio_id === null ? null : row.portfolio_id,
    counterpartyIds:
      row.counterparty_ids === null ? null : (JSON.parse(row.counterparty_ids) as number[]),
    fromLists: JSON.parse(row.from_lists) as ListVersionRef[],
    toLists: JSON.parse(row.to_lists) as ListVersionRef[],
    threshold: row.threshold,
    cursor: row.cursor,
    planned: row.planned === null ? null : row.planned,
    processed: row.processed,
    alertsRaised: row.alerts_raised,
    alertsClosed: row.alerts_closed,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    error: row.error,
  };
}

/** An alert row as an `Alert`. */
export function toAlert(row: Selectable<MonitoringAlertTable>): Alert {
  return {
    id: row.id,
    organizationId: row.organization_id,
    portfolioId: row.portfolio_id,
    counterpartyId: row.counterparty_id,
    entryId: row.entry_id,
    entryVersion: row.entry_version,
    entryName: row.entry_name,
    matchedName: row.matched_name,
    score: row.score,
    runId: row.run_id,
    state: row.state as AlertState,
    assigneeId: row.assignee_id,
    dueAt: row.due_at,
    pending: row.pending === null ? null : (JSON.parse(row.pending) as PendingDecision),
    decidedBy: row.decided_by,
    decisionReason: row.decision_reason,
    closedReason: row.closed_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** A note row as an `AlertNote`. */
export function toAlertNote(row: Selectable<MonitoringAlertNoteTable>): AlertNote {
  return {
    id: row.id,
    alertId: row.alert_id,
    at: row.at,
    actorId: row.actor_id,
    kind: row.kind,
    text: row.text,
  };
}
