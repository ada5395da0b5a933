/**
 * The JSON encoding of an agency list: `{ "format": "puente-watchlist/1", "source", "label"?,
 * "publishedAt", "entries": [...] }` (docs/list-formats/agency-list.md).
 *
 * @module
 */
import { z } from 'zod';
import { WatchlistParseError } from '../../../core/errors.js';
import type { ReportBuilder } from '../../report-builder.js';
import type { UnparsedFragment } from '../../watchlist-entry.js';
import { isoDatePart } from '../shared/iso-dates.js';
import { LineIndex } from '../shared/text-input.js';
import { agencyEntrySchema, NESTED_OBJECTS, type AgencyField } from './agency-record.js';
import type { Candidate } from './candidates.js';
import { entryOffsets } from './json-offsets.js';

/** The format marker every JSON agency list starts with. */
export const AGENCY_JSON_FORMAT = 'puente-watchlist/1';

const headerSchema = z.object({
  format: z.literal(AGENCY_JSON_FORMAT),
  source: z.string(),
  label: z.string().optional(),
  publishedAt: z.string().refine((value) => isoDatePart(value) !== undefined, {
    message: 'not an ISO date (YYYY-MM-DD) or timestamp',
  }),
  entries: z.array(z.unknown()),
  /** Applies to every entry that has no `marking` of its own. */
  marking: z.unknown().optional(),
});
const HEADER_FIELDS = new Set(Object.keys(headerSchema.shape));
const ENTRY_FIELDS = new Set(Object.keys(agencyEntrySchema.shape));
// V8 reports where JSON broke as "at position N" or, in newer versions, "(line L column C)".
const JSON_POSITION = /at position (\d+)|\(line (\d+) column \d+\)/;
const JSON_CONTEXT = /^Unexpected token '(.)', (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON$/;
const CONTEXT_RADIUS = 10;

/** A JSON list as read: its own header fields and its entries, not yet validated. */
export interface JsonList {
  readonly source: string;
  readonly label?: string;
  readonly publishedAt: string;
  readonly candidates: Candidate[];
}

/** An unknown field found in an entry: its path, its path pattern and its value as text. */
interface UnknownField {
  readonly path: string;
  readonly pattern: string;
  readonly text: string;
}

/** Reads the document and its header; throws `WatchlistParseError` when the file is unusable. */
export function readJsonList(json: string, file: string, report: ReportBuilder): JsonList {
  const lines = new LineIndex(json);
  const document = parseJson(json, file, lines);
  const header = headerSchema.safeParse(document);
  if (!header.success) {
    const issue = header.error.issues[0]!;
    const field = issue.path.map(String).join('.') || 'document';
    throw new WatchlistParseError(`${field}: ${issue.message}`, { file, field });
  }
  warnUnknownHeaderFields(document as Record<string, unknown>, file, report);
  const offsets = entryOffsets(json);
  const warned = new Set<string>();
  const candidates = header.data.entries.map((entry, index) => {
    const value = withListMarking(entry, header.data.marking);
    const offset = offsets[index];
    const line = offset === undefined ? undefined : lines.lineAt(offset);
    return jsonCandidate(value, index, line, { file, report, warned });
  });
  const { source, label, publishedAt } = header.data;
  return label === undefined
    ? { source, publishedAt, candidates }
    : { source, label, publishedAt, candidates };
}

// The list's marking is validated with each entry, so a bad one is reported like any field.
function withListMarking(entry: unknown, marking: unknown): unknown {
  const isObject = typeof entry === 'object' && entry !== null && !Array.isArray(entry);
  return marking === undefined || !isObject || 'marking' in entry ? entry : { ...entry, marking };
}

/** Names a zod path the JSON way: `documents[1].number`. */
export function jsonFieldName(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>((name, part) => {
      if (typeof part === 'number') {
        return `${name}[${part}]`;
      }
      return name === '' ? String(part) : `${name}.${String(part)}`;
    }, '') || 'entry'
  );
}

