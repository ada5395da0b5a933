/**
 * Parses one planned publication and stores it atomically. Parsing happens entirely before the
 * store is touched, and the store writes the publication in one transaction, so a failed
 * ingest leaves the previous publication current and no reader sees half of a new one.
 *
 * @module
 */
import type { AuditContext } from '../audit/audit-event.js';
import { canonicalJson, sha256Hex } from '../core/hash.js';
import type { ParseReport } from './list-source.js';
import type { PlannedPublication } from './source-registry.js';
import type { Publication, WatchlistStore } from './watchlist-store.js';

/** Options of one ingest. */
export interface IngestOptions {
  readonly publishedAt?: string;
  /** Clock for `ingestedAt`; injected by tests. */
  readonly now?: () => Date;
  readonly onProgress?: (done: number, total: number) => void;
  /** Who ingests; the store then records a `list.ingest` event in the same transaction. */
  readonly audit?: AuditContext;
}

/** The outcome of ingesting one publication. */
export interface IngestOutcome {
  readonly publication: Publication;
  /** False when identical content was already stored: nothing changed. */
  readonly created: boolean;
  /** The report of this parse (equal to the stored one when `created`). */
  readonly report: ParseReport;
  readonly files: readonly string[];
}

/** Parses and stores one publication. Throws the parser's or the store's error unchanged. */
export async function ingestPublication(
  store: WatchlistStore,
  plan: PlannedPublication,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  const parsed = plan.source.parse(plan.files, {
    ...(options.publishedAt === undefined ? {} : { publishedAt: options.publishedAt }),
    ...(plan.sourceId === undefined ? {} : { sourceId: plan.sourceId }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const now = options.now ?? (() => new Date());
  const result = await store.savePublication(
    {
      source: parsed.source,
      publishedAt: parsed.publishedAt,
      contentHash: parsed.contentHash,
      ingestedAt: now().toISOString(),
      files: parsed.files,
      report: parsed.report,
      entries: parsed.entries.map((entry) => {
        // The store keeps this exact text, so it is serialized once for hashing and storage.
        const json = canonicalJson(entry);
        return {
          sourceId: entry.sourceId,
          versionHash: sha256Hex(json),
          canonicalJson: json,
          entry,
        };
      }),
    },
    options.audit,
  );
  return { ...result, report: parsed.report, files: parsed.files };
}
