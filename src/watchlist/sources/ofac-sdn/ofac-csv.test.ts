import { describe, expect, it } from 'vitest';
import { WatchlistParseError } from '../../../core/errors.js';
import type { InputFile } from '../../list-source.js';
import { ReportBuilder } from '../../report-builder.js';
import type { OfacRole } from './file-roles.js';
import { fieldValue, readOfacRows } from './ofac-csv.js';

const EMPTY = '-0- ';
const SDN_TAIL = `,${EMPTY},${EMPTY},${EMPTY},${EMPTY},${EMPTY},${EMPTY},${EMPTY}`;

function input(text: string | Buffer, name = 'sdn.csv'): InputFile {
  return { name, origin: `/in/${name}`, bytes: Buffer.isBuffer(text) ? text : Buffer.from(text) };
}

function read(text: string | Buffer, role: OfacRole = 'sdn', report = new ReportBuilder()) {
  return readOfacRows(input(text, `${role}.csv`), role, report);
}

function failure(action: () => unknown): WatchlistParseError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(WatchlistParseError);
    return error as WatchlistParseError;
  }
  throw new Error('expected a WatchlistParseError');
}

describe('readOfacRows', () => {
  it('reads CRLF rows, the trailing SUB byte and quoted commas and semicolons', () => {
    const text =
      `1,"DOE, John","individual","SDNT] [SDNTK"${SDN_TAIL},"DOB 1970; POB Cali, Colombia."\r\n` +
      `2,"ACME, S.A.",-0- ,"SDNT"${SDN_TAIL},-0- \r\n\x1a`;
    const rows = read(text);
    expect(rows.map((row) => row.line)).toEqual([1, 2]);
    expect(rows[0]!.fields[1]).toBe('DOE, John');
    expect(rows[0]!.fields[11]).toBe('DOB 1970; POB Cali, Colombia.');
    expect(rows[1]!.fields[2]).toBe(EMPTY);
  });

  it('numbers rows by the line they start on, across quoted line breaks and blank lines', () => {
    const text = '1,"a\r\nb"\r\n\r\n2,"c"\r\n3,"d"';
    const rows = read(text, 'sdn_comments');
    expect(rows.map((row) => [row.fields[0], row.line])).toEqual([
      ['1', 1],
      ['2', 4],
      ['3', 5],
    ]);
  });

  it('reads LF-only files and a byte-order mark too', () => {
    const rows = read('\uFEFF7,"x"\n8,"y"\n', 'sdn_comments');
    expect(rows.map((row) => row.fields)).toEqual([
      ['7', 'x'],
      ['8', 'y'],
    ]);
  });

  it('skips rows with the wrong column count and reports file, line and counts', () => {
    const report = new ReportBuilder();
    const rows = read(
      '1,2,"aka","A",-0- \r\n2,3,"aka"\r\n3,4,"aka","B",-0- ,extra\r\n',
      'alt',
      report,
    );
    expect(rows.map((row) => row.fields[0])).toEqual(['1']);
    const built = report.build([]);
    expect(built.warningCounts).toEqual({ 'wrong-column-count': 2 });
    expect(built.warnings[0]).toMatchObject({
      file: 'alt.csv',
      line: 2,
      code: 'wrong-column-count',
    });
    expect(built.warnings[1]!.message).toContain('expected 5 columns, found 6');
  });

  it('fails on an unterminated quote, naming the line where the quote opened', () => {
    const error = failure(() => read('1,"ok"\r\n2,"never closed\r\n3,x\r\n', 'sdn_comments'));
    expect(error.location).toEqual({ file: 'sdn_comments.csv', line: 2 });
    expect(error.message).toContain('unterminated quoted field');
  });

  it('fails on an unterminated quote that a later quote seems to close', () => {
    const error = failure(() => read('1,"ok"\r\n2,"never closed\r\n3,"x"\r\n', 'sdn_comments'));
    expect(error.location).toEqual({ file: 'sdn_comments.csv', line: 2 });
    expect(error.message).toContain('quote is never closed');
  });

  it('fails on text after a closing quote and on a quote inside an unquoted field', () => {
    const closing = failure(() => read('1,"ok"\r\n2,"bad"x\r\n', 'sdn_comments'));
    expect(closing.location.line).toBe(2);
    expect(closing.message).toContain('malformed quoting');
    const opening = failure(() => read('1,"ok"\r\n2,"ok"\r\n3,b"ad\r\n', 'sdn_comments'));
    expect(opening.location.line).toBe(3);
    expect(opening.message).toContain('quote inside an unquoted field');
  });

  it('fails on invalid UTF-8, naming the line', () => {
    const bytes = Buffer.concat([
      Buffer.from('1,"ok"\r\n2,"ok"\r\n3,"bad '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"\r\n'),
    ]);
    const error = failure(() => read(bytes, 'sdn_comments'));
    expect(error.location).toEqual({ file: 'sdn_comments.csv', line: 3 });
    expect(error.message).toContain('UTF-8');
  });

  it('fails on a non-numeric ent_num', () => {
    const error = failure(() => read('1,"a"\r\nX12,"b"\r\n', 'sdn_comments'));
    expect(error.location).toEqual({ file: 'sdn_comments.csv', line: 2, field: 'ent_num' });
  });

  it('fails on an empty sdn file (only the SUB byte and line breaks)', () => {
    expect(failure(() => read('')).message).toContain('empty');
    expect(failure(() => read('\r\n\x1a')).message).toContain('empty');
  });

  it('accepts an empty secondary file', () => {
    expect(read('\x1a', 'alt')).toEqual([]);
  });
});

describe('fieldValue', () => {
  it('treats -0- (with or without the trailing space) and blanks as empty', () => {
    expect(fieldValue('-0- ')).toBeUndefined();
    expect(fieldValue('-0-')).toBeUndefined();
    expect(fieldValue('  ')).toBeUndefined();
    expect(fieldValue(undefined)).toBeUndefined();
    expect(fieldValue(' Cuba ')).toBe('Cuba');
  });
});