/** JSON facts come from the field of the same name. */
export function jsonOrigin(field: AgencyField): string {
  return field;
}

function parseJson(json: string, file: string, lines: LineIndex): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    const match = JSON_POSITION.exec(message);
    const line =
      match?.[2] !== undefined
        ? Number(match[2])
        : positionLine(match?.[1] ?? contextPosition(message, json), lines);
    const location = line === undefined ? { file } : { file, line };
    throw new WatchlistParseError(`invalid JSON: ${message}`, location, error);
  }
}

function positionLine(position: string | number | undefined, lines: LineIndex): number | undefined {
  return position === undefined ? undefined : lines.lineAt(Number(position));
}

// "Unexpected token" messages give no position, only the text around the token (ten
// characters either side, `...` where cut, the whole text when short). A cut context that
// occurs once in the text locates the token.
function contextPosition(message: string, json: string): number | undefined {
  const [, token, cutBefore, context, cutAfter] = JSON_CONTEXT.exec(message) ?? [];
  if (token === undefined || context === undefined || (cutBefore ?? cutAfter) === undefined) {
    return undefined;
  }
  const at = json.indexOf(context);
  if (at === -1 || at !== json.lastIndexOf(context)) {
    return undefined;
  }
  return at + (cutBefore === undefined ? Math.max(context.indexOf(token), 0) : CONTEXT_RADIUS);
}

interface UnknownContext {
  readonly file: string;
  readonly report: ReportBuilder;
  /** Path patterns already warned about: each unknown field is reported once per file. */
  readonly warned: Set<string>;
}

function jsonCandidate(
  value: unknown,
  index: number,
  line: number | undefined,
  context: UnknownContext,
): Candidate {
  const unknown = unknownFields(value);
  const unparsed: UnparsedFragment[] = unknown.map(({ path, text }) => ({ text, origin: path }));
  for (const field of unknown) {
    warnUnknownOnce(field.pattern, line, context);
  }
  const position = `entries[${index}]`;
  return { position, value, problems: [], unparsed, ...(line === undefined ? {} : { line }) };
}

// Unknown fields are kept and reported rather than rejected: an entry must not drop out of
// screening because a sender added a field this version does not know.
function unknownFields(value: unknown): UnknownField[] {
  if (!isRecord(value)) {
    return [];
  }
  const top = Object.keys(value)
    .filter((key) => !ENTRY_FIELDS.has(key))
    .map((key) => unknownField(key, key, value[key]));
  const nested = Object.entries(NESTED_OBJECTS).flatMap(([list, schema]) =>
    nestedUnknown(list, new Set(Object.keys(schema.shape)), value[list]),
  );
  return [...top, ...nested];
}

function nestedUnknown(list: string, known: ReadonlySet<string>, items: unknown): UnknownField[] {
  if (!Array.isArray(items)) {
    return [];
  }
  return items.flatMap((item: unknown, index) =>
    isRecord(item)
      ? Object.keys(item)
          .filter((key) => !known.has(key))
          .map((key) => unknownField(`${list}[${index}].${key}`, `${list}[].${key}`, item[key]))
      : [],
  );
}

function unknownField(path: string, pattern: string, value: unknown): UnknownField {
  return { path, pattern, text: typeof value === 'string' ? value : JSON.stringify(value) };
}

function warnUnknownOnce(pattern: string, line: number | undefined, context: UnknownContext): void {
  if (context.warned.has(pattern)) {
    return;
  }
  context.warned.add(pattern);
  context.report.warn({
    code: 'unknown-field',
    message: `unknown entry field ${pattern}: kept as unparsed text (reported once)`,
    file: context.file,
    field: pattern,
    ...(line === undefined ? {} : { line }),
  });
}

function warnUnknownHeaderFields(
  document: Record<string, unknown>,
  file: string,
  report: ReportBuilder,
): void {
  for (const key of Object.keys(document).filter((name) => !HEADER_FIELDS.has(name))) {
    report.warn({
      code: 'unknown-field',
      message: `unknown list field ${key}: ignored`,
      file,
      field: key,
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
