/**
 * The CSV encoding of an agency list: a header row naming the columns (`id,name` required),
 * `;` between the values of a multi-valued cell, documents as `type:number[:country]`
 * (docs/list-formats/agency-list.md). Rows become candidates in the JSON shape.
 *
 * @module
 */
import { CsvError, parse } from 'csv-parse/sync';
import { WatchlistParseError } from '../../../core/errors.js';
import type { ReportBuilder } from '../../report-builder.js';
import type { UnparsedFragment } from '../../watchlist-entry.js';
import { withoutUndefined } from '../shared/compact.js';
import type { AgencyField } from './agency-record.js';
import type { Candidate, FieldProblem } from './candidates.js';

/** Columns every agency CSV must have. */
export const REQUIRED_COLUMNS: readonly string[] = ['id', 'name'];

/** Columns an agency CSV may have besides the required ones. */
export const OPTIONAL_COLUMNS: readonly string[] = [
  'type',
  'aliases',
  'birth_dates',
  'birth_places',
  'nationalities',
  'gender',
  'documents',
  'programs',
  'remarks',
  'street',
  'city',
  'state_province',
  'postal_code',
  'country',
];

const KNOWN_COLUMNS = new Set([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
const ADDRESS_COLUMNS = ['street', 'city', 'state_province', 'postal_code', 'country'] as const;
const LIST_SEPARATOR = ';';
const DOCUMENT_SEPARATOR = ':';
// Record fields whose CSV column has another name; the rest are the same word.
const COLUMN_OF: Readonly<Record<string, string>> = {
  birthDates: 'birth_dates',
  birthPlaces: 'birth_places',
  stateProvince: 'state_province',
  postalCode: 'postal_code',
};

interface CsvRow {
  readonly record: readonly string[];
  readonly line: number;
}

interface Header {
  readonly columns: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

/** Reads the rows of an agency CSV; throws `WatchlistParseError` when the file is unusable. */
export function readCsvList(csv: string, file: string, report: ReportBuilder): Candidate[] {
  const [headerRow, ...rows] = parseRows(csv, file);
  if (headerRow === undefined) {
    throw new WatchlistParseError('the CSV file is empty', { file });
  }
  const header = readHeader(headerRow, file, report);
  return rows
    .filter((row) => row.record.some((cell) => cell.trim() !== ''))
    .map((row) => rowCandidate(row, header, file, report))
    .filter((candidate): candidate is Candidate => candidate !== undefined);
}

/** Names a zod path after the CSV columns: `birth_dates[0]`, `documents[1].number`, `city`. */
export function csvFieldName(path: readonly PropertyKey[]): string {
  const [field, index, part] = path.map(String);
  if (field === 'addresses') {
    return columnOf(part ?? 'street');
  }
  const column = columnOf(field ?? 'row');
  const item = index === undefined ? '' : `[${index}]`;
  return `${column}${item}${part === undefined ? '' : `.${part}`}`;
}

/** CSV facts come from the column of the same meaning. */
export function csvOrigin(field: AgencyField): string {
  return field === 'addresses' ? ADDRESS_COLUMNS.join(',') : columnOf(field);
}

/** The column names of a CSV header line, lowercased (for sniffing). */
export function headerColumns(firstLine: string): string[] {
  return firstLine.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

function columnOf(field: string): string {
  return COLUMN_OF[field] ?? field;
}

function parseRows(csv: string, file: string): CsvRow[] {
  try {
    const records = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true });
    const lines = recordLines(csv);
    return records.map((record, at) => ({ record, line: lines[at] ?? lines.at(-1) ?? 1 }));
  } catch (error: unknown) {
    const line = error instanceof CsvError ? Number(error.lines) : undefined;
    const message = error instanceof Error ? error.message : String(error);
    const location = line === undefined || Number.isNaN(line) ? { file } : { file, line };
    throw new WatchlistParseError(`malformed CSV: ${message}`, location, error);
  }
}

// csv-parse's line counts drift after quoted cells holding CRLF, so record start lines are
// found here: a record starts after a newline outside quotes (a doubled quote toggles twice),
// and blank lines, which the parser skips, start none.
function recordLines(csv: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let atStart = true;
  for (const char of csv) {
    if (atStart && char !== '\n' && char !== '\r') {
      starts.push(line);
      atStart = false;
    }
    if (char === '"') {
      quoted = !quoted;
    } else if (char === '\n') {
      line += 1;
      atStart ||= !quoted;
    }
  }
  return starts;
}

function readHeader(row: CsvRow, file: string, report: ReportBuilder): Header {
  const columns = row.record.map((cell) => cell.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new WatchlistParseError(
      `missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (header: ${columns.join(',')})`,
      { file, line: row.line, field: missing[0]! },
    );
  }
  const repeated = columns.find((column, at) => columns.indexOf(column) !== at);
  if (repeated !== undefined) {
    throw new WatchlistParseError(`column ${repeated} appears twice`, {
      file,
      line: row.line,
      field: repeated,
    });
  }
  warnUnknownColumns(columns, row.line, file, report);
  return { columns, index: new Map(columns.map((column, at) => [column, at])) };
}

function warnUnknownColumns(
  columns: readonly string[],
  line: number,
  file: string,
  report: ReportBuilder,
): void {
  for (const column of columns.filter((name) => !KNOWN_COLUMNS.has(name))) {
    const message = `unknown column ${column || '(unnamed)'}: its values are kept as unparsed text`;
    report.warn({ code: 'unknown-column', message, file, line, field: column });
  }
}

function rowCandidate(
  row: CsvRow,
  header: Header,
  file: string,
  report: ReportBuilder,
): Candidate | undefined {
  if (row.record.length !== header.columns.length) {
    const message = `line ${row.line}: ${row.record.length} fields where the header has ${header.columns.length}; row skipped`;
    report.warn({ code: 'bad-row', message, file, line: row.line });
    return undefined;
  }
  const cell = (column: string): string => row.record[header.index.get(column) ?? -1]?.trim() ?? '';
  const documents = readDocuments(cell('documents'));
  return {
    position: `line ${row.line}`,
    line: row.line,
    value: rowValue(cell, documents.items),
    problems: documents.problems,
    unparsed: unknownCells(row, header),
  };
}

function rowValue(cell: (column: string) => string, documents: unknown[] | undefined): unknown {
  return withoutUndefined({
    id: cell('id'),
    name: cell('name'),
    // Spreadsheets capitalise; an empty type means a person, the common case.
    type: (cell('type') || 'individual').toLowerCase(),
    aliases: split(cell('aliases')),
    birthDates: split(cell('birth_dates')),
    birthPlaces: split(cell('birth_places')),
    nationalities: split(cell('nationalities')),
    gender: cell('gender') || undefined,
    documents,
    programs: split(cell('programs')),
    remarks: cell('remarks') || undefined,
    addresses: readAddress(cell),
  });
}

function readAddress(cell: (column: string) => string): unknown[] | undefined {
  const address = withoutUndefined({
    street: cell('street') || undefined,
    city: cell('city') || undefined,
    stateProvince: cell('state_province') || undefined,
    postalCode: cell('postal_code') || undefined,
    country: cell('country') || undefined,
  });
  return Object.keys(address).length > 0 ? [address] : undefined;
}

// `passport:AB123:Colombia; cedula:71980054`; a number cannot contain `:`.
function readDocuments(text: string): { items?: unknown[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const items = split(text)?.map((item, index) => {
    const [type, number, country, ...rest] = item
      .split(DOCUMENT_SEPARATOR)
      .map((part) => part.trim());
    if (number === undefined || rest.length > 0) {
      problems.push({
        path: ['documents', index],
        message: `"${item}" is not type:number or type:number:country`,
      });
    }
    return withoutUndefined({ type, number, country: country || undefined });
  });
  return items === undefined ? { problems } : { items, problems };
}

function split(text: string): string[] | undefined {
  const values = text
    .split(LIST_SEPARATOR)
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return values.length > 0 ? values : undefined;
}

function unknownCells(row: CsvRow, header: Header): UnparsedFragment[] {
  return header.columns.flatMap((column, at) => {
    const text = row.record[at]?.trim() ?? '';
    return KNOWN_COLUMNS.has(column) || text === ''
      ? []
      : [{ text, origin: column || `column ${at + 1}` }];
  });
}
