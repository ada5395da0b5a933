/**
 * Executes a re-screening run, chunk by chunk. Each chunk's alerts, best scores and the run's
 * cursor are committed together, so a process killed at any moment loses nothing: calling
 * `runRescreen` again with the same run id skips what was committed and finishes the rest, and
 * the alerts' unique keys make a replayed chunk raise nothing twice. Self-contained (it reads
 * everything it needs from the stores), so a job queue can run it in a worker process.
 *
 * @module
 */
import type { MarkingStore } from '../access/marking-store.js';
import type { AuditContext } from '../audit/audit-event.js';
import { NotFoundError } from '../core/errors.js';
import type { WatchlistStore } from '../watchlist/watchlist-store.js';
import { affectedCounterparties } from './delta-plan.js';
import { loadListChange, loadListSnapshot } from './list-snapshots.js';
import type { MonitoringEvents } from './monitoring-events.js';
import type { Counterparty } from './counterparty.js';
import type { MonitoringStore, ScreenedCounterparty } from './monitoring-store.js';
import { PortfolioIndex } from './portfolio-index.js';
import type { ListVersionRef, RescreenRun } from './rescreen-run.js';
import { screenCounterparty, type ListSnapshot } from './screen-counterparty.js';

/** Counterparties screened and committed together. */
export const DEFAULT_CHUNK_SIZE = 500;

/** The audit identity of runs: the system, for every organization. */
export const MONITORING_SYSTEM: AuditContext = {
  actor: { kind: 'system', id: 'monitoring', organizationId: null },
};

/** What a run needs. The optional caches let a long-lived process reuse its indexes. */
export interface RescreenDeps {
  readonly store: MonitoringStore;
  readonly watchlist: WatchlistStore;
  /** Which marked entries each organization may read: matches on the others raise nothing. */
  readonly markings: Pick<MarkingStore, 'readableByOrganization'>;
  readonly events: MonitoringEvents;
  /** The portfolio index (loaded from the store when absent). */
  readonly portfolioIndex?: () => Promise<PortfolioIndex>;
  /** The list snapshot of the given publications (loaded from the store when absent). */
  readonly listSnapshot?: (refs: readonly ListVersionRef[]) => Promise<ListSnapshot>;
  readonly chunkSize?: number;
  /** Called after each committed chunk (progress reporting; tests use it to stop midway). */
  readonly afterChunk?: (run: RescreenRun, cursor: number) => void | Promise<void>;
}

/** Runs (or resumes) run `runId` to the end and returns it finished. */
export async function runRescreen(deps: RescreenDeps, runId: number): Promise<RescreenRun> {
  const run = await deps.store.findRun(runId);
  if (run === undefined) {
    throw new NotFoundError('re-screening run', String(runId));
  }
  if (run.status === 'done') {
    return run;
  }
  try {
    const lists = await (deps.listSnapshot ?? ((refs) => loadListSnapshot(deps.watchlist, refs)))(
      run.toLists,
    );
    const ids = await plannedIds(deps, run, lists);
    await deps.store.updateRunStatus(run.id, 'running', { planned: ids.length }, MONITORING_SYSTEM);
    await screenChunks(
      deps,
      run,
      lists,
      ids.filter((id) => id > run.cursor),
    );
    await closeRemoved(deps, run);
    await deps.store.updateRunStatus(run.id, 'done', {}, MONITORING_SYSTEM);
  } catch (error) {
    await deps.store.updateRunStatus(
      run.id,
      'failed',
      { error: error instanceof Error ? error.message : String(error) },
      MONITORING_SYSTEM,
    );
    throw error;
  }
  const finished = (await deps.store.findRun(run.id))!;
  await deps.events.emit({ type: 'run.finished', run: finished });
  return finished;
}

/** Every counterparty id the run covers, ascending. */
async function plannedIds(
  deps: RescreenDeps,
  run: RescreenRun,
  lists: ListSnapshot,
): Promise<number[]> {
  switch (run.kind) {
    case 'counterparty':
      return [...(run.counterpartyIds ?? [])].sort((a, b) => a - b);
    case 'full':
      return allIds(deps.store, run);
    case 'delta': {
      const portfolio = await (deps.portfolioIndex ?? (() => PortfolioIndex.load(deps.store)))();
      const change = await loadListChange(deps.watchlist, run.fromLists, run.toLists);
      return affectedCounterparties(portfolio, change, lists.index, run.threshold);
    }
  }
}

