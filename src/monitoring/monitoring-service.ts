/**
 * The monitoring use cases the API and the CLI call: portfolios and counterparties (screened on
 * entry and on change), alert review with four eyes, and re-screening runs — a delta run when
 * the lists change, a full run on demand. Every use case checks access first.
 *
 * @module
 */
import type { MarkingStore } from '../access/marking-store.js';
import type { AuditContext } from '../audit/audit-event.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { Actor } from '../identity/actor.js';
import { Permission } from '../identity/permissions.js';
import type { WatchlistStore } from '../watchlist/watchlist-store.js';
import type { Counterparty, Portfolio } from './counterparty.js';
import { validateCounterparty } from './counterparty.js';
import { loadListSnapshot, sameLists } from './list-snapshots.js';
import type { MonitoringEvents } from './monitoring-events.js';
import { requireMonitoringAccess } from './monitoring-access.js';
import type { MonitoringStore } from './monitoring-store.js';
import {
  parseImport,
  type ColumnMapping,
  type ImportFormat,
  type RowError,
} from './portfolio-import.js';
import { PortfolioIndex } from './portfolio-index.js';
import type { ListVersionRef, RescreenRun } from './rescreen-run.js';
import { MONITORING_SYSTEM, runRescreen, type RescreenDeps } from './run-rescreen.js';
import type { ListSnapshot } from './screen-counterparty.js';
import { AlertReview } from './alert-review.js';

/** Settings of monitoring. */
export interface MonitoringOptions {
  /** Score at which a match raises an alert. */
  readonly threshold: number;
}

/** The outcome of an import. */
export interface ImportReport {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly valid: number;
  readonly invalid: number;
  readonly imported: number;
  readonly errors: readonly RowError[];
  readonly errorsTruncated: boolean;
  readonly alertsRaised: number;
}

/** Monitoring use cases over one store. */
export class MonitoringService {
  readonly review: AlertReview;
  #portfolio: Promise<PortfolioIndex> | undefined;
  #lists: { key: string; snapshot: Promise<ListSnapshot> } | undefined;

  constructor(
    private readonly store: MonitoringStore,
    private readonly watchlist: WatchlistStore,
    private readonly events: MonitoringEvents,
    private readonly options: MonitoringOptions,
    private readonly markings: MarkingStore,
  ) {
    this.review = new AlertReview(store, events, markings);
  }

  /** Creates a portfolio in the actor's organization. */
  async createPortfolio(actor: Actor, name: string, audit: AuditContext): Promise<Portfolio> {
    requireMonitoringAccess(actor, Permission.PortfolioWrite, actor.organizationId, 'update');
    const clean = name.trim();
    if (clean === '' || clean.length > 200) {
      throw new ValidationError('name: 1 to 200 characters', { field: 'name' });
    }
    return this.store.createPortfolio(actor.organizationId, clean, audit);
  }

  /** The organization's portfolios. */
  listPortfolios(actor: Actor): Promise<readonly Portfolio[]> {
    requireMonitoringAccess(actor, Permission.PortfolioRead, actor.organizationId, 'read');
    return this.store.listPortfolios(actor.organizationId);
  }

  /** Deletes a portfolio and its counterparties. */
  async deletePortfolio(actor: Actor, id: number, audit: AuditContext): Promise<void> {
    requireMonitoringAccess(actor, Permission.PortfolioWrite, actor.organizationId, 'delete');
    if (!(await this.store.deletePortfolio(actor.organizationId, id, audit))) {
      throw new NotFoundError('portfolio', String(id));
    }
    this.#portfolio = undefined;
  }

  /** Adds or updates one counterparty (by external id) and screens it. */
  async saveCounterparty(
    actor: Actor,
    portfolioId: number,
    raw: Readonly<Record<string, unknown>>,
    audit: AuditContext,
  ): Promise<{ counterparty: Counterparty; alertsRaised: number }> {
    const result = validateCounterparty(raw);
    if (!result.ok) {
      const first = result.problems[0]!;
      throw new ValidationError(`${first.field}: ${first.message}`, {
        field: first.field,
        problems: result.problems,
      });
    }
    const { saved, alertsRaised } = await this.#save(actor, portfolioId, [result.value], audit);
    return { counterparty: saved[0]!, alertsRaised };
  }

