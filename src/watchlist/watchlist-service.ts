/**
 * The watchlist use cases the API and the CLI call: ingest from paths, uploads or official
 * URLs; status; publications; diffs; entries with their history.
 *
 * @module
 */
import type { RecordViewer } from '../access/record-viewer.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { fetchOfficialFiles, type FetchOptions } from './fetch-official.js';
import { ingestPublication, type IngestOptions, type IngestOutcome } from './ingest-publication.js';
import type { InputFile } from './list-source.js';
import { loadInputFiles, type LoadLimits } from './load-input.js';
import { diffPublications, type PublicationDiff } from './publication-diff.js';
import { OFFICIAL_SOURCES, planIngest, sourceFor } from './source-registry.js';
import type { WatchlistEntry } from './watchlist-entry.js';
import type { EntryHistoryItem, Publication, WatchlistStore } from './watchlist-store.js';

/** Result of an ingest request that may cover several publications. */
export interface IngestReport {
  readonly outcomes: readonly IngestOutcome[];
  /** Files no source recognised (e.g. an alias file without its `sdn.csv`). */
  readonly unclaimed: readonly string[];
}

/** Options for an ingest request. */
export interface IngestRequest extends IngestOptions {
  /** `ofac-sdn`, `un`, or an agency list id; detected when absent. */
  readonly source?: string;
  /** Progress across the publications of the request: (done, total, label). */
  readonly onPublication?: (done: number, total: number, label: string) => void;
}

/** One source and its current publication. */
export interface SourceStatus {
  readonly source: string;
  readonly current: Publication;
  readonly publications: number;
}

/** An entry as of one publication, with its history across the source's publications. */
export interface EntryView {
  readonly entryId: string;
  readonly publication: Publication;
  readonly entry: WatchlistEntry;
  readonly history: readonly (EntryHistoryItem & { readonly changed: boolean })[];
}

/** Collaborators of the service. */
export interface WatchlistServiceDeps {
  readonly store: WatchlistStore;
  readonly limits: LoadLimits;
  readonly fetch: FetchOptions;
  readonly now?: () => Date;
  /**
   * Called after an ingest stored at least one new publication, so that monitoring can
   * re-screen portfolios against the change. Its failure is the listener's to report: the
   * publications are already stored.
   */
  readonly onPublicationsStored?: (publications: readonly Publication[]) => Promise<void>;
}

/** Watchlist use cases over a `WatchlistStore`. */
export class WatchlistService {
  readonly #deps: WatchlistServiceDeps;

  constructor(deps: WatchlistServiceDeps) {
    this.#deps = deps;
  }

