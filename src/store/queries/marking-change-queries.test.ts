/**
 * A marking change made by one process is seen at once by another that cached the markings
 * (two stores over one SQLite file stand for two API processes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, expect, it } from 'vitest';

import { testAudit } from '../../../test/support/identity-fixtures.js';
import { testEntry, testPublication } from '../../../test/support/watchlist-publications.js';
import type { RecordViewer } from '../../access/record-viewer.js';
import { userActor } from '../../identity/actor.js';
import { createSqliteStore } from '../sqlite/sqlite-store.js';

const folder = mkdtempSync(join(tmpdir(), 'puente-markings-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

it('hides a raised entry from a process that had cached its marking', async () => {
  const file = join(folder, 'puente.db');
  const writer = await createSqliteStore(file);
  const reader = await createSqliteStore(file);
  try {
    const uiaf = await writer.identity.createOrganization(
      { name: 'UIAF', kind: 'agency', country: 'COL' },
      testAudit(),
    );
    const dea = await writer.identity.createOrganization(
      { name: 'DEA', kind: 'agency', country: 'USA' },
      testAudit(),
    );
    const marking = {
      classification: 'unclassified',
      releasableTo: { countries: ['USA'], organizations: [] },
      caveats: [],
      tlp: 'GREEN',
    };
    const { publication } = await writer.watchlist.savePublication(
      testPublication([testEntry('kingpins-col', 'K-1', { marking })]),
      { actor: { kind: 'user', id: 'u', organizationId: uiaf.id } },
    );
    const actor = userActor(
      {
        id: 'dea-analyst',
        organizationId: dea.id,
        username: 'dea',
        displayName: 'DEA',
        roles: ['analyst'],
        clearance: 'secret',
        status: 'active',
        mustChangePassword: false,
        totpEnabled: false,
        createdAt: '2026-01-01T00:00:00.000Z',
      },
      dea,
    );
    const viewer: RecordViewer = {
      actor,
      audit: { actor: { kind: 'user', id: actor.id, organizationId: dea.id } },
    };
    const visible = reader.watchlist.visibleTo(viewer);
    expect(await visible.findEntry(publication.id, 'K-1')).toBeDefined();
    const current = (await writer.markings.currentEntryMarking('kingpins-col', 'K-1'))!;
    await writer.markings.changeEntryMarking(
      {
        source: 'kingpins-col',
        sourceId: 'K-1',
        kind: 'raise',
        expected: current,
        marking: { ...current, tlp: 'RED' },
        reason: 'source at risk',
      },
      viewer.audit,
    );
    expect(await visible.findEntry(publication.id, 'K-1')).toBeUndefined();
    expect(await visible.filterReadable([publication], ['kingpins-col:K-1'])).toEqual(new Set());
  } finally {
    await reader.close();
    await writer.close();
  }
});
