/**
 * `puente lists marking`: another organization's operator raises an entry's marking but may
 * not lower it; the originator's operator lowers it; both are kept in the entry's history.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, expect, it, vi } from 'vitest';

import { testAudit } from '../../../test/support/identity-fixtures.js';
import { testEntry, testPublication } from '../../../test/support/watchlist-publications.js';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../core/logger.js';
import { createServices } from '../../services.js';
import { runCli } from '../main.js';

const folder = mkdtempSync(join(tmpdir(), 'puente-marking-cli-'));
const env = {
  PUENTE_DB: join(folder, 'puente.db'),
  PUENTE_AUDIT_KEY_PATH: join(folder, 'audit.pem'),
  PUENTE_LOG_LEVEL: 'silent',
};
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(folder, { recursive: true, force: true });
});

it('raises for a reader, refuses its lowering, and lets the originator lower', async () => {
  for (const [key, value] of Object.entries(env)) {
    vi.stubEnv(key, value);
  }
  const services = await createServices(loadConfig(process.env, {}), createLogger('silent'));
  const col = await services.store.identity.createOrganization(
    { name: 'UIAF', kind: 'agency', country: 'COL' },
    testAudit(),
  );
  const usa = await services.store.identity.createOrganization(
    { name: 'DEA', kind: 'agency', country: 'USA' },
    testAudit(),
  );
  const marking = {
    classification: 'unclassified',
    releasableTo: { countries: ['USA'], organizations: [] },
    caveats: [],
    tlp: 'GREEN',
  };
  await services.store.watchlist.savePublication(
    testPublication([testEntry('kingpins-col', 'K-1', { marking })]),
    { actor: { kind: 'user', id: 'u', organizationId: col.id } },
  );
  await services.close();
  const id = 'kingpins-col:K-1';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(await runCli(['lists', 'marking', id, '--org', usa.id, '--tlp', 'AMBER'])).toBe(64);
    expect(
      await runCli(['lists', 'marking', id, '--org', usa.id, '--tlp', 'amber', '--reason', 'risk']),
    ).toBe(0);
    // AMBER without naming the DEA: the DEA no longer sees it, so it answers like no entry.
    expect(await runCli(['lists', 'marking', id, '--org', usa.id])).toBe(66);
    expect(
      await runCli(['lists', 'marking', id, '--org', col.id, '--tlp', 'GREEN', '--reason', 'ok']),
    ).toBe(0);
    expect(
      await runCli([
        'lists',
        'marking',
        id,
        '--org',
        usa.id,
        '--rel-to',
        'USA,GBR',
        '--reason',
        'x',
      ]),
    ).toBe(77);
    out.mockClear();
    expect(await runCli(['lists', 'marking', id, '--org', col.id, '--json'])).toBe(0);
    const printed = out.mock.calls.map((call) => String(call[0])).join('');
    const view = JSON.parse(printed) as { changes: { kind: string; marking: { tlp: string } }[] };
    expect(view.changes.map((c) => [c.kind, c.marking.tlp])).toEqual([
      ['raise', 'AMBER'],
      ['lower', 'GREEN'],
    ]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
});
