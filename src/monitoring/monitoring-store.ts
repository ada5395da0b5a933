/**
 * The storage port of monitoring. `src/store/` implements it for SQLite and PostgreSQL. Every
 * read a person can reach is scoped by organization id here, in the store, so that no use case
 * can forget the scope; the unscoped reads (`…ForRun`) serve re-screening runs, which act for
 * every organization as the system.
 *
 * @module
 */
import type { AuditContext } from '../audit/audit-event.js';
import type { Alert, AlertChange, AlertState } from './alert.js';
import type { Counterparty, CounterpartyInput, Portfolio } from './counterparty.js';
import type { RescreenRun, RunKind, RunStatus, ListVersionRef } from './rescreen-run.js';

/** A match worth an alert, found by screening one counterparty. */
export interface AlertCandidate {
  readonly counterpartyId: number;
  readonly entryId: string;
  readonly entryVersion: string;
  readonly entryName: string;
  readonly matchedName: string;
  readonly score: number;
}

/** The screening outcome of one counterparty in a run. */
export interface ScreenedCounterparty {
  readonly counterpartyId: number;
  /** Best score of any entry (also below the threshold), for the near-miss set. */
  readonly bestScore: number;
  readonly matches: readonly AlertCandidate[];
}

/** A chunk of a run, written atomically with the run's progress. */
export interface RunChunk {
  readonly runId: number;
  readonly screened: readonly ScreenedCounterparty[];
  /** The run's cursor after this chunk: the highest counterparty id processed. */
  readonly cursor: number;
}

/** Alert filters; the organization is always required. */
export interface AlertFilter {
  readonly organizationId: string;
  readonly portfolioId?: number;
  readonly counterpartyId?: number;
  readonly states?: readonly AlertState[];
  readonly assigneeId?: string;
  readonly afterId?: number;
  readonly limit?: number;
}

/** A comment or a state change in an alert's history. */
export interface AlertNote {
  readonly id: number;
  readonly alertId: number;
  readonly at: string;
  readonly actorId: string;
  readonly kind: string;
  readonly text: string;
}

/** What a new run starts with. */
export interface NewRun {
  readonly kind: RunKind;
  /** Restricts the run to one organization (`null`: every organization). */
  readonly organizationId: string | null;
  readonly portfolioId: number | null;
  readonly counterpartyIds: readonly number[] | null;
  readonly fromLists: readonly ListVersionRef[];
  readonly toLists: readonly ListVersionRef[];
  readonly threshold: number;
}

/** A compact row for building the portfolio index. */
export interface CounterpartyNames {
  readonly id: number;
  readonly kind: Counterparty['kind'];
  readonly names: readonly string[];
  readonly documents: readonly string[];
  readonly bestScore: number;
}

/** Persistence of portfolios, counterparties, alerts and re-screening runs. */
export interface MonitoringStore {
  createPortfolio(organizationId: string, name: string, audit: AuditContext): Promise<Portfolio>;
  listPortfolios(organizationId: string): Promise<readonly Portfolio[]>;
  findPortfolio(organizationId: string, id: number): Promise<Portfolio | undefined>;
  /** Deletes a portfolio with its counterparties; their decided alerts are kept. */
  deletePortfolio(organizationId: string, id: number, audit: AuditContext): Promise<boolean>;

  /**
   * Inserts or updates (by `externalId`) counterparties in one transaction, one audit event per
   * batch. Returns them with ids and versions; unchanged ones keep their version.
   */
  saveCounterparties(
    organizationId: string,
    portfolioId: number,
    inputs: readonly CounterpartyInput[],
    audit: AuditContext,
  ): Promise<{ saved: readonly Counterparty[]; changed: readonly number[] }>;
  findCounterparty(organizationId: string, id: number): Promise<Counterparty | undefined>;
  listCounterparties(
    organizationId: string,
    portfolioId: number,
    page: { afterId?: number; limit?: number },
  ): Promise<readonly Counterparty[]>;
  deleteCounterparty(organizationId: string, id: number, audit: AuditContext): Promise<boolean>;
  countCounterparties(organizationId: string | null): Promise<number>;

  /** Counterparties by id, for runs (unscoped: runs act for every organization). */
  counterpartiesForRun(ids: readonly number[]): Promise<readonly Counterparty[]>;
  /** Every counterparty's names and documents, by ascending id, for the portfolio index. */
  scanCounterpartyNames(afterId: number, limit: number): Promise<readonly CounterpartyNames[]>;
  /** Counterparty ids in a run's scope after `afterId`, ascending. */
  counterpartyIdsForRun(
    scope: { organizationId: string | null; portfolioId: number | null },
    afterId: number,
    limit: number,
  ): Promise<readonly number[]>;

  createRun(run: NewRun, audit: AuditContext): Promise<RescreenRun>;
  findRun(id: number): Promise<RescreenRun | undefined>;
  listRuns(filter: {
    organizationId?: string | null;
    status?: RunStatus;
    limit?: number;
  }): Promise<readonly RescreenRun[]>;
  /** The last finished run over every organization, whose lists are the monitored baseline. */
  lastFinishedGlobalRun(): Promise<RescreenRun | undefined>;
  /** Marks a run running (or failed/done) with totals. */
  updateRunStatus(
    id: number,
    status: RunStatus,
    facts: { planned?: number; error?: string | null },
    audit: AuditContext,
  ): Promise<void>;
  /**
   * Writes one chunk: new alerts (skipping pairs with an undecided or confirmed alert, and pairs
   * cleared for the same entry version), best scores and the run's cursor, in one transaction
   * with an audit event per alert raised. Idempotent: replaying a chunk raises nothing twice.
   */
  recordChunk(chunk: RunChunk, audit: AuditContext): Promise<readonly Alert[]>;
  /** Closes undecided alerts on entries no longer listed; returns the alerts closed. */
  closeAlertsForEntries(
    runId: number,
    entryIds: readonly string[],
    audit: AuditContext,
  ): Promise<readonly Alert[]>;

  listAlerts(filter: AlertFilter): Promise<readonly Alert[]>;
  findAlert(organizationId: string, id: number): Promise<Alert | undefined>;
  /**
   * Applies a change if the alert is still at `expectedVersion`, with a history note and an
   * audit event, in one transaction. Throws `ConflictError` when someone changed it meanwhile.
   */
  updateAlert(
    organizationId: string,
    id: number,
    expectedVersion: number,
    change: AlertChange,
    note: { kind: string; text: string; actorId: string },
    audit: AuditContext,
  ): Promise<Alert>;
  addAlertNote(
    organizationId: string,
    alertId: number,
    note: { kind: string; text: string; actorId: string },
    audit: AuditContext,
  ): Promise<AlertNote>;
  alertNotes(organizationId: string, alertId: number): Promise<readonly AlertNote[]>;
}
