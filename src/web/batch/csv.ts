/**
 * CSV for batch screening in the browser: reading an uploaded file (RFC 4180: quoted fields,
 * doubled quotes, CRLF or LF, a UTF-8 byte-order mark) into queries, and writing the results in
 * the columns of `puente screen --file` (src/screening/batch/batch-output.ts).
 *
 * @module
 */
import type { BatchResultLine } from '../http/types.js';

/**
 * Splits CSV text into records of fields. Blank lines are dropped.
 *
 * @example
 * parseCsv('name,dob\n"PEREZ, Juan",1971\n'); // [['name','dob'],['PEREZ, Juan','1971']]
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRecord = () => {
    record.push(field);
    if (record.length > 1 || record[0] !== '') {
      records.push(record);
    }
    record = [];
    field = '';
  };
  for (let index = 0; index < input.length; index += 1) {
    const char = input[index]!;
    if (quoted) {
      if (char === '"' && input[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[index + 1] === '\n') {
        index += 1;
      }
      endRecord();
    } else {
      field += char;
    }
  }
  if (field !== '' || record.length > 0) {
    endRecord();
  }
  return records;
}

/** Columns a batch file may have, with the Spanish names accepted as well. */
const COLUMN_ALIASES: Readonly<Record<string, string>> = {
  name: 'name',
  nombre: 'name',
  dob: 'dob',
  fecha_nacimiento: 'dob',
  country: 'country',
  pais: 'country',
  país: 'country',
  document: 'document',
  documento: 'document',
  type: 'type',
  tipo: 'type',
  ref: 'ref',
  id: 'ref',
  referencia: 'ref',
};

/** Queries read from a CSV file, or the reason there are none. */
export type BatchFile =
  | { readonly ok: true; readonly queries: readonly Readonly<Record<string, string>>[] }
  | { readonly ok: false; readonly problem: 'empty' | 'no-name-column' };

/**
 * Reads a batch CSV: a header row naming the columns (`name` required; `ref`/`id`, `dob`,
 * `country`, `document`, `type` optional; unknown columns ignored), then one party per row.
 *
 * @example
 * readBatchCsv('name\nJuan Perez\n'); // { ok: true, queries: [{ name: 'Juan Perez' }] }
 */
export function readBatchCsv(text: string): BatchFile {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined || rows.length === 0) {
    return { ok: false, problem: 'empty' };
  }
  const columns = header.map((cell) => COLUMN_ALIASES[cell.trim().toLowerCase()]);
  if (!columns.includes('name')) {
    return { ok: false, problem: 'no-name-column' };
  }
  const queries = rows.map((row) => {
    const query: Record<string, string> = {};
    columns.forEach((column, index) => {
      const value = row[index]?.trim() ?? '';
      if (column !== undefined && value !== '') {
        query[column] = value;
      }
    });
    return query;
  });
  return { ok: true, queries };
}

/** The header of result files, as `puente screen --file … --out results.csv` writes it. */
export const RESULT_COLUMNS = [
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

/**
 * The results as CSV text. `line` is the data row of the uploaded file (1 = first after the
 * header). Cells that a spreadsheet would run as a formula get a leading apostrophe. When any
 * line names a marked entry, a last `marking` column carries each line's banner, so a saved
 * file never loses the markings of what it holds (the API sends them; ADR 0015).
 *
 * @example
 * resultsCsv(results); // 'line,ref,name,status,…\n1,,Juan Perez,match,…\n'
 */
export function resultsCsv(results: readonly BatchResultLine[]): string {
  const marked = results.some((result) => result.marking !== undefined);
  const rows = results.map((result) => {
    const matches = result.matches ?? [];
    const best = matches[0];
    const status = result.error !== undefined ? 'error' : best === undefined ? 'no-match' : 'match';
    return [
      String(result.line),
      result.ref ?? '',
      result.name ?? '',
      status,
      String(matches.length),
      best?.entryId ?? '',
      best?.name ?? '',
      best === undefined ? '' : best.score.toFixed(4),
      best?.programs.join(';') ?? '',
      matches.map((match) => `${match.entryId}=${match.score.toFixed(4)}`).join(';'),
      result.error ?? '',
      ...(marked ? [result.marking ?? ''] : []),
    ];
  });
  const header = marked ? [...RESULT_COLUMNS, 'marking'] : [...RESULT_COLUMNS];
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

function csvCell(value: string): string {
  const flat = value.replace(/\p{Cc}/gu, ' ');
  const safe = /^[=+\-@]/.test(flat) ? `'${flat}` : flat;
  return /[",]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
