/**
 * The storage port the watchlist domain owns. `src/store/` implements it for SQLite and
 * PostgreSQL; the domain never sees SQL.
 *
 * @module
 */
import type { RecordViewer } from '../access/record-viewer.js';
import type { AuditContext } from '../audit/audit-event.js';
import type { ParseReport } from './list-source.js';
import type { WatchlistEntry } from './watchlist-entry.js';

/** A stored, immutable publication of one source. */
export interface Publication {
  /** Store-assigned id, increasing in ingest order. */
  readonly id: number;
  readonly source: string;
  readonly publishedAt: string;
  readonly contentHash: string;
  readonly ingestedAt: string;
  readonly entryCount: number;
  readonly files: readonly string[];
  readonly report: ParseReport;
}

/** A publication about to be stored: its entries with their content hashes. */
export interface NewPublication {
  readonly source: string;
  readonly publishedAt: string;
  readonly contentHash: string;
  readonly ingestedAt: string;
  readonly files: readonly string[];
  readonly report: ParseReport;
  readonly entries: readonly StoredEntryInput[];
}

/** One entry to store, with the hash of its canonical JSON (equal content ⇒ equal hash). */
export interface StoredEntryInput {
  readonly sourceId: string;
  readonly versionHash: string;
  readonly entry: WatchlistEntry;
  /**
   * `canonicalJson(entry)`, when the caller already computed it for `versionHash`. Optional:
   * the store serializes `entry` itself otherwise, which costs about as much as the hashing.
   */
  readonly canonicalJson?: string;
}

/** Which version of an entry a publication holds. */
export interface EntryVersionRef {
  readonly sourceId: string;
  readonly versionHash: string;
}

/** One appearance of an entry in the publications of its source. */
export interface EntryHistoryItem {
  readonly publicationId: number;
  readonly publishedAt: string;
  readonly versionHash: string;
}

/** Result of `savePublication`: the stored publication and whether it was new. */
export interface SavePublicationResult {
  readonly publication: Publication;
  /** False when a publication with the same source and content hash already existed. */
  readonly created: boolean;
}

/** Persistence of watchlist publications. All writes are atomic. */
export interface WatchlistStore {
  /**
   * Stores a publication and its entries in one transaction. Entry versions are shared across
   * publications by `versionHash`. If the source already has a publication with the same
   * `contentHash`, nothing is written and that publication is returned with `created: false`.
   * A failure leaves the store exactly as it was. With `audit`, a `list.ingest` event (whether
   * or not the publication was new) is appended in the same transaction.
   */
  savePublication(
    publication: NewPublication,
    audit?: AuditContext,
  ): Promise<SavePublicationResult>;
  /** Publications, newest `publishedAt` first (ties: newest id first); optionally of one source. */
  listPublications(source?: string): Promise<readonly Publication[]>;
  /** One publication, or undefined. */
  findPublication(id: number): Promise<Publication | undefined>;
  /** The current publication of each source: greatest `publishedAt`, ties broken by greatest id. */
  currentPublications(): Promise<readonly Publication[]>;
  /** The (sourceId, versionHash) pairs a publication holds, in sourceId order. */
  listEntryRefs(publicationId: number): Promise<readonly EntryVersionRef[]>;
  /** Every entry of a publication, in sourceId order. */
  listEntries(publicationId: number): Promise<readonly WatchlistEntry[]>;
  /** One entry of a publication, or undefined. */
  findEntry(publicationId: number, sourceId: string): Promise<WatchlistEntry | undefined>;
  /** Entry versions by hash (for diffs); unknown hashes are absent from the map. */
  findEntryVersions(versionHashes: readonly string[]): Promise<ReadonlyMap<string, WatchlistEntry>>;
  /** Every publication of `source` that holds `sourceId`, oldest first. */
  entryHistory(source: string, sourceId: string): Promise<readonly EntryHistoryItem[]>;
  /**
   * This store as `viewer` sees it: marked entries the viewer may not read, and publications
   * left without entries, do not exist; reads of marked entries are audited.
   */
  visibleTo(viewer: RecordViewer): WatchlistStore;
  /**
   * The entry ids (`<source>:<sourceId>`) of those publications the viewer of this store may
   * read (all of them on an unscoped store); reads of marked ones are audited.
   */
  filterReadable(
    publications: readonly Pick<Publication, 'id' | 'source'>[],
    entryIds: readonly string[],
  ): Promise<ReadonlySet<string>>;
}
