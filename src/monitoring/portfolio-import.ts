/**
 * Reading a customer file into counterparties: CSV (any header names, mapped to fields) or JSON
 * (an array of objects, or NDJSON). Every row is validated on its own; good rows are kept and
 * every bad one is reported with its line (record number for a JSON array) and field, so one
 * wrong date never costs the other 99,999 rows.
 *
 * @module
 */
import { parse } from 'csv-parse/sync';

import { ValidationError } from '../core/errors.js';
import {
  DOCUMENT_TYPES,
  validateCounterparty,
  type CounterpartyInput,
  type DocumentType,
} from './counterparty.js';

/** File formats understood. */
export type ImportFormat = 'csv' | 'json' | 'ndjson';

/** Fields a column (CSV) or key (JSON) can be mapped to. */
export const IMPORT_FIELDS = [
  'externalId',
  'kind',
  'name',
  'aliases',
  'dob',
  'country',
  'documentType',
  'documentNumber',
  ...DOCUMENT_TYPES.filter((t) => t !== 'other'),
] as const;

/** One mappable field. */
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → the column or key holding it. Unmapped fields are looked up under their own name. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** One problem with one row. */
export interface RowError {
  /** Line in the file (CSV, NDJSON) or 1-based record number (JSON array). */
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** The outcome of reading a file. */
export interface ImportParse {
  readonly rows: number;
  readonly valid: readonly CounterpartyInput[];
  readonly errors: readonly RowError[];
  /** True when more errors existed than `MAX_REPORTED_ERRORS`. */
  readonly errorsTruncated: boolean;
}

/** Errors reported per import, at most; the count of bad rows stays exact. */
export const MAX_REPORTED_ERRORS = 10_000;

const REQUIRED: readonly ImportField[] = ['externalId', 'kind', 'name'];

/**
 * Parses and validates a file.
 *
 * @throws ValidationError when the file as a whole is unusable (required columns missing, not JSON).
 * @example
 * parseImport(text, 'csv', { externalId: 'codigo', name: 'razon_social', nit: 'nit' });
 */
export function parseImport(
  text: string,
  format: ImportFormat,
  mapping: ColumnMapping = {},
): ImportParse {
  const records = format === 'csv' ? csvRecords(text, mapping) : jsonRecords(text, format);
  const collector = new Collector();
  const seen = new Map<string, number>();
  for (const record of records) {
    if ('error' in record) {
      collector.fail(record.line, record.field, record.error);
      continue;
    }
    const raw = toRaw(record.values, mapping);
    const result = validateCounterparty(raw);
    if (!result.ok) {
      for (const problem of result.problems) {
        collector.fail(record.line, problem.field, problem.message);
      }
      continue;
    }
    const first = seen.get(result.value.externalId);
    if (first !== undefined) {
      collector.fail(
        record.line,
        'externalId',
        `duplicate of line ${first}: "${result.value.externalId}"`,
      );
      continue;
    }
    seen.set(result.value.externalId, record.line);
    collector.valid.push(result.value);
  }
  return {
    rows: records.length,
    valid: collector.valid,
    errors: collector.errors,
    errorsTruncated: collector.truncated,
  };
}

class Collector {
  readonly valid: CounterpartyInput[] = [];
  readonly errors: RowError[] = [];
  truncated = false;

