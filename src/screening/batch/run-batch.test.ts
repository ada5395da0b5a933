/**
 * The batch path (file cut into chunks, worker threads parsing, screening and rendering, main
 * thread writing in order) must produce exactly what screening every row on its own produces.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { screeningFixture } from '../../../test/fixtures/screening/entries.js';
import { buildScreeningIndex, type ScreeningIndex } from '../screening-index.js';
import type { ScreeningOptions } from '../screening-types.js';
import { toRow, type BatchRow } from './batch-input.js';
import { renderResults, type BatchOutputFormat } from './batch-output.js';
import { screenRow } from './batch-result.js';
import { runBatchFile } from './run-batch.js';

const entries = screeningFixture();
const dir = mkdtempSync(join(tmpdir(), 'puente-batch-'));
const OPTIONS: ScreeningOptions = { threshold: 0.7 };

const NAMES = [
  'Gilberto Jose Rodriguez Orejuela',
  'RODRIGUES OREJUELA, Miguel',
  'Dairo Antonio Úsuga',
  'INVERSIONES LA ESPERANZA SAS',
  'Inversiones La Primavera S.A.S.',
  'María Fernanda López Gómez',
  'Comercializadora El Roble Ltda',
  'صدام حسين التكريتي',
  'Алексей Говырин',
  'Juan Pérez',
];

/** CSV rows of every shape the reader meets: quotes, embedded newlines, blanks, bad rows. */
function csvFixture(): string {
  const lines = ['\uFEFFId,Name,DOB,Country,Type'];
  for (let i = 0; i < 120; i++) {
    const name = NAMES[i % NAMES.length]!;
    if (i % 17 === 3) {
      lines.push(`c-${i},,1980,CO,`);
    } else if (i % 23 === 5) {
      lines.push(`c-${i},"${name}, ""alias""\nsecond line",1971-13-40,,`);
    } else if (i % 29 === 7) {
      lines.push('');
    } else if (i % 31 === 11) {
      lines.push(`c-${i},${name},,CO,spaceship`);
    } else {
      lines.push(`c-${i},"${name}",${i % 2 === 0 ? '1971' : ''},${i % 3 === 0 ? 'CO' : ''},`);
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

function jsonlFixture(): string {
  const lines = NAMES.flatMap((name, i) => [
    JSON.stringify({ name, id: `j-${i}`, dob: '1971' }),
    i % 3 === 0 ? 'not json' : '',
    i % 4 === 0 ? '[1, 2]' : JSON.stringify({ name: ` ${name} `, type: 'individual' }),
  ]);
  return `${lines.join('\n')}\n`;
}

/** Reference: the whole file parsed at once, each row screened on its own. */
function expectedOutput(
  index: ScreeningIndex,
  format: BatchOutputFormat,
  rows: readonly BatchRow[],
): string {
  const results = rows.map((row) => screenRow(index, row, OPTIONS));
  return renderResults(results, format, format === 'csv');
}

function screenedMatches(index: ScreeningIndex, rows: readonly BatchRow[]): number {
  return rows.filter((row) => (screenRow(index, row, OPTIONS).matches ?? []).length > 0).length;
}

function csvRows(text: string): BatchRow[] {
  const records = parse<{ record: Record<string, string>; info: { lines: number } }>(text, {
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    columns: (header: string[]) => header.map((c) => c.toLowerCase()),
  });
  return records.map((r) => toRow(r.info.lines, r.record));
}

function jsonRows(text: string): BatchRow[] {
  return text.split('\n').flatMap((line, i): BatchRow[] => {
    if (line.trim() === '') {
      return [];
    }
    try {
      const value = JSON.parse(line) as unknown;
      return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? [toRow(i + 1, value as Record<string, unknown>)]
        : [{ line: i + 1, error: 'each line must be a JSON object' }];
    } catch {
      return [{ line: i + 1, error: 'not valid JSON' }];
    }
  });
}

async function runToFile(input: string, format: BatchOutputFormat, output: string) {
  return runBatchFile(entries, {
    input,
    output,
    format,
    options: OPTIONS,
    workers: 2,
    chunkSize: 7,
  });
}

describe('runBatchFile', () => {
  let index: ScreeningIndex;
  let csvInput: string;
  let jsonInput: string;

  beforeAll(() => {
    index = buildScreeningIndex(entries);
    csvInput = join(dir, 'people.csv');
    writeFileSync(csvInput, csvFixture());
    jsonInput = join(dir, 'people.jsonl');
    writeFileSync(jsonInput, jsonlFixture());
  });

  it('writes, for a CSV file, exactly what screening each row alone gives (CSV and JSON lines)', async () => {
    const rows = csvRows(readFileSync(csvInput, 'utf8'));
    for (const format of ['csv', 'jsonl'] as const) {
      const output = join(dir, `csv-out.${format}`);
      const summary = await runToFile(csvInput, format, output);
      const expected = expectedOutput(index, format, rows);
      expect(readFileSync(output, 'utf8')).toBe(expected);
      expect(summary.rows).toBe(rows.length);
      const screened = rows.map((row) => screenRow(index, row, OPTIONS));
      expect(summary.errorCount).toBe(screened.filter((r) => r.error !== undefined).length);
      expect(summary.withMatches).toBe(screened.filter((r) => (r.matches ?? []).length > 0).length);
    }
    expect(rows.some((r) => 'query' in r && r.query.name.includes('\n'))).toBe(true);
    expect(screenedMatches(index, rows)).toBeGreaterThan(20);
  });

  it('writes, for a JSON lines file, exactly what screening each row alone gives', async () => {
    const rows = jsonRows(readFileSync(jsonInput, 'utf8'));
    const output = join(dir, 'json-out.jsonl');
    await runToFile(jsonInput, 'jsonl', output);
    expect(readFileSync(output, 'utf8')).toBe(expectedOutput(index, 'jsonl', rows));
  });

  it('resumes in the middle of a chunk and ends with the same file', async () => {
    const output = join(dir, 'resume.csv');
    await runToFile(csvInput, 'csv', output);
    const full = readFileSync(output, 'utf8');
    const lines = full.split('\n');
    writeFileSync(output, `${lines.slice(0, 53).join('\n')}\n${lines[53]!.slice(0, 5)}`);
    const summary = await runToFile(csvInput, 'csv', output);
    expect(summary.resumedAfter).toBe(52);
    expect(readFileSync(output, 'utf8')).toBe(full);
  });

  it('fails with the file line when the CSV is malformed', async () => {
    const input = join(dir, 'broken.csv');
    writeFileSync(input, 'name\nAna\nBeto\n"unclosed\nCarla\n');
    await expect(runToFile(input, 'csv', join(dir, 'broken-out.csv'))).rejects.toThrow(
      /broken\.csv:\d+: malformed CSV/,
    );
  });
});
