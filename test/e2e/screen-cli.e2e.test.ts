/**
 * `puente screen` and `puente match` as separate processes: single names, a batch file on
 * worker threads, bad rows reported by line, and resume after an interrupted run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_FIXTURE } from '../support/test-services.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'puente-screen-'));
const db = join(dir, 'puente.db');

function puente(...args: string[]) {
  const result = spawnSync(tsx, [join(root, 'src/cli/run.ts'), '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PUENTE_CONFIG: '', PUENTE_LOG_LEVEL: 'silent' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** 600 rows: listed names in several spellings, unlisted names, and three bad rows. */
function writePeople(): string {
  const names = [
    'Juan Perez Gomez',
    'PEDRO TORRES',
    'Maria Fernanda Lopez',
    'Inversiones La Esperanza SAS',
    'Carlos Ruiz',
  ];
  const rows = ['id,name,dob,country'];
  for (let i = 0; i < 600; i += 1) {
    if (i === 7) {
      rows.push('c-7,,1980,CO');
    } else if (i === 300) {
      rows.push('c-300,Ana Gomez,1980-13-40,CO');
    } else if (i === 555) {
      rows.push(`c-555,${'x'.repeat(5000)},,`);
    } else {
      rows.push(`c-${i},${names[i % names.length]},,`);
    }
  }
  const path = join(dir, 'people.csv');
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

beforeAll(() => {
  expect(puente('lists', 'ingest', HISTORY_FIXTURE).code).toBe(0);
});

describe('puente screen', () => {
  it('screens one name, with the explanation and the list versions', () => {
    const text = puente('screen', 'Juan Perez', '--dob', '1971');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('ofac-sdn:100');
    expect(text.stdout).toContain('ofac-sdn 2024-05-02');
    const json = JSON.parse(puente('screen', 'Juan Perez', '--json').stdout) as {
      matches: { entryId: string; score: number }[];
    };
    expect(json.matches[0]?.entryId).toBe('ofac-sdn:100');
    const bad = puente('screen', '  ');
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('validation_failed');
  });

  it('screens a file on worker threads, reports bad rows by line, and resumes after an interruption', () => {
    const people = writePeople();
    const out = join(dir, 'results.csv');
    const run = puente('screen', '--file', people, '--out', out, '--workers', '2');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('screened 600 rows');
    expect(run.stderr).toContain('3 bad rows');
    expect(run.stderr).toMatch(/line 9: field name/);
    const full = readFileSync(out, 'utf8');
    const lines = full.trim().split('\n');
    expect(lines).toHaveLength(601);
    expect(lines[1]).toMatch(/^2,c-0,Juan Perez Gomez,match,\d+,ofac-sdn:100,/);
    expect(lines[301]).toMatch(/^302,c-300,Ana Gomez,error,/);

    // An interrupted run: 250 complete rows and half of the next one.
    writeFileSync(out, `${lines.slice(0, 251).join('\n')}\n${lines[251]!.slice(0, 10)}`);
    const resumed = puente('screen', '--file', people, '--out', out);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('resumed after 250 rows');
    expect(readFileSync(out, 'utf8')).toBe(full);
  });

  it('prints one JSON line per input row with --json', () => {
    const input = join(dir, 'people.jsonl');
    writeFileSync(
      input,
      '{"name":"Pedro Torres"}\nnot json\n{"name":"Juan Perez Gomez","type":"individual"}\n',
    );
    const run = puente('screen', '--file', input, '--json');
    const lines = run.stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { line: number; matches?: { entryId: string }[]; error?: string },
      );
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(lines[0]?.matches?.[0]?.entryId).toBe('ofac-sdn:400');
    expect(lines[1]?.error).toBe('not valid JSON');
  });
});

describe('puente match', () => {
  it('prints the score and explanation of a pair, and of every pair in a file', () => {
    const one = JSON.parse(puente('match', 'Juan Perez', 'PEREZ GOMEZ, Juan', '--json').stdout) as {
      score: number;
      explanation: { summary: string };
    };
    expect(one.score).toBeGreaterThan(0.8);
    const pairs = join(dir, 'pairs.csv');
    writeFileSync(
      pairs,
      'name1,name2,type\nJuan Perez,"PEREZ GOMEZ, Juan",individual\n,"EMPTY",\n',
    );
    const lines = puente('match', '--file', pairs, '--json')
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { score?: number; error?: string });
    expect(lines[0]?.score).toBeGreaterThan(0.8);
    expect(lines[1]?.error).toContain('name1');
  });
});