  fail(line: number, field: string, message: string): void {
    if (this.errors.length < MAX_REPORTED_ERRORS) {
      this.errors.push({ line, field, message });
    } else {
      this.truncated = true;
    }
  }
}

type SourceRecord =
  | { readonly line: number; readonly values: Readonly<Record<string, unknown>> }
  | { readonly line: number; readonly field: string; readonly error: string };

/**
 * CSV, one record per line: each line is parsed on its own, so a stray quote in one garbage row
 * cannot swallow the rows after it. (Customer files do not need line breaks inside fields.)
 */
function csvRecords(text: string, mapping: ColumnMapping): SourceRecord[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerAt = lines.findIndex((line) => line.trim() !== '');
  if (headerAt < 0) {
    throw new ValidationError('the file is empty: expected a header line', { line: 1 });
  }
  const header = csvLine(lines[headerAt]!);
  if (header === undefined) {
    throw new ValidationError('the header line is not readable CSV', { line: headerAt + 1 });
  }
  const columns = header.map((c) => c.trim());
  const missing = REQUIRED.filter((field) => !columns.includes(mapping[field] ?? field));
  if (missing.length > 0) {
    throw new ValidationError(
      `missing required columns: ${missing.map((f) => mapping[f] ?? f).join(', ')} (header has: ${columns.join(', ')})`,
      { line: headerAt + 1, field: missing[0], columns },
    );
  }
  const records: SourceRecord[] = [];
  for (let at = headerAt + 1; at < lines.length; at++) {
    const lineText = lines[at]!;
    if (lineText.trim() === '') {
      continue;
    }
    const line = at + 1;
    const cells = csvLine(lineText);
    if (cells === undefined) {
      records.push({ line, field: 'row', error: 'not readable CSV (unbalanced quotes?)' });
    } else if (cells.length !== columns.length) {
      records.push({
        line,
        field: 'row',
        error: `has ${cells.length} columns; the header has ${columns.length}`,
      });
    } else {
      records.push({ line, values: Object.fromEntries(columns.map((c, i) => [c, cells[i]])) });
    }
  }
  return records;
}

function csvLine(text: string): string[] | undefined {
  try {
    const rows: string[][] = parse(text, { relax_column_count: true });
    return rows.length === 1 ? rows[0] : undefined;
  } catch {
    return undefined;
  }
}

function jsonRecords(text: string, format: 'json' | 'ndjson'): SourceRecord[] {
  if (format === 'ndjson') {
    return text.split('\n').flatMap((lineText, index): SourceRecord[] => {
      if (lineText.trim() === '') {
        return [];
      }
      return [objectRecord(index + 1, () => JSON.parse(lineText) as unknown)];
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(
      `not valid JSON: ${error instanceof Error ? error.message : 'parse error'}`,
      { line: 1 },
    );
  }
  const list = Array.isArray(value)
    ? value
    : ((value as { counterparties?: unknown } | null)?.counterparties ?? undefined);
  if (!Array.isArray(list)) {
    throw new ValidationError(
      'expected a JSON array of counterparties (or {"counterparties": [...]})',
      {},
    );
  }
  return list.map((item: unknown, index) => objectRecord(index + 1, () => item));
}

function objectRecord(line: number, read: () => unknown): SourceRecord {
  try {
    const value = read();
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return { line, values: value as Record<string, unknown> };
    }
    return { line, field: 'row', error: 'each record must be a JSON object' };
  } catch {
    return { line, field: 'row', error: 'not valid JSON' };
  }
}

/** Applies the mapping: documents come from `documentType`/`documentNumber` or per-type columns. */
function toRaw(
  values: Readonly<Record<string, unknown>>,
  mapping: ColumnMapping,
): Record<string, unknown> {
  const get = (field: ImportField): unknown => values[mapping[field] ?? field];
  const documents: unknown[] = Array.isArray(values.documents)
    ? [...(values.documents as unknown[])]
    : [];
  const typed = get('documentType');
  const number = get('documentNumber');
  if (present(number)) {
    documents.push({ type: present(typed) ? cellText(typed) : 'other', number: cellText(number) });
  }
  for (const type of DOCUMENT_TYPES) {
    if (type === 'other') {
      continue;
    }
    const cell = get(type);
    if (present(cell)) {
      documents.push({ type: type satisfies DocumentType, number: cellText(cell) });
    }
  }
  return {
    externalId: get('externalId'),
    kind: get('kind'),
    name: get('name'),
    aliases: get('aliases'),
    dob: get('dob'),
    country: get('country'),
    documents,
  };
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && cellText(value).trim() !== '';
}

/** A cell or JSON value as text; objects are not document numbers and read as empty. */
function cellText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
