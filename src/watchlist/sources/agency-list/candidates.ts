/**
 * Turns entries or rows as read (candidates) into validated watchlist entries: invalid ones are
 * reported and skipped, the first of duplicate ids wins, and links are resolved.
 *
 * @module
 */
import { WatchlistParseError } from '../../../core/errors.js';
import type { ParseOptions } from '../../list-source.js';
import type { ReportBuilder } from '../../report-builder.js';
import type { EntryLink, UnparsedFragment, WatchlistEntry } from '../../watchlist-entry.js';
import { agencyEntrySchema, toWatchlistEntry, type FieldOrigin } from './agency-record.js';

/** A problem with one field of a candidate; `path` as zod reports it. */
export interface FieldProblem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** One entry or row as read, before validation. */
export interface Candidate {
  /** `entries[3]` or `line 5`, for messages. */
  readonly position: string;
  readonly line?: number;
  /** The entry in the JSON shape, to validate. */
  readonly value: unknown;
  /** Problems found while reading (a CSV cell that could not be split). */
  readonly problems: readonly FieldProblem[];
  /** Values of unknown fields or columns, kept verbatim. */
  readonly unparsed: readonly UnparsedFragment[];
}

/** How to build and report entries of one file. */
export interface CollectContext {
  readonly source: string;
  readonly file: string;
  readonly report: ReportBuilder;
  readonly origin: FieldOrigin;
  /** Names a field path the way the file's encoding does (`birthDates[0]`, `birth_dates[0]`). */
  readonly fieldName: (path: readonly PropertyKey[]) => string;
  readonly onProgress?: ParseOptions['onProgress'];
}

interface Kept {
  readonly entry: WatchlistEntry;
  readonly line?: number;
}

/** Validates every candidate; throws `WatchlistParseError` when none is valid. */
export function collectEntries(
  candidates: readonly Candidate[],
  context: CollectContext,
): WatchlistEntry[] {
  const kept = new Map<string, Kept>();
  const rejected: string[] = [];
  candidates.forEach((candidate, index) => {
    const entry = validate(candidate, context, rejected);
    if (entry !== undefined && keepFirst(kept, entry, candidate, context)) {
      const unparsed = candidate.unparsed.length;
      context.report.countFragments(countValues(candidate.value) + unparsed, unparsed);
    }
    context.onProgress?.(index + 1, candidates.length);
  });
  if (kept.size === 0) {
    const first =
      rejected[0] === undefined ? 'the list has no entries' : `first problem: ${rejected[0]}`;
    throw new WatchlistParseError(`no valid entry; ${first}`, { file: context.file });
  }
  return resolveLinks([...kept.values()], context);
}

function validate(
  candidate: Candidate,
  context: CollectContext,
  rejected: string[],
): WatchlistEntry | undefined {
  const result = agencyEntrySchema.safeParse(candidate.value);
  const issues = result.success ? [] : result.error.issues;
  const problems = [
    ...candidate.problems,
    ...issues.filter((issue) => !explained(issue, candidate)),
  ];
  if (!result.success || problems.length > 0) {
    problems.forEach((problem) => {
      rejected.push(reportProblem(candidate, problem, context));
    });
    return undefined;
  }
  const entry = toWatchlistEntry(result.data, context.source, context.origin);
  return candidate.unparsed.length === 0 ? entry : { ...entry, unparsed: candidate.unparsed };
}

// A cell that could not be split also fails validation; its own problem says it better.
function explained(issue: FieldProblem, candidate: Candidate): boolean {
  return candidate.problems.some(({ path }) => path.every((part, at) => issue.path[at] === part));
}

// `entries[3] (K-004): birthDates[0]: not a date`
function reportProblem(
  candidate: Candidate,
  problem: FieldProblem,
  context: CollectContext,
): string {
  const field = context.fieldName(problem.path);
  const message = `${candidate.position} (${idOf(candidate.value)}): ${field}: ${problem.message}; entry skipped`;
  context.report.warn({
    code: 'invalid-entry',
    message,
    file: context.file,
    field,
    ...(candidate.line === undefined ? {} : { line: candidate.line }),
  });
  return message;
}

// An id names one entry; a repeat is an error in the list, so the first one stands.
function keepFirst(
  kept: Map<string, Kept>,
  entry: WatchlistEntry,
  candidate: Candidate,
  context: CollectContext,
): boolean {
  if (!kept.has(entry.sourceId)) {
    kept.set(
      entry.sourceId,
      candidate.line === undefined ? { entry } : { entry, line: candidate.line },
    );
    return true;
  }
  context.report.warn({
    code: 'duplicate-id',
    message: `${candidate.position}: id ${entry.sourceId} appears again; the first entry is kept`,
    file: context.file,
    field: 'id',
    ...(candidate.line === undefined ? {} : { line: candidate.line }),
  });
  return false;
}

function resolveLinks(kept: readonly Kept[], context: CollectContext): WatchlistEntry[] {
  const ids = new Set(kept.map(({ entry }) => entry.sourceId));
  const byName = new Map<string, string[]>();
  for (const { entry } of kept) {
    const key = entry.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), entry.sourceId]);
  }
  return kept.map(({ entry, line }) => {
    if (entry.links.length === 0) {
      return entry;
    }
    const resolve = (link: EntryLink): EntryLink =>
      resolveLink(link, ids, byName, () => {
        warnUnresolved(link, entry, line, context);
      });
    return { ...entry, links: entry.links.map(resolve) };
  });
}

// A stated target must exist; without one, a name that identifies exactly one entry is enough.
function resolveLink(
  link: EntryLink,
  ids: ReadonlySet<string>,
  byName: ReadonlyMap<string, readonly string[]>,
  onUnresolved: () => void,
): EntryLink {
  if (link.targetSourceId !== undefined) {
    if (ids.has(link.targetSourceId)) {
      return link;
    }
    onUnresolved();
    return withoutTarget(link);
  }
  const matches = byName.get(link.name.toLowerCase()) ?? [];
  return matches.length === 1 ? { ...link, targetSourceId: matches[0]! } : link;
}

function withoutTarget(link: EntryLink): EntryLink {
  return { relation: link.relation, name: link.name, text: link.text, origin: link.origin };
}

function warnUnresolved(
  link: EntryLink,
  entry: WatchlistEntry,
  line: number | undefined,
  context: CollectContext,
): void {
  context.report.warn({
    code: 'unresolved-link',
    message: `${entry.sourceId}: link target ${link.targetSourceId ?? ''} is not an entry of this list`,
    file: context.file,
    field: 'links',
    ...(line === undefined ? {} : { line }),
  });
}

function idOf(value: unknown): string {
  const id =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : '?';
}

/** How many scalar values a JSON value holds (for the report's fragment counts). */
function countValues(value: unknown): number {
  if (Array.isArray(value)) {
    return value.reduce((sum: number, item: unknown) => sum + countValues(item), 0);
  }
  if (typeof value === 'object' && value !== null) {
    return countValues(Object.values(value));
  }
  return value === undefined || value === null || value === '' ? 0 : 1;
}
