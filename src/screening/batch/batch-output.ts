/**
 * Writes batch results, one output row per input row in input order: CSV (a summary of the best
 * match plus every matched id) or JSON lines (`{"line", "ref"?, "name", "matches": […]}` or with
 * `"error"`). Also counts the rows an interrupted run already wrote, so it can resume.
 *
 * @module
 */
import { existsSync, readFileSync, truncateSync } from 'node:fs';
import type { BatchResult } from './batch-result.js';

/** Output formats. */
export type BatchOutputFormat = 'csv' | 'jsonl';

/** The CSV header of batch results. */
export const CSV_HEADER = [
  'line',
  'ref',
  'name',
  'status',
  'match_count',
  'best_entry_id',
  'best_name',
  'best_score',
  'best_programs',
  'matches',
  'error',
] as const;

/** Renders results as text to append to the output (the header only when `withHeader`). */
export function renderResults(
  results: readonly BatchResult[],
  format: BatchOutputFormat,
  withHeader: boolean,
): string {
  if (format === 'jsonl') {
    return results.map((result) => `${JSON.stringify(jsonLine(result))}\n`).join('');
  }
  const rows = results.map(csvRow);
  return stringifyRows(withHeader ? [[...CSV_HEADER], ...rows] : rows);
}

/**
 * Fields that need quotes: what `csv-stringify` quotes with `record_delimiter: 'unix'` (a comma,
 * a quote or a `\n`; it leaves a lone `\r` bare).
 */
const NEEDS_QUOTES = /[",\n]/;

/**
 * CSV text of the rows, as `csv-stringify` writes it (`\n` after each row; a field with a
 * comma, quote or `\n` quoted, its quotes doubled). Written here because stringifying was
 * a noticeable share of a batch's cost; tested against `csv-stringify`.
 */
export function stringifyRows(rows: readonly (readonly string[])[]): string {
  let out = '';
  for (const row of rows) {
    for (let k = 0; k < row.length; k++) {
      const field = row[k]!;
      out += (k === 0 ? '' : ',') + (NEEDS_QUOTES.test(field) ? quoted(field) : field);
    }
    out += '\n';
  }
  return out;
}

function quoted(field: string): string {
  return `"${field.replace(/"/g, '""')}"`;
}

function jsonLine(result: BatchResult): Record<string, unknown> {
  const base = {
    line: result.line,
    ...(result.ref === undefined ? {} : { ref: result.ref }),
    name: result.query?.name,
  };
  return result.error === undefined
    ? { ...base, matches: result.matches ?? [] }
    : { ...base, error: result.error };
}

function csvRow(result: BatchResult): string[] {
  const matches = result.matches ?? [];
  const best = matches[0];
  const status = result.error !== undefined ? 'error' : best === undefined ? 'no-match' : 'match';
  return [
    String(result.line),
    result.ref ?? '',
    oneLine(result.query?.name ?? ''),
    status,
    String(matches.length),
    best?.entryId ?? '',
    best?.name ?? '',
    best === undefined ? '' : best.score.toFixed(4),
    best?.programs.join(';') ?? '',
    matches.map((match) => `${match.entryId}=${match.score.toFixed(4)}`).join(';'),
    oneLine(result.error ?? ''),
  ];
}

/** Control characters (a newline inside a quoted input name) would break one-row-per-line. */
function oneLine(text: string): string {
  return text.replace(/\p{Cc}/gu, ' ');
}

/**
 * Counts the result rows an earlier, interrupted run wrote to `path`, dropping a partial last
 * line (a write cut by a crash) so appending continues cleanly. 0 when the file is absent.
 */
export function countWrittenRows(path: string, format: BatchOutputFormat): number {
  if (!existsSync(path)) {
    return 0;
  }
  const text = readFileSync(path, 'utf8');
  const complete = text.lastIndexOf('\n') + 1;
  if (complete < text.length) {
    truncateSync(path, Buffer.byteLength(text.slice(0, complete)));
  }
  const lines = text
    .slice(0, complete)
    .split('\n')
    .filter((line) => line !== '').length;
  // `oneLine` keeps every result on one line, so lines count rows.
  return format === 'csv' ? Math.max(0, lines - 1) : lines;
}
