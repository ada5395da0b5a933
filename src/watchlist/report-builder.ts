import { MAX_KEPT_ISSUES, type ParseIssue, type ParseReport } from './list-source.js';
import type { WatchlistEntry } from './watchlist-entry.js';

/**
 * Accumulates warnings and fragment counts while a source parses, then counts the facts of
 * the finished entries. Shared by every source so reports read the same.
 */
export class ReportBuilder {
  #warnings: ParseIssue[] = [];
  #warningCounts: Record<string, number> = {};
  #fragments = 0;
  #unparsedFragments = 0;

  /** Records a non-fatal problem; keeps the first `MAX_KEPT_ISSUES` verbatim. */
  warn(issue: ParseIssue): void {
    this.#warningCounts[issue.code] = (this.#warningCounts[issue.code] ?? 0) + 1;
    if (this.#warnings.length < MAX_KEPT_ISSUES) {
      this.#warnings.push(issue);
    }
  }

  /** Counts remark fragments seen, and how many of them no rule understood. */
  countFragments(seen: number, unparsed: number): void {
    this.#fragments += seen;
    this.#unparsedFragments += unparsed;
  }

  /** Totals the facts of the parsed entries and returns the finished report. */
  build(entries: readonly WatchlistEntry[]): ParseReport {
    const facts: Record<string, number> = {
      aliases: 0,
      weakAliases: 0,
      addresses: 0,
      birthDates: 0,
      birthPlaces: 0,
      nationalities: 0,
      citizenships: 0,
      documents: 0,
      links: 0,
      websites: 0,
      emails: 0,
      phones: 0,
      otherFacts: 0,
    };
    let linksResolved = 0;
    for (const entry of entries) {
      facts.aliases! += entry.aliases.length;
      facts.weakAliases! += entry.aliases.filter((alias) => alias.strength === 'weak').length;
      facts.addresses! += entry.addresses.length;
      facts.birthDates! += entry.birthDates.length;
      facts.birthPlaces! += entry.birthPlaces.length;
      facts.nationalities! += entry.nationalities.length;
      facts.citizenships! += entry.citizenships.length;
      facts.documents! += entry.documents.length;
      facts.links! += entry.links.length;
      facts.websites! += entry.websites.length;
      facts.emails! += entry.emails.length;
      facts.phones! += entry.phones.length;
      facts.otherFacts! += entry.otherFacts.length;
      linksResolved += entry.links.filter((link) => link.targetSourceId !== undefined).length;
    }
    return {
      entries: entries.length,
      facts,
      fragments: this.#fragments,
      unparsedFragments: this.#unparsedFragments,
      linksResolved,
      warningCounts: { ...this.#warningCounts },
      warnings: [...this.#warnings],
    };
  }
}
