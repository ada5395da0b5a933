/**
 * `puente admin` and `puente audit` end to end, as separate processes on a real SQLite file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { HISTORY_FIXTURE } from '../support/test-services.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function puente(folder: string, ...args: string[]) {
  const result = spawnSync(
    tsx,
    [join(root, 'src/cli/run.ts'), '--db', join(folder, 'puente.db'), ...args],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        PUENTE_CONFIG: '',
        PUENTE_LOG_LEVEL: 'silent',
        PUENTE_ADMIN_PASSWORD: 'a long enough passphrase',
        PUENTE_PASSWORD_HASH_COST: '10',
        PUENTE_AUDIT_KEY_PATH: join(folder, 'keys', 'audit.pem'),
      },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('puente admin and puente audit', () => {
  it('bootstraps once, audits local commands as the OS user, verifies and detects tampering', () => {
    const folder = mkdtempSync(join(tmpdir(), 'puente-admin-'));
    const boot = [
      'admin',
      'bootstrap',
      '--org-name',
      'DIJIN',
      '--org-kind',
      'agency',
      '--country',
      'COL',
      '--username',
      'root',
    ];
    expect(puente(folder, ...boot).code).toBe(0);
    const again = puente(folder, ...boot);
    expect(again.code).toBe(75);
    expect(again.stderr).toContain('[conflict]');
    expect(puente(folder, 'lists', 'ingest', HISTORY_FIXTURE).code).toBe(0);

    const orgs = JSON.parse(puente(folder, 'admin', 'orgs', '--json').stdout) as {
      organizations: { id: string }[];
    };
    const issue = puente(
      folder,
      'admin',
      'key',
      'issue',
      '--org',
      orgs.organizations[0]!.id,
      '--service-account',
      'bank',
      '--permissions',
      'list.read',
    );
    expect(issue.code, issue.stderr).toBe(0);
    expect(issue.stdout.trim()).toMatch(/^puente_[0-9a-f]{16}_/);

    const verify = puente(folder, 'audit', 'verify');
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toContain('audit trail intact');
    const lines = puente(folder, 'audit', 'export').stdout.trim().split('\n');
    const events = lines.map((line) => JSON.parse(line) as { action: string; actorKind: string });
    expect(events.map((e) => e.action)).toEqual([
      'identity.bootstrap',
      'list.ingest',
      'list.ingest',
      'service-account.create',
      'api-key.create',
      'audit.export',
    ]);
    expect(new Set(events.map((e) => e.actorKind))).toEqual(new Set(['os-user']));

    const raw = new BetterSqlite3(join(folder, 'puente.db'));
    raw.prepare(`update audit_event set reason = 'changed' where seq = 2`).run();
    raw.close();
    const broken = puente(folder, 'audit', 'verify');
    expect(broken.code).toBe(3);
    expect(broken.stdout).toContain('BROKEN at event 2');
  });
});
