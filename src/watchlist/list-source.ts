/**
 * The one contract every list source plug-in implements (OFAC SDN legacy CSV, UN consolidated
 * XML, an agency's own list). A source turns raw files into a `ParsedPublication`; it never
 * touches the store, the network or the file system — `load-input.ts` reads files and URLs.
 *
 * @module
 */
import type { WatchlistEntry } from './watchlist-entry.js';

/** One raw input file, already decompressed when it was gzip. */
export interface InputFile {
  /** Base name as found (`sdn.csv`, `sdn-2024-05-03.csv.gz`, `consolidated.xml`). */
  readonly name: string;
  /** Path or URL it was read from, for messages. */
  readonly origin: string;
  /** Bytes after gzip decompression. */
  readonly bytes: Buffer;
  /** Last-modified time when known (file mtime or HTTP Last-Modified), ISO 8601. */
  readonly modifiedAt?: string;
}

/** A problem found while parsing that did not stop the ingest. */
export interface ParseIssue {
  /** Stable kebab-case code, e.g. `orphan-alias`, `bad-date`, `unknown-entity-type`. */
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly line?: number;
  readonly field?: string;
}

/** What a parse produced, for the ingest report. */
export interface ParseReport {
  readonly entries: number;
  /** Counts by fact kind: `aliases`, `addresses`, `birthDates`, `documents`, `links`, … */
  readonly facts: Readonly<Record<string, number>>;
  /** Remark fragments seen and how many stayed unparsed (the issue's < 1% figure). */
  readonly fragments: number;
  readonly unparsedFragments: number;
  /** Links whose target was resolved to an entry of the same publication. */
  readonly linksResolved: number;
  /** Warnings by code, with the first `MAX_KEPT_ISSUES` kept in full. */
  readonly warningCounts: Readonly<Record<string, number>>;
  readonly warnings: readonly ParseIssue[];
}

/** How many warnings a report keeps verbatim; the rest are only counted. */
export const MAX_KEPT_ISSUES = 1000;

/** The output of a source's parse: one publication, not yet stored. */
export interface ParsedPublication {
  readonly source: string;
  /** Publication date as an ISO date (`YYYY-MM-DD`) or timestamp. */
  readonly publishedAt: string;
  /** SHA-256 over the input bytes in a canonical file order (identical content ⇒ same hash). */
  readonly contentHash: string;
  readonly files: readonly string[];
  readonly entries: readonly WatchlistEntry[];
  readonly report: ParseReport;
}

/** Options a caller may pass to a parse. */
export interface ParseOptions {
  /** Overrides the publication date the source would infer. */
  readonly publishedAt?: string;
  /** Source id for agency lists (`--source kingpins-col`); ignored by fixed sources. */
  readonly sourceId?: string;
  /** Called with (done, total) units of work for progress bars. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Where a source publishes its files when online. */
export interface OfficialDownload {
  /** File name the source expects (`sdn.csv`). */
  readonly name: string;
  readonly url: string;
  /** A missing optional file does not fail the download. */
  readonly optional?: boolean;
}

/** A list source plug-in. */
export interface ListSource {
  /** Stable id, used in entry ids: `ofac-sdn`, `un`. Agency lists use their own. */
  readonly id: string;
  readonly label: string;
  /**
   * Groups the given files into publications this source can parse; returns one group per
   * publication (e.g. a folder's `sdn.csv` + `alt.csv` + `add.csv` + `sdn_comments.csv`, or each
   * `sdn-YYYY-MM-DD.csv.gz` alone). Files it does not recognise are left out.
   */
  claim(files: readonly InputFile[]): readonly (readonly InputFile[])[];
  /** Parses one group of files. Throws `WatchlistParseError` when the input cannot be used at all. */
  parse(files: readonly InputFile[], options?: ParseOptions): ParsedPublication;
  /** Official download locations; empty for sources that only read local files. */
  readonly officialDownloads: readonly OfficialDownload[];
}
