/**
 * Reads batch screening input: CSV with a header (`name` required; `dob`, `country`,
 * `document`, `type` optional; other columns are carried through as the row's own id/fields)
 * or JSON lines with the same keys. The file is cut into chunks of whole records
 * (`batch-chunks.ts`) that worker threads parse here, so parsing runs on every core; every row
 * carries its line number in the file, and a bad row becomes an error row, not a failure.
 *
 * @module
 */
import { parse } from 'csv-parse/sync';
import { ValidationError } from '../../core/errors.js';
import type { EntityType } from '../../watchlist/watchlist-entry.js';
import type { ScreeningQuery } from '../screening-types.js';
import { parsePlainCsv } from './fast-csv.js';

/** One input row: a query to screen, or the reason it cannot be screened. */
export type BatchRow =
  | { readonly line: number; readonly query: ScreeningQuery; readonly ref?: string }
  | { readonly line: number; readonly error: string; readonly ref?: string };

/** Input formats. */
export type BatchInputFormat = 'csv' | 'jsonl';

/** Where a chunk of whole records sits in its file, and how to read it. */
export interface ChunkSource {
  /** The input file, for error messages. */
  readonly path: string;
  readonly format: BatchInputFormat;
  /** Line of the file on which the chunk's text starts (1-based). */
  readonly firstLine: number;
  /** CSV column names from the header (lower case); absent for JSON lines. */
  readonly columns?: readonly string[];
}

const ENTITY_TYPES: readonly EntityType[] = ['individual', 'entity', 'vessel', 'aircraft'];
const KNOWN_COLUMNS = new Set(['name', 'dob', 'country', 'document', 'type', 'id', 'ref']);

/** Detects the format from the file name: `.jsonl`/`.ndjson`/`.json` → JSON lines, else CSV. */
export function batchFormat(path: string): BatchInputFormat {
  return /\.(jsonl|ndjson|json)$/i.test(path) ? 'jsonl' : 'csv';
}

/**
 * Parses a chunk of whole records. Throws `ValidationError` naming the file line when the CSV is
 * malformed (an unclosed quote, …); a JSON line that does not parse is an error row.
 */
export function parseBatchChunk(text: string, source: ChunkSource): BatchRow[] {
  return source.format === 'jsonl' ? parseJsonLines(text, source) : parseCsv(text, source);
}

const CSV_OPTIONS = {
  bom: true,
  info: true,
  skip_empty_lines: true,
  relax_column_count: true,
  trim: true,
} as const;

/** A CSV record as `info: true` returns it. */
interface CsvRecord {
  readonly record: Record<string, string>;
  readonly info: { readonly lines: number };
}

function parseCsv(text: string, source: ChunkSource): BatchRow[] {
  const offset = source.firstLine - 1;
  const plain = parsePlainCsv(text, source.columns ?? []);
  if (plain !== undefined) {
    return plain.map((r) => toRow(offset + r.line, r.record));
  }
  try {
    const records = parse<CsvRecord>(text, {
      ...CSV_OPTIONS,
      columns: [...(source.columns ?? [])],
    });
    return records.map((r) => toRow(offset + r.info.lines, r.record));
  } catch (error) {
    const info = error as { lines?: number; message?: string };
    const line = info.lines === undefined ? undefined : offset + info.lines;
    throw new ValidationError(
      `${source.path}:${line ?? '?'}: malformed CSV: ${info.message ?? 'parse error'}`,
      { file: source.path, line },
    );
  }
}

/**
 * The CSV header's column names, lower case, from the text of the file's first record; `undefined`
 * when that text holds no record (a blank line). Throws `ValidationError` without a `name` column.
 */
export function parseCsvHeader(text: string, path: string): string[] | undefined {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new ValidationError(
      `${path}:1: malformed CSV header: ${(error as Error).message ?? 'parse error'}`,
      { file: path, line: 1 },
    );
  }
  const header = records[0];
  if (header === undefined) {
    return undefined;
  }
  const columns = header.map((column) => column.trim().toLowerCase());
  if (!columns.includes('name')) {
    throw new ValidationError(`the header has no "name" column (found: ${columns.join(', ')})`, {
      field: 'name',
      line: 1,
    });
  }
  return columns;
}

function parseJsonLines(text: string, source: ChunkSource): BatchRow[] {
  const rows: BatchRow[] = [];
  const lines = text.split('\n');
  // The chunk ends with a newline (or at the end of the file): the last piece is not a line.
  const count = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  for (let i = 0; i < count; i++) {
    const row = jsonRow(source.firstLine + i, lines[i]!.replace(/\r$/, ''));
    if (row !== undefined) {
      rows.push(row);
    }
  }
  return rows;
}

function jsonRow(line: number, text: string): BatchRow | undefined {
  if (text.trim() === '') {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { line, error: 'not valid JSON' };
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? toRow(line, value as Record<string, unknown>)
    : { line, error: 'each line must be a JSON object' };
}

/** Turns one record into a query row, validating field shapes (the engine validates content). */
export function toRow(line: number, record: Readonly<Record<string, unknown>>): BatchRow {
  const ref = text(record.id) ?? text(record.ref);
  const withRef = ref === undefined ? {} : { ref };
  const name = text(record.name);
  if (name === undefined) {
    return { line, error: 'field name: missing or empty', ...withRef };
  }
  const type = text(record.type)?.toLowerCase();
  if (type !== undefined && !ENTITY_TYPES.includes(type as EntityType)) {
    return {
      line,
      error: `field type: "${type}" is not one of ${ENTITY_TYPES.join(', ')}`,
      ...withRef,
    };
  }
  const query: ScreeningQuery = {
    name,
    ...optional('dob', text(record.dob)),
    ...optional('country', text(record.country)),
    ...optional('document', text(record.document)),
    ...(type === undefined ? {} : { type: type as EntityType }),
  };
  return { line, query, ...withRef };
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return String(value);
  }
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** Columns the reader understands; others are ignored. */
export const BATCH_COLUMNS: ReadonlySet<string> = KNOWN_COLUMNS;
