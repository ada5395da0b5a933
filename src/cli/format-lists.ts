/**
 * Human-readable renderings of watchlist results for the CLI.
 *
 * @module
 */
import type { ParseReport } from '../watchlist/list-source.js';
import type { PublicationDiff } from '../watchlist/publication-diff.js';
import type { EntryView, IngestReport, SourceStatus } from '../watchlist/watchlist-service.js';
import type { WatchlistEntry } from '../watchlist/watchlist-entry.js';
import type { Publication } from '../watchlist/watchlist-store.js';
import { formatTable } from './output.js';

const number = (value: number) => value.toLocaleString('en-US');

/** The lines of a parse report. */
export function formatReport(report: ParseReport): string[] {
  const facts = report.facts;
  const percent = report.fragments === 0 ? 0 : (100 * report.unparsedFragments) / report.fragments;
  const warnings = Object.entries(report.warningCounts).map(
    ([code, count]) => `${code} ${number(count)}`,
  );
  return [
    `  facts: aliases ${number(facts.aliases ?? 0)} (weak ${number(facts.weakAliases ?? 0)}), addresses ${number(facts.addresses ?? 0)}, ` +
      `dates of birth ${number(facts.birthDates ?? 0)}, documents ${number(facts.documents ?? 0)}, ` +
      `links ${number(facts.links ?? 0)} (resolved ${number(report.linksResolved)})`,
    `  remark fragments: ${number(report.fragments)}, unparsed ${number(report.unparsedFragments)} (${percent.toFixed(2)}%)`,
    `  warnings: ${warnings.length === 0 ? 'none' : warnings.join(', ')}`,
    ...report.warnings
      .slice(0, 5)
      .map(
        (issue) =>
          `    ${issue.file}${issue.line === undefined ? '' : `:${issue.line}`}: ${issue.message}`,
      ),
  ];
}

/** The result of an ingest. */
export function formatIngest(report: IngestReport): string[] {
  const lines: string[] = [];
  for (const outcome of report.outcomes) {
    const p = outcome.publication;
    lines.push(
      `${p.source} ${p.publishedAt} #${p.id} ${outcome.created ? 'ingested' : 'unchanged (identical content already stored)'}: ` +
        `${number(p.entryCount)} entries from ${outcome.files.join(', ')}`,
      ...formatReport(outcome.report),
    );
  }
  for (const file of report.unclaimed) {
    lines.push(
      `skipped ${file}: no list source recognised it on its own (e.g. alt.csv without its sdn.csv)`,
    );
  }
  return lines;
}

/** Sources and their current publications. */
export function formatStatus(sources: readonly SourceStatus[]): string[] {
  if (sources.length === 0) {
    return ['no lists loaded yet: run `puente lists ingest <file or folder>`'];
  }
  return formatTable(
    ['source', 'current', 'published', 'entries', 'publications', 'ingested'],
    sources.map((s) => [
      s.source,
      `#${s.current.id}`,
      s.current.publishedAt,
      number(s.current.entryCount),
      String(s.publications),
      s.current.ingestedAt,
    ]),
  );
}

/** A publication listing. */
export function formatPublications(publications: readonly Publication[]): string[] {
  return formatTable(
    ['id', 'source', 'published', 'entries', 'content hash', 'files'],
    publications.map((p) => [
      `#${p.id}`,
      p.source,
      p.publishedAt,
      number(p.entryCount),
      p.contentHash.slice(0, 12),
      p.files.join(', '),
    ]),
  );
}

/** A diff, with up to `limit` entries per section. */
export function formatDiff(diff: PublicationDiff, limit: number): string[] {
  const head =
    `${diff.from.source}: #${diff.from.id} (${diff.from.publishedAt}) → #${diff.to.id} (${diff.to.publishedAt}): ` +
    `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`;
  const section = <T>(title: string, items: readonly T[], render: (item: T) => string) =>
    items.length === 0
      ? []
      : [
          title,
          ...items.slice(0, limit).map(render),
          ...(items.length > limit ? [`  … ${items.length - limit} more`] : []),
        ];
  return [
    head,
    ...section(
      'added:',
      diff.added,
      (e) => `  + ${e.entryId}  ${e.name}  [${e.programs.join(', ')}]`,
    ),
    ...section(
      'removed:',
      diff.removed,
      (e) => `  - ${e.entryId}  ${e.name}  [${e.programs.join(', ')}]`,
    ),
    ...section(
      'changed:',
      diff.changed,
      (e) => `  ~ ${e.entryId}  ${e.name}: ${e.changes.map((c) => c.field).join(', ')}`,
    ),
  ];
}

/** An entry with its facts and history. */
export function formatEntry(view: EntryView): string[] {
  const e = view.entry;
  const lines = [
    `${view.entryId}  ${e.name}  (${e.entityType})`,
    `  as of publication #${view.publication.id} (${view.publication.publishedAt})`,
    `  programs: ${e.programs.join(', ') || '—'}`,
    ...factLines(e),
    `  history: ${view.history.map((h) => `#${h.publicationId} ${h.publishedAt}${h.changed ? ' (changed)' : ''}`).join('; ')}`,
  ];
  return lines;
}

function factLines(e: WatchlistEntry): string[] {
  const list = (title: string, values: readonly string[]) =>
    values.length === 0 ? [] : [`  ${title}: ${values.join('; ')}`];
  return [
    ...(e.title === undefined ? [] : [`  title: ${e.title}`]),
    ...list(
      'aliases',
      e.aliases.map((a) => `${a.name} (${a.type}${a.strength === 'weak' ? ', weak' : ''})`),
    ),
    ...list(
      'dates of birth',
      e.birthDates.map((d) => d.text),
    ),
    ...list(
      'places of birth',
      e.birthPlaces.map((d) => d.value),
    ),
    ...list(
      'nationality',
      e.nationalities.map((d) => d.value),
    ),
    ...list(
      'citizenship',
      e.citizenships.map((d) => d.value),
    ),
    ...(e.gender === undefined ? [] : [`  gender: ${e.gender.value}`]),
    ...list(
      'documents',
      e.documents.map(
        (d) =>
          `${d.label} ${d.number}${d.country === undefined ? '' : ` (${d.country})`}${d.checkDigitValid === false ? ' [check digit invalid]' : ''}`,
      ),
    ),
    ...list(
      'addresses',
      e.addresses.map((a) =>
        [a.street, a.city, a.cityStateProvincePostal, a.stateProvince, a.postalCode, a.country]
          .filter(Boolean)
          .join(', '),
      ),
    ),
    ...list(
      'links',
      e.links.map(
        (l) =>
          `${l.relation} ${l.name}${l.targetSourceId === undefined ? '' : ` → ${e.source}:${l.targetSourceId}`}`,
      ),
    ),
    ...list(
      'websites',
      e.websites.map((w) => w.value),
    ),
    ...list(
      'e-mails',
      e.emails.map((w) => w.value),
    ),
    ...list(
      'phones',
      e.phones.map((w) => w.value),
    ),
    ...list(
      'other',
      e.otherFacts.map((f) => `${f.label} ${f.value}`),
    ),
    ...list(
      'unparsed',
      e.unparsed.map((f) => f.text),
    ),
  ];
}
