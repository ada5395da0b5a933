/**
 * Screening over the current publication of every list: keeps one immutable index, notices
 * when the current publications change (an ingest here or in another process) and swaps in a
 * patched index while queries keep using the old one. Every result names the list
 * publications it was screened against, for evidence.
 *
 * @module
 */
import type { WatchlistEntry } from '../watchlist/watchlist-entry.js';
import { entryId } from '../watchlist/watchlist-entry.js';
import { screen } from './screen.js';
import {
  buildScreeningIndex,
  patchScreeningIndex,
  type ScreeningIndex,
} from './screening-index.js';
import type { ScreeningMatch, ScreeningOptions, ScreeningQuery } from './screening-types.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from './screening-options.js';
import { DEFAULT_THRESHOLD } from './threshold.js';

/** The list publication a result was screened against. */
export interface ListVersion {
  readonly source: string;
  readonly publicationId: number;
  readonly publishedAt: string;
  readonly contentHash: string;
}

/** What the index is built from: the current publications and their entries. */
export interface ListSnapshotSource {
  /** Current publications (cheap; polled to notice changes). */
  currentVersions(): Promise<readonly ListVersion[]>;
  /** Entries of the given publications. */
  entriesOf(versions: readonly ListVersion[]): Promise<readonly WatchlistEntry[]>;
}

/** A screening result with its evidence. */
export interface ScreeningResult {
  readonly matches: readonly ScreeningMatch[];
  readonly threshold: number;
  readonly lists: readonly ListVersion[];
  readonly screenedAt: string;
}

interface IndexState {
  readonly index: ScreeningIndex;
  readonly versions: readonly ListVersion[];
  readonly entries: readonly WatchlistEntry[];
  readonly key: string;
  /** Ids of the marked entries (agency lists); most states have none. */
  readonly marked: ReadonlySet<string>;
}

/**
 * Which of these marked entries the caller may see (the store decides and audits the reads;
 * see `WatchlistStore.filterReadable`).
 */
export type ReadableEntries = (
  lists: readonly ListVersion[],
  markedEntryIds: readonly string[],
) => Promise<ReadonlySet<string>>;

/** How often, at most, the current publications are re-read to notice a change. */
const VERSION_CHECK_MS = 1000;

/** Screening use cases with an index kept current. */
export class ScreeningService {
  readonly #source: ListSnapshotSource;
  readonly #now: () => Date;
  #state: Promise<IndexState> | undefined;
  #rebuilding: Promise<IndexState> | undefined;
  #checkedAt = 0;

  constructor(source: ListSnapshotSource, now: () => Date = () => new Date()) {
    this.#source = source;
    this.#now = now;
  }

  /**
   * Screens one party against the current lists. With `readable`, marked entries the caller
   * may not see are left out before the limit applies, as if they were not listed.
   */
  async screen(
    query: ScreeningQuery,
    options: ScreeningOptions = {},
    readable?: ReadableEntries,
  ): Promise<ScreeningResult> {
    const state = await this.#current();
    return {
      matches: await screenVisible(state, query, options, readable),
      threshold: options.threshold ?? DEFAULT_THRESHOLD,
      lists: state.versions,
      screenedAt: this.#now().toISOString(),
    };
  }

  /** The index, entries and versions in use (batch workers build their own from the entries). */
  async snapshot(): Promise<{
    index: ScreeningIndex;
    entries: readonly WatchlistEntry[];
    lists: readonly ListVersion[];
    /** Ids of marked entries: results naming them must pass `ReadableEntries` first. */
    marked: ReadonlySet<string>;
  }> {
    const state = await this.#current();
    const { index, entries, versions: lists, marked } = state;
    return { index, entries, lists, marked };
  }

  /**
   * The entries of the current publications, without building an index when none is built yet:
   * a batch run hands them to worker threads that each build their own.
   */
  async currentEntries(): Promise<readonly WatchlistEntry[]> {
    if (this.#state !== undefined) {
      return (await this.#current()).entries;
    }
    return this.#source.entriesOf(await this.#source.currentVersions());
  }

  /** Forces a re-read of the current publications now (after an ingest in this process). */
  async refresh(): Promise<void> {
    this.#checkedAt = 0;
    await this.#current(true);
  }

  async #current(wait = false): Promise<IndexState> {
    if (this.#state === undefined) {
      this.#state = this.#build(undefined);
      return this.#state;
    }
    const state = await this.#state;
    if (Date.now() - this.#checkedAt < VERSION_CHECK_MS && !wait) {
      return state;
    }
    this.#checkedAt = Date.now();
    const versions = await this.#source.currentVersions();
    if (versionKey(versions) !== state.key && this.#rebuilding === undefined) {
      this.#rebuilding = this.#build(state).finally(() => {
        this.#rebuilding = undefined;
      });
      this.#state = this.#rebuilding;
    }
    // Queries keep the old index until the new one is ready, unless the caller asked to wait.
    return wait ? (this.#rebuilding ?? this.#state) : state;
  }

  async #build(previous: IndexState | undefined): Promise<IndexState> {
    const versions = await this.#source.currentVersions();
    const entries = await this.#source.entriesOf(versions);
    const index =
      previous === undefined ? buildScreeningIndex(entries) : patchIndex(previous, entries);
    this.#checkedAt = Date.now();
    const marked = new Set(entries.filter((e) => e.marking !== undefined).map((e) => entryId(e)));
    return { index, versions, entries, key: versionKey(versions), marked };
  }
}

async function screenVisible(
  state: IndexState,
  query: ScreeningQuery,
  options: ScreeningOptions,
  readable: ReadableEntries | undefined,
): Promise<readonly ScreeningMatch[]> {
  if (readable === undefined || state.marked.size === 0) {
    return screen(state.index, query, options);
  }
  const all = screen(state.index, query, { ...options, limit: MAX_LIMIT });
  const marked = all.filter((match) => state.marked.has(match.entryId)).map((m) => m.entryId);
  const allowed = marked.length === 0 ? new Set<string>() : await readable(state.versions, marked);
  return all
    .filter((match) => !state.marked.has(match.entryId) || allowed.has(match.entryId))
    .slice(0, options.limit ?? DEFAULT_LIMIT);
}

/** Patches with only the entries that differ, so unchanged names are not re-analyzed. */
function patchIndex(previous: IndexState, entries: readonly WatchlistEntry[]): ScreeningIndex {
  const before = new Map(previous.entries.map((entry) => [entryId(entry), entry]));
  const now = new Set(entries.map((entry) => entryId(entry)));
  const added = entries.filter((entry) => before.get(entryId(entry)) !== entry);
  const removed = [...before.keys()].filter((id) => !now.has(id));
  return patchScreeningIndex(previous.index, { added, removed });
}

function versionKey(versions: readonly ListVersion[]): string {
  return versions
    .map((v) => `${v.source}#${v.publicationId}`)
    .sort()
    .join(',');
}