  /** The same use cases over what `viewer` may see (marked entries; src/access). */
  visibleTo(viewer: RecordViewer): WatchlistService {
    return new WatchlistService({ ...this.#deps, store: this.#deps.store.visibleTo(viewer) });
  }

  /** Ingests a file or a folder (all publications found, in date order). */
  async ingestPath(path: string, request: IngestRequest = {}): Promise<IngestReport> {
    const files = await loadInputFiles(path, this.#deps.limits);
    return this.ingestFiles(files, request);
  }

  /** Ingests files already in memory (uploads, downloads). */
  async ingestFiles(
    files: readonly InputFile[],
    request: IngestRequest = {},
  ): Promise<IngestReport> {
    const plan = planIngest(files, request.source);
    const outcomes: IngestOutcome[] = [];
    for (const [index, publication] of plan.publications.entries()) {
      const label = publication.files.map((file) => file.name).join(' + ');
      request.onPublication?.(index, plan.publications.length, label);
      outcomes.push(await ingestPublication(this.#deps.store, publication, this.#options(request)));
    }
    request.onPublication?.(plan.publications.length, plan.publications.length, 'done');
    const stored = outcomes.filter((outcome) => outcome.created).map((o) => o.publication);
    if (stored.length > 0) {
      await this.#deps.onPublicationsStored?.(stored);
    }
    return { outcomes, unclaimed: plan.unclaimed.map((file) => file.origin) };
  }

  /** Downloads and ingests the official publication of each source (or of the given ones). */
  async ingestOfficial(
    sourceIds?: readonly string[],
    request: IngestRequest = {},
  ): Promise<IngestReport> {
    const sources = OFFICIAL_SOURCES.filter(
      (source) => sourceIds === undefined || sourceIds.includes(source.id),
    );
    const outcomes: IngestOutcome[] = [];
    for (const source of sources) {
      const files = await fetchOfficialFiles(source.officialDownloads, this.#deps.fetch);
      const report = await this.ingestFiles(files, { ...request, source: source.id });
      outcomes.push(...report.outcomes);
    }
    return { outcomes, unclaimed: [] };
  }

  /** The current publication of every source that has one. */
  async status(): Promise<SourceStatus[]> {
    const [current, all] = await Promise.all([
      this.#deps.store.currentPublications(),
      this.#deps.store.listPublications(),
    ]);
    return current.map((publication) => ({
      source: publication.source,
      current: publication,
      publications: all.filter((item) => item.source === publication.source).length,
    }));
  }

  /** Publications, newest first, optionally of one source. */
  async listPublications(source?: string): Promise<readonly Publication[]> {
    return this.#deps.store.listPublications(source);
  }

  /**
   * Resolves a publication reference: a numeric id, `<source>` or `<source>@latest` (current),
   * `<source>@previous`, or `<source>@<date>` (the newest publication of that date).
   */
  async resolvePublication(ref: string): Promise<Publication> {
    const trimmed = ref.trim();
    if (/^\d+$/.test(trimmed)) {
      return this.#found(await this.#deps.store.findPublication(Number(trimmed)), ref);
    }
    const [source = '', selector = 'latest'] = trimmed.split('@', 2);
    sourceFor(source);
    const publications = await this.#deps.store.listPublications(source);
    if (selector === 'latest') {
      return this.#found(publications[0], ref);
    }
    if (selector === 'previous') {
      return this.#found(publications[1], ref);
    }
    if (!/^\d{4}-\d{2}(-\d{2})?/.test(selector)) {
      throw new ValidationError(
        `invalid publication reference "${ref}": use an id, <source>, <source>@latest, <source>@previous or <source>@YYYY-MM-DD`,
        { field: 'publication' },
      );
    }
    return this.#found(
      publications.find((item) => item.publishedAt.startsWith(selector)),
      ref,
    );
  }

  /** The diff between two publication references of the same source. */
  async diff(fromRef: string, toRef: string): Promise<PublicationDiff> {
    const [from, to] = await Promise.all([
      this.resolvePublication(fromRef),
      this.resolvePublication(toRef),
    ]);
    return diffPublications(this.#deps.store, from, to);
  }

  /**
   * One entry by id (`<source>:<sourceId>`) as of a publication (default: the current one of
   * its source), with its history.
   */
  async showEntry(id: string, at?: string): Promise<EntryView> {
    const { source, sourceId } = parseEntryId(id);
    const publication = await this.resolvePublication(at ?? source);
    if (publication.source !== source) {
      throw new ValidationError(`publication ${publication.id} is not of source ${source}`, {
        field: 'at',
      });
    }
    const entry = await this.#deps.store.findEntry(publication.id, sourceId);
    if (entry === undefined) {
      throw new NotFoundError('entry', `${id} in publication ${publication.id}`);
    }
    const history = await this.#deps.store.entryHistory(source, sourceId);
    return { entryId: id, publication, entry, history: markChanges(history) };
  }

  /** Every entry of the current publication of each source (for building indexes). */
  async currentEntries(): Promise<WatchlistEntry[]> {
    const current = await this.#deps.store.currentPublications();
    const lists = await Promise.all(
      current.map((publication) => this.#deps.store.listEntries(publication.id)),
    );
    return lists.flat();
  }

  /** True when no publication has been stored yet. */
  async isEmpty(): Promise<boolean> {
    return (await this.#deps.store.currentPublications()).length === 0;
  }

  #options(request: IngestRequest): IngestOptions {
    return {
      ...(request.publishedAt === undefined ? {} : { publishedAt: request.publishedAt }),
      ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress }),
      ...(request.audit === undefined ? {} : { audit: request.audit }),
      now: this.#deps.now ?? (() => new Date()),
    };
  }

  #found(publication: Publication | undefined, ref: string): Publication {
    if (publication === undefined) {
      throw new NotFoundError('publication', ref);
    }
    return publication;
  }
}

/** Splits `<source>:<sourceId>`; the source id itself may contain colons. */
export function parseEntryId(id: string): { source: string; sourceId: string } {
  const colon = id.indexOf(':');
  const source = id.slice(0, colon);
  const sourceId = id.slice(colon + 1).trim();
  if (colon <= 0 || sourceId === '') {
    throw new ValidationError(
      `invalid entry id "${id}": expected <source>:<id>, e.g. ofac-sdn:11900`,
      {
        field: 'entryId',
      },
    );
  }
  sourceFor(source);
  return { source, sourceId };
}

function markChanges(
  history: readonly EntryHistoryItem[],
): (EntryHistoryItem & { changed: boolean })[] {
  return history.map((item, index) => ({
    ...item,
    changed: index === 0 || history[index - 1]?.versionHash !== item.versionHash,
  }));
}