async function allIds(store: MonitoringStore, run: RescreenRun): Promise<number[]> {
  const ids: number[] = [];
  const scope = { organizationId: run.organizationId, portfolioId: run.portfolioId };
  const page = 50_000;
  for (let after = 0; ;) {
    const part = await store.counterpartyIdsForRun(scope, after, page);
    ids.push(...part);
    if (part.length < page) {
      return ids;
    }
    after = part[part.length - 1]!;
  }
}

async function screenChunks(
  deps: RescreenDeps,
  run: RescreenRun,
  lists: ListSnapshot,
  ids: readonly number[],
): Promise<void> {
  const size = deps.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const portfolio = deps.portfolioIndex === undefined ? undefined : await deps.portfolioIndex();
  for (let start = 0; start < ids.length; start += size) {
    const chunkIds = ids.slice(start, start + size);
    const counterparties = await deps.store.counterpartiesForRun(chunkIds);
    const screened = await readableMatches(
      deps,
      lists.marked,
      counterparties,
      counterparties.map((c) => screenCounterparty(lists, c, run.threshold)),
    );
    const cursor = chunkIds[chunkIds.length - 1]!;
    const raised = await deps.store.recordChunk(
      { runId: run.id, screened, cursor },
      MONITORING_SYSTEM,
    );
    for (const s of screened) {
      portfolio?.updateBest(s.counterpartyId, s.bestScore);
    }
    for (const alert of raised) {
      await deps.events.emit({ type: 'alert.raised', alert });
    }
    await deps.afterChunk?.(run, cursor);
  }
}

/**
 * Leaves out the matches on entries the counterparty's organization may not read, so an alert
 * (and its notification) never reveals a marked entry (docs/adr/0015-changing-markings.md).
 * The best score keeps them: it only plans later delta runs and is never shown.
 */
async function readableMatches(
  deps: RescreenDeps,
  marked: ReadonlySet<string>,
  counterparties: readonly Counterparty[],
  screened: readonly ScreenedCounterparty[],
): Promise<readonly ScreenedCounterparty[]> {
  const organizationOf = new Map(counterparties.map((c) => [c.id, c.organizationId]));
  const wanted = new Map<string, Set<string>>();
  for (const s of screened) {
    const organizationId = organizationOf.get(s.counterpartyId) ?? '';
    for (const match of s.matches.filter((m) => marked.has(m.entryId))) {
      wanted.set(organizationId, (wanted.get(organizationId) ?? new Set()).add(match.entryId));
    }
  }
  if (wanted.size === 0) {
    // No match on a marked entry (OFAC and UN only): nothing to ask the store.
    return screened;
  }
  const readable = new Map<string, ReadonlySet<string>>();
  for (const [organizationId, entryIds] of wanted) {
    readable.set(
      organizationId,
      await deps.markings.readableByOrganization(organizationId, [...entryIds]),
    );
  }
  return screened.map((s) => {
    const allowed = readable.get(organizationOf.get(s.counterpartyId) ?? '');
    const matches = s.matches.filter(
      (match) => !marked.has(match.entryId) || allowed?.has(match.entryId) === true,
    );
    return matches.length === s.matches.length ? s : { ...s, matches };
  });
}

/** Closes undecided alerts on entries the run's lists no longer hold. */
async function closeRemoved(deps: RescreenDeps, run: RescreenRun): Promise<void> {
  if (run.kind === 'counterparty' || run.fromLists.length === 0) {
    return;
  }
  const change = await loadListChange(deps.watchlist, run.fromLists, run.toLists);
  const closed = await deps.store.closeAlertsForEntries(
    run.id,
    change.removedIds,
    MONITORING_SYSTEM,
  );
  // Closed either way, but announced (to the organization's subscriptions) only when the
  // organization may still read the entry: a raised marking must not travel in a notification.
  const readable = new Map<string, ReadonlySet<string>>();
  for (const organizationId of new Set(closed.map((alert) => alert.organizationId))) {
    const entryIds = closed
      .filter((a) => a.organizationId === organizationId)
      .map((a) => a.entryId);
    readable.set(
      organizationId,
      await deps.markings.readableByOrganization(organizationId, entryIds),
    );
  }
  for (const alert of closed) {
    if (readable.get(alert.organizationId)?.has(alert.entryId) === true) {
      await deps.events.emit({ type: 'alert.closed', alert });
    }
  }
}
