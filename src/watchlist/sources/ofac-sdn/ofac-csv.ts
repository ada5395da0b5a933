/**
 * Reads the rows of one OFAC legacy CSV file (no header row): strict UTF-8, CRLF, the trailing
 * SUB byte, `-0- ` for an empty field, quoted fields holding commas and semicolons. Rows with
 * the wrong number of columns are skipped and reported; anything that makes the file unusable
 * (bad quoting, bad UTF-8, a non-numeric `ent_num`, an empty `sdn.csv`) throws.
 *
 * @module
 */
import { CsvError, parse } from 'csv-parse/sync';
import { WatchlistParseError } from '../../../core/errors.js';
import type { InputFile } from '../../list-source.js';
import type { ReportBuilder } from '../../report-builder.js';
import type { OfacRole } from './file-roles.js';
import { ByteLineIndex, decodeUtf8, withoutEndOfFileMark } from './ofac-text.js';

/** Column names of each file, in order (OFAC's own names). */
export const OFAC_COLUMNS: Readonly<Record<OfacRole, readonly string[]>> = {
  sdn: [
    'ent_num',
    'SDN_Name',
    'SDN_Type',
    'Program',
    'Title',
    'Call_Sign',
    'Vess_type',
    'Tonnage',
    'GRT',
    'Vess_flag',
    'Vess_owner',
    'Remarks',
  ],
  alt: ['ent_num', 'alt_num', 'alt_type', 'alt_name', 'alt_remarks'],
  add: ['ent_num', 'add_num', 'address', 'city_state_province_postal', 'country', 'add_remarks'],
  sdn_comments: ['ent_num', 'remarks_extended'],
};

/** One row with the line it starts on. Fields are raw; see `fieldValue` for `-0-`. */
export interface OfacRow {
  readonly fields: readonly string[];
  readonly line: number;
}

const EMPTY_FIELD = '-0-';
const ENT_NUM = /^\d+$/;

/** Reads, checks and tokenises one file of the given role. */
export function readOfacRows(file: InputFile, role: OfacRole, report: ReportBuilder): OfacRow[] {
  const text = withoutEndOfFileMark(decodeUtf8(file.bytes, file.name));
  if (role === 'sdn' && text.trim() === '') {
    // An empty list would read as "everyone was delisted"; refuse it instead.
    throw new WatchlistParseError('the sdn file is empty', { file: file.name });
  }
  const rows = tokenise(text, file);
  return rows.filter((row) => hasColumnCount(row, role, file.name, report)).map(checkEntNum(file));
}

/** The trimmed value of a field, or undefined when OFAC's empty marker `-0-` or blank. */
export function fieldValue(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  return value === undefined || value === '' || value === EMPTY_FIELD ? undefined : value;
}

// The decoded text goes to csv-parse as a string (faster than bytes), and line numbers are
// counted from the records: without `skip_empty_lines` every line break outside quotes ends a
// record, so a record spans one line plus the line breaks inside its fields.
function tokenise(text: string, file: InputFile): OfacRow[] {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true });
  } catch (error) {
    throw csvFailure(error, file.name, failingLine(file.bytes));
  }
  const rows: OfacRow[] = [];
  let line = 1;
  for (const fields of records) {
    if (fields.length > 1 || fields[0]!.trim() !== '') {
      rows.push({ fields, line });
    }
    line += 1 + lineBreaksIn(fields);
  }
  return rows;
}

function lineBreaksIn(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) {
      count += 1;
    }
  }
  return count;
}

// Only once parsing has failed: the bytes are parsed again, noting where each good record
// ends; the failing record starts on the first line after the last good one.
function failingLine(bytes: Buffer): number {
  let lastEnd = 0;
  try {
    parse(bytes, {
      bom: true,
      relax_column_count: true,
      on_record: (record, context) => {
        lastEnd = context.bytes;
        return record;
      },
    });
  } catch {
    // The same failure again; lastEnd is what was wanted.
  }
  return new ByteLineIndex(bytes).lineOfRecordAt(lastEnd);
}

// csv-parse counts a quoted CRLF as two lines, so its own "at line N" is not repeated; the
// line given is where the failing row starts.
const CSV_PROBLEMS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'unterminated quoted field: the quote opened in this row is never closed',
  CSV_INVALID_CLOSING_QUOTE:
    'malformed quoting in this row: text follows a closing quote, or a quote is never closed',
  INVALID_OPENING_QUOTE: 'malformed quoting in this row: a quote inside an unquoted field',
};

function csvFailure(error: unknown, file: string, line: number): Error {
  if (!(error instanceof CsvError)) {
    return error instanceof Error ? error : new Error(String(error));
  }
  const reason = CSV_PROBLEMS[error.code] ?? `malformed CSV (${error.code})`;
  return new WatchlistParseError(reason, { file, line }, error);
}

function hasColumnCount(
  row: OfacRow,
  role: OfacRole,
  file: string,
  report: ReportBuilder,
): boolean {
  const expected = OFAC_COLUMNS[role].length;
  if (row.fields.length === expected) {
    return true;
  }
  report.warn({
    code: 'wrong-column-count',
    message: `expected ${expected} columns, found ${row.fields.length}; row skipped`,
    file,
    line: row.line,
  });
  return false;
}

function checkEntNum(file: InputFile): (row: OfacRow) => OfacRow {
  return (row) => {
    const entNum = row.fields[0]!.trim();
    if (!ENT_NUM.test(entNum)) {
      throw new WatchlistParseError(`ent_num is not a number: "${entNum}"`, {
        file: file.name,
        line: row.line,
        field: 'ent_num',
      });
    }
    return row;
  };
}
