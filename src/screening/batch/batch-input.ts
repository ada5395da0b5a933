/**
 * Reads batch screening input: CSV with a header (`name` required; `dob`, `country`,
 * `document`, `type` optional; other columns are carried through as the row's own id/fields)
 * or JSON lines with the same keys. Streams, so a file of millions of rows never sits in
 * memory; every row carries its line number, and a bad row becomes an error row, not a failure.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { ValidationError } from '../../core/errors.js';
import type { EntityType } from '../../watchlist/watchlist-entry.js';
import type { ScreeningQuery } from '../screening-types.js';

/** One input row: a query to screen, or the reason it cannot be screened. */
export type BatchRow =
  | { readonly line: number; readonly query: ScreeningQuery; readonly ref?: string }
  | { readonly line: number; readonly error: string; readonly ref?: string };

const ENTITY_TYPES: readonly EntityType[] = ['individual', 'entity', 'vessel', 'aircraft'];
const KNOWN_COLUMNS = new Set(['name', 'dob', 'country', 'document', 'type', 'id', 'ref']);

/** Detects the format from the file name: `.jsonl`/`.ndjson`/`.json` → JSON lines, else CSV. */
export function batchFormat(path: string): 'csv' | 'jsonl' {
  return /\.(jsonl|ndjson|json)$/i.test(path) ? 'jsonl' : 'csv';
}

/** Streams the rows of a batch file. Throws `ValidationError` when the CSV header has no `name`. */
export async function* readBatchRows(path: string): AsyncGenerator<BatchRow> {
  if (batchFormat(path) === 'jsonl') {
    yield* readJsonLines(path);
  } else {
    yield* readCsvRows(path);
  }
}

async function* readCsvRows(path: string): AsyncGenerator<BatchRow> {
  const parser = createReadStream(path).pipe(
    parse({
      columns: normalizeHeader,
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }),
  );
  try {
    for await (const record of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield toRow(record.info.lines, record.record);
    }
  } catch (error) {
    if (error instanceof ValidationError) {
      throw error;
    }
    const info = error as { lines?: number; message?: string };
    throw new ValidationError(
      `${path}:${info.lines ?? '?'}: malformed CSV: ${info.message ?? 'parse error'}`,
      {
        file: path,
        line: info.lines,
      },
    );
  }
}

function normalizeHeader(header: string[]): string[] {
  const columns = header.map((column) => column.trim().toLowerCase());
  if (!columns.includes('name')) {
    throw new ValidationError(`the header has no "name" column (found: ${columns.join(', ')})`, {
      field: 'name',
      line: 1,
    });
  }
  return columns;
}

async function* readJsonLines(path: string): AsyncGenerator<BatchRow> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') {
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      yield { line, error: 'not valid JSON' };
      continue;
    }
    yield value !== null && typeof value === 'object' && !Array.isArray(value)
      ? toRow(line, value as Record<string, unknown>)
      : { line, error: 'each line must be a JSON object' };
  }
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
