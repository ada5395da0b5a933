/**
 * The `puente` command end to end, as a separate process on a real SQLite file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HISTORY_FIXTURE } from '../support/test-services.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function puente(db: string, ...args: string[]) {
  const result = spawnSync(tsx, [join(root, 'src/cli/run.ts'), '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PUENTE_CONFIG: '', PUENTE_LOG_LEVEL: 'silent' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const freshDb = () => join(mkdtempSync(join(tmpdir(), 'puente-cli-')), 'puente.db');

describe('puente lists', () => {
  it('ingests, reports status, diffs and shows entries, in text and JSON', () => {
    const db = freshDb();
    const ingest = puente(db, 'lists', 'ingest', HISTORY_FIXTURE, '--json');
    expect(ingest.code, ingest.stderr).toBe(0);
    const ingested = JSON.parse(ingest.stdout) as {
      publications: { created: boolean; publication: { publishedAt: string } }[];
    };
    expect(ingested.publications.map((p) => p.publication.publishedAt)).toEqual([
      '2024-05-01',
      '2024-05-02',
    ]);

    const text = puente(db, 'lists', 'ingest', HISTORY_FIXTURE);
    expect(text.stdout).toContain('unchanged (identical content already stored)');

    const status = puente(db, 'lists', 'status');
    expect(status.stdout).toMatch(/ofac-sdn\s+#2\s+2024-05-02\s+3\s+2/);

    const diff = JSON.parse(
      puente(db, 'lists', 'diff', 'ofac-sdn@2024-05-01', 'ofac-sdn@2024-05-02', '--json').stdout,
    ) as {
      counts: Record<string, number>;
    };
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
    const diffText = puente(db, 'lists', 'diff', '1', '2').stdout;
    expect(diffText).toContain('+ ofac-sdn:400');
    expect(diffText).toContain('~ ofac-sdn:100  PEREZ GOMEZ, Juan: programs');

    const show = puente(db, 'lists', 'show', 'ofac-sdn:100');
    expect(show.stdout).toContain('Cedula No. 71980054 (Colombia)');
    expect(show.stdout).toContain('JUANCHO (aka, weak)');
  });

  it('exits with a code and a clear message on bad input', () => {
    const db = freshDb();
    const missing = puente(db, 'lists', 'ingest', '/nonexistent/sdn.csv');
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain('puente: error [not_found]');
    const dir = mkdtempSync(join(tmpdir(), 'puente-cli-bad-'));
    writeFileSync(join(dir, 'sdn.csv'), '1,"BROKEN\r\n');
    const broken = puente(db, 'lists', 'ingest', join(dir, 'sdn.csv'));
    expect(broken.code).toBe(65);
    expect(broken.stderr).toMatch(/parse_failed.*sdn\.csv/);
    const badRef = puente(db, 'lists', 'diff', 'ofac-sdn@x', 'ofac-sdn');
    expect(badRef.code).toBe(64);
    const badDb = puente('mysql://root@localhost/x', 'lists', 'status');
    expect(badDb.code).toBe(78);
    expect(badDb.stderr).toContain('config_invalid');
  });
});
