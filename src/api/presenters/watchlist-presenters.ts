/**
 * Shapes domain results for HTTP responses (and the CLI's `--json`), so both edges print the
 * same documents.
 *
 * @module
 */
import type { PublicationDiff } from '../../watchlist/publication-diff.js';
import type { IngestReport } from '../../watchlist/watchlist-service.js';

/** A diff with its counts first. */
export function presentDiff(diff: PublicationDiff) {
  return {
    from: diff.from,
    to: diff.to,
    counts: {
      added: diff.added.length,
      removed: diff.removed.length,
      changed: diff.changed.length,
      unchanged: diff.unchanged,
    },
    added: diff.added,
    removed: diff.removed,
    changed: diff.changed,
  };
}

/** The outcome of an ingest request. */
export function presentIngest(report: IngestReport) {
  return {
    publications: report.outcomes.map((outcome) => ({
      created: outcome.created,
      publication: outcome.publication,
    })),
    unclaimed: report.unclaimed,
  };
}
