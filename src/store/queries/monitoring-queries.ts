/**
 * The monitoring port over Kysely, the same for SQLite and PostgreSQL.
 *
 * @module
 */
import type { Kysely } from 'kysely';

import type { AuditContext } from '../../audit/audit-event.js';
import type { AlertChange } from '../../monitoring/alert.js';
import type { CounterpartyInput } from '../../monitoring/counterparty.js';
import type {
  AlertFilter,
  MonitoringStore,
  NewRun,
  RunChunk,
} from '../../monitoring/monitoring-store.js';
import type { RunStatus } from '../../monitoring/rescreen-run.js';
import type { Database } from '../schema.js';
import type { Clock } from './audit-queries.js';
import * as alerts from './monitoring-alert-queries.js';
import * as counterparties from './monitoring-counterparty-queries.js';
import * as runs from './monitoring-run-queries.js';

/**
 * Stores portfolios, counterparties, runs and alerts.
 *
 * @example
 * const monitoring = new MonitoringQueries(db);
 * await monitoring.listAlerts({ organizationId });
 */
export class MonitoringQueries implements MonitoringStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = () => new Date(),
  ) {}

  createPortfolio(organizationId: string, name: string, audit: AuditContext) {
    return counterparties.createPortfolio(this.db, this.clock, organizationId, name, audit);
  }
  listPortfolios(organizationId: string) {
    return counterparties.listPortfolios(this.db, organizationId);
  }
  findPortfolio(organizationId: string, id: number) {
    return counterparties.findPortfolio(this.db, organizationId, id);
  }
  deletePortfolio(organizationId: string, id: number, audit: AuditContext) {
    return counterparties.deletePortfolio(this.db, this.clock, organizationId, id, audit);
  }
  saveCounterparties(
    organizationId: string,
    portfolioId: number,
    inputs: readonly CounterpartyInput[],
    audit: AuditContext,
  ) {
    return counterparties.saveCounterparties(
      this.db,
      this.clock,
      organizationId,
      portfolioId,
      inputs,
      audit,
    );
  }
  findCounterparty(organizationId: string, id: number) {
    return counterparties.findCounterparty(this.db, organizationId, id);
  }
  listCounterparties(
    organizationId: string,
    portfolioId: number,
    page: { afterId?: number; limit?: number },
  ) {
    return counterparties.listCounterparties(this.db, organizationId, portfolioId, page);
  }
  deleteCounterparty(organizationId: string, id: number, audit: AuditContext) {
    return counterparties.deleteCounterparty(this.db, this.clock, organizationId, id, audit);
  }
  countCounterparties(organizationId: string | null) {
    return counterparties.countCounterparties(this.db, organizationId);
  }
  counterpartiesForRun(ids: readonly number[]) {
    return counterparties.counterpartiesForRun(this.db, ids);
  }
  scanCounterpartyNames(afterId: number, limit: number) {
    return counterparties.scanCounterpartyNames(this.db, afterId, limit);
  }
  counterpartyIdsForRun(
    scope: { organizationId: string | null; portfolioId: number | null },
    afterId: number,
    limit: number,
  ) {
    return counterparties.counterpartyIdsForRun(this.db, scope, afterId, limit);
  }
  createRun(run: NewRun, audit: AuditContext) {
    return runs.createRun(this.db, this.clock, run, audit);
  }
  findRun(id: number) {
    return runs.findRun(this.db, id);
  }
  listRuns(filter: { organizationId?: string | null; status?: RunStatus; limit?: number }) {
    return runs.listRuns(this.db, filter);
  }
  lastFinishedGlobalRun() {
    return runs.lastFinishedGlobalRun(this.db);
  }
  updateRunStatus(
    id: number,
    status: RunStatus,
    facts: { planned?: number; error?: string | null },
    audit: AuditContext,
  ) {
    return runs.updateRunStatus(this.db, this.clock, id, status, facts, audit);
  }
  recordChunk(chunk: RunChunk, audit: AuditContext) {
    return alerts.recordChunk(this.db, this.clock, chunk, audit);
  }
  closeAlertsForEntries(runId: number, entryIds: readonly string[], audit: AuditContext) {
    return alerts.closeAlertsForEntries(this.db, this.clock, runId, entryIds, audit);
  }
  listAlerts(filter: AlertFilter) {
    return alerts.listAlerts(this.db, filter);
  }
  findAlert(organizationId: string, id: number) {
    return alerts.findAlert(this.db, organizationId, id);
  }
  updateAlert(
    organizationId: string,
    id: number,
    expectedVersion: number,
    change: AlertChange,
    note: { kind: string; text: string; actorId: string },
    audit: AuditContext,
  ) {
    return alerts.updateAlert(
      this.db,
      this.clock,
      organizationId,
      id,
      expectedVersion,
      change,
      note,
      audit,
    );
  }
  addAlertNote(
    organizationId: string,
    alertId: number,
    note: { kind: string; text: string; actorId: string },
    audit: AuditContext,
  ) {
    return alerts.addAlertNote(this.db, this.clock, organizationId, alertId, note, audit);
  }
  alertNotes(organizationId: string, alertId: number) {
    return alerts.alertNotes(this.db, organizationId, alertId);
  }
}
