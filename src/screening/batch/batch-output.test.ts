import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { stringifyRows } from './batch-output.js';

/** What the batch output wrote before: `csv-stringify` with Unix line ends. */
function referenceStringify(rows: string[][]): string {
  return stringify(rows, { record_delimiter: 'unix' });
}

describe('batch CSV output', () => {
  it('writes rows exactly as csv-stringify does', () => {
    const samples = [
      '',
      'plain',
      'MARÍA JOSÉ',
      'a,b',
      'say "hi"',
      '"',
      '""',
      'line\nbreak',
      'cr\rhere',
      ' padded ',
      '=1+1',
      '#comment',
      'semi;colon',
      'tab\there',
      'ofac-sdn:1=0.9000;un:QDi.1=0.8000',
    ];
    const rows = samples.flatMap((a) => samples.map((b) => [a, b, 'x']));
    expect(stringifyRows(rows)).toBe(referenceStringify(rows));
    expect(stringifyRows([])).toBe(referenceStringify([]));
  });
});
