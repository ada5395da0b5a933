import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parsePlainCsv } from './fast-csv.js';

/** What the batch reader gets from csv-parse (its options). */
function reference(text: string, columns: readonly string[]) {
  return parse<{ record: Record<string, string>; info: { lines: number } }>(text, {
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    columns: [...columns],
  }).map((r) => ({ line: r.info.lines, record: r.record }));
}

describe('plain CSV reader', () => {
  const columns = ['id', 'name', 'country'];

  it('reads plain records exactly as csv-parse does', () => {
    const texts = [
      'c-1,"MARÍA JOSÉ GÓMEZ",CO\nc-2,Pedro Pérez,\n',
      'c-1,"O""BRIEN, Sean",IE\n\nc-2,"",\nc-3,"A ""B"" C",x\n',
      'c-1,"Inversiones A & B S.A.S.",CO',
      '1,2,3\n\n\n4,5,6\n',
      'a,b,c\n,,\n"",,""\n',
    ];
    for (const text of texts) {
      expect(parsePlainCsv(text, columns), text).toEqual(reference(text, columns));
    }
  });

  it('leaves everything else to csv-parse', () => {
    const others = [
      'c-1,"multi\nline",CO\n',
      'c-1,"unclosed,CO\n',
      'c-1, "spaced" ,CO\n',
      'c-1,"a"b,CO\n',
      'c-1,na"me,CO\n',
      'c-1,name\n',
      'c-1,name,CO,extra\n',
      'c-1,name,CO\r\n',
      '\uFEFFc-1,name,CO\n',
      'c-1,\tname,CO\n',
      '   \nc-1,name,CO\n',
      'c-1," padded ",CO\n',
    ];
    for (const text of others) {
      expect(parsePlainCsv(text, columns), text).toBeUndefined();
    }
    expect(parsePlainCsv('a,b\n', ['x', 'x'])).toBeUndefined();
  });
});
