import { describe, expect, it } from 'vitest';

import { parseCsv, readBatchCsv, resultsCsv } from './csv.js';

describe('batch CSV', () => {
  it('reads quoted fields, doubled quotes, CRLF and a byte-order mark', () => {
    const text = '\uFEFFname,dob\r\n"PEREZ GOMEZ, Juan",1971\r\n"say ""hi""",\r\n\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'dob'],
      ['PEREZ GOMEZ, Juan', '1971'],
      ['say "hi"', ''],
    ]);
  });

  it('keeps a last record without a newline and a newline inside quotes', () => {
    expect(parseCsv('a,b\n"x\ny",z')).toEqual([
      ['a', 'b'],
      ['x\ny', 'z'],
    ]);
  });

  it('maps English and Spanish column names and ignores unknown columns', () => {
    const file = readBatchCsv('Nombre,País,extra,id\nJuan Perez,Colombia,x,c-1\nMaria,,,\n');
    expect(file).toEqual({
      ok: true,
      queries: [{ name: 'Juan Perez', country: 'Colombia', ref: 'c-1' }, { name: 'Maria' }],
    });
  });

  it('says what is wrong with a file it cannot use', () => {
    expect(readBatchCsv('')).toEqual({ ok: false, problem: 'empty' });
    expect(readBatchCsv('name\n')).toEqual({ ok: false, problem: 'empty' });
    expect(readBatchCsv('who,dob\nJuan,1971\n')).toEqual({ ok: false, problem: 'no-name-column' });
  });

  it('writes the result columns of the command line and defuses formulas', () => {
    const csv = resultsCsv([
      { line: 1, ref: 'c-1', name: '=HYPERLINK("x")', matches: [] },
      { line: 2, error: 'field name: missing or empty' },
    ]);
    expect(csv).toBe(
      'line,ref,name,status,match_count,best_entry_id,best_name,best_score,best_programs,matches,error\n' +
        `1,c-1,"'=HYPERLINK(""x"")",no-match,0,,,,,,\n` +
        '2,,,error,0,,,,,,field name: missing or empty\n',
    );
  });

  it('adds a marking column with each line banner when any line names a marked entry', () => {
    const match = { entryId: 'agency:1', name: 'X', score: 0.97, programs: [] };
    const csv = resultsCsv([
      { line: 1, name: 'X', matches: [match], marking: 'TLP:AMBER//REL TO COL' },
      { line: 2, name: 'Y', matches: [] },
    ] as never);
    const [header, first, second] = csv.trim().split('\n');
    expect(header!.endsWith(',error,marking')).toBe(true);
    expect(first!.endsWith(',TLP:AMBER//REL TO COL')).toBe(true);
    expect(second!.endsWith(',')).toBe(true);
  });
});