  /** Imports a file into a portfolio; with `dryRun`, only validates and reports. */
  async importCounterparties(
    actor: Actor,
    portfolioId: number,
    file: { text: string; format: ImportFormat; mapping?: ColumnMapping; dryRun?: boolean },
    audit: AuditContext,
  ): Promise<ImportReport> {
    requireMonitoringAccess(actor, Permission.PortfolioWrite, actor.organizationId, 'update');
    await this.#portfolioOf(actor, portfolioId);
    const parsed = parseImport(file.text, file.format, file.mapping);
    const dryRun = file.dryRun === true;
    const outcome =
      dryRun || parsed.valid.length === 0
        ? { saved: [], alertsRaised: 0 }
        : await this.#save(actor, portfolioId, parsed.valid, audit);
    return {
      dryRun,
      rows: parsed.rows,
      valid: parsed.valid.length,
      invalid: parsed.rows - parsed.valid.length,
      imported: outcome.saved.length,
      errors: parsed.errors,
      errorsTruncated: parsed.errorsTruncated,
      alertsRaised: outcome.alertsRaised,
    };
  }

  async #save(
    actor: Actor,
    portfolioId: number,
    inputs: Parameters<MonitoringStore['saveCounterparties']>[2],
    audit: AuditContext,
  ): Promise<{ saved: readonly Counterparty[]; alertsRaised: number }> {
    requireMonitoringAccess(actor, Permission.PortfolioWrite, actor.organizationId, 'update');
    await this.#portfolioOf(actor, portfolioId);
    const { saved, changed } = await this.store.saveCounterparties(
      actor.organizationId,
      portfolioId,
      inputs,
      audit,
    );
    this.#portfolio = undefined;
    let alertsRaised = 0;
    if (changed.length > 0) {
      const run = await this.#startRun('counterparty', actor.organizationId, changed);
      alertsRaised = run.alertsRaised;
    }
    return { saved, alertsRaised };
  }

  async #portfolioOf(actor: Actor, id: number): Promise<Portfolio> {
    const portfolio = await this.store.findPortfolio(actor.organizationId, id);
    if (portfolio === undefined) {
      throw new NotFoundError('portfolio', String(id));
    }
    return portfolio;
  }

  /** One counterparty of the actor's organization. */
  async getCounterparty(actor: Actor, id: number): Promise<Counterparty> {
    requireMonitoringAccess(actor, Permission.PortfolioRead, actor.organizationId, 'read');
    const found = await this.store.findCounterparty(actor.organizationId, id);
    if (found === undefined) {
      throw new NotFoundError('counterparty', String(id));
    }
    return found;
  }

  /** A page of a portfolio's counterparties. */
  async listCounterparties(
    actor: Actor,
    portfolioId: number,
    page: { afterId?: number; limit?: number },
  ): Promise<readonly Counterparty[]> {
    requireMonitoringAccess(actor, Permission.PortfolioRead, actor.organizationId, 'read');
    await this.#portfolioOf(actor, portfolioId);
    return this.store.listCounterparties(actor.organizationId, portfolioId, page);
  }

  /** Deletes a counterparty; its undecided alerts are closed. */
  async deleteCounterparty(actor: Actor, id: number, audit: AuditContext): Promise<void> {
    requireMonitoringAccess(actor, Permission.PortfolioWrite, actor.organizationId, 'delete');
    if (!(await this.store.deleteCounterparty(actor.organizationId, id, audit))) {
      throw new NotFoundError('counterparty', String(id));
    }
    this.#portfolio = undefined;
  }

  /**
   * Brings monitoring up to the current lists: a delta run from the lists of the last finished
   * run (a full run the first time). Returns undefined when nothing changed.
   */
  async syncWithLists(): Promise<RescreenRun | undefined> {
    const current = await this.#currentLists();
    const last = await this.store.lastFinishedGlobalRun();
    if (last !== undefined && sameLists(last.toLists, current)) {
      return undefined;
    }
    const kind = last === undefined ? 'full' : 'delta';
    return this.#startRun(kind, null, null, last?.toLists ?? [], current);
  }

  /** A full re-screen of the actor's organization (or, with `all` and the system, every one). */
  async fullRescreen(actor: Actor, portfolioId?: number): Promise<RescreenRun> {
    requireMonitoringAccess(actor, Permission.RescreenRun, actor.organizationId, 'update');
    if (portfolioId !== undefined) {
      await this.#portfolioOf(actor, portfolioId);
    }
    return this.#startRun(
      'full',
      actor.organizationId,
      null,
      [],
      await this.#currentLists(),
      portfolioId,
    );
  }

  /** A full re-screen of every organization, for operators and the scheduler. */
  async fullRescreenAll(): Promise<RescreenRun> {
    const current = await this.#currentLists();
    const last = await this.store.lastFinishedGlobalRun();
    return this.#startRun('full', null, null, last?.toLists ?? [], current);
  }

  /** Finishes runs a crash or restart interrupted. */
  async resumeUnfinished(): Promise<readonly RescreenRun[]> {
    const runs = [
      ...(await this.store.listRuns({ status: 'running' })),
      ...(await this.store.listRuns({ status: 'pending' })),
    ].sort((a, b) => a.id - b.id);
    const finished: RescreenRun[] = [];
    for (const run of runs) {
      finished.push(await this.runRescreen(run.id));
    }
    return finished;
  }

  /** Runs (or resumes) one run; the job-queue entry point. */
  runRescreen(runId: number): Promise<RescreenRun> {
    return runRescreen(this.rescreenDeps(), runId);
  }

  /** Runs of the actor's organization and the global ones, newest first. */
  async listRuns(actor: Actor): Promise<readonly RescreenRun[]> {
    requireMonitoringAccess(actor, Permission.AlertRead, actor.organizationId, 'read');
    const own = await this.store.listRuns({ organizationId: actor.organizationId });
    const global = await this.store.listRuns({ organizationId: null });
    return [...own, ...global].sort((a, b) => b.id - a.id);
  }

  /** The dependencies of a run, sharing this service's caches. */
  rescreenDeps(): RescreenDeps {
    return {
      store: this.store,
      watchlist: this.watchlist,
      markings: this.markings,
      events: this.events,
      portfolioIndex: () => (this.#portfolio ??= PortfolioIndex.load(this.store)),
      listSnapshot: (refs) => this.#snapshot(refs),
    };
  }

  /** Drops the cached portfolio index (after counterparties were written elsewhere). */
  invalidatePortfolioIndex(): void {
    this.#portfolio = undefined;
  }

  async #startRun(
    kind: RescreenRun['kind'],
    organizationId: string | null,
    counterpartyIds: readonly number[] | null,
    fromLists: readonly ListVersionRef[] = [],
    toLists?: readonly ListVersionRef[],
    portfolioId?: number,
  ): Promise<RescreenRun> {
    const to = toLists ?? (await this.#currentLists());
    const run = await this.store.createRun(
      {
        kind,
        organizationId,
        portfolioId: portfolioId ?? null,
        counterpartyIds,
        fromLists,
        toLists: to,
        threshold: this.options.threshold,
      },
      MONITORING_SYSTEM,
    );
    return this.runRescreen(run.id);
  }

  async #currentLists(): Promise<ListVersionRef[]> {
    return (await this.watchlist.currentPublications()).map((p) => ({
      source: p.source,
      publicationId: p.id,
    }));
  }

  #snapshot(refs: readonly ListVersionRef[]): Promise<ListSnapshot> {
    const key = refs
      .map((r) => `${r.source}#${r.publicationId}`)
      .sort()
      .join(',');
    if (this.#lists?.key !== key) {
      this.#lists = { key, snapshot: loadListSnapshot(this.watchlist, refs) };
    }
    return this.#lists.snapshot;
  }
}
