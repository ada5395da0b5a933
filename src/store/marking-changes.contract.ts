/**
 * Marking changes in the store, run against a real database by each adapter's test: a change
 * applies to the entry in every publication at once (reads and screening filters of every
 * viewer), is kept in the entry's history with its audit event, survives a re-ingest, and a
 * change decided on a stale marking is refused. Not run directly (vitest skips `*.contract.ts`).
 *
 * @module
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { testAudit } from '../../test/support/identity-fixtures.js';
import { testEntry, testPublication } from '../../test/support/watchlist-publications.js';
import type { Marking } from '../access/marking.js';
import type { RecordViewer } from '../access/record-viewer.js';
import type { AuditContext } from '../audit/audit-event.js';
import { verifyStoredAuditChain } from '../audit/verify-stored-chain.js';
import { userActor } from '../identity/actor.js';
import type { Organization } from '../identity/organization.js';
import type { EntryMarking } from '../watchlist/watchlist-entry.js';
import type { Publication } from '../watchlist/watchlist-store.js';
import type { Store } from './store.js';

const SOURCE = 'kingpins-col';

/**
 * Declares the marking-change contract suite for one adapter.
 *
 * @example
 * runMarkingChangesContract('SQLite', () => createSqliteStore(':memory:'));
 */
export function runMarkingChangesContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Marking changes (${name})`, () => {
    let store: Store;
    let uiaf: Organization;
    let dea: Organization;
    let publication: Publication;
    let ingest: AuditContext;

    const viewer = (organization: Organization): RecordViewer => {
      const actor = userActor(
        {
          id: `${organization.name}-analyst`,
          organizationId: organization.id,
          username: `${organization.name}-analyst`.toLowerCase(),
          displayName: 'Test',
          roles: ['analyst'],
          clearance: 'secret',
          status: 'active',
          mustChangePassword: false,
          totpEnabled: false,
          createdAt: '2026-01-01T00:00:00.000Z',
        },
        organization,
      );
      return {
        actor,
        audit: { actor: { kind: 'user', id: actor.id, organizationId: organization.id } },
      };
    };
    const green = (countries: string[]): EntryMarking => ({
      classification: 'unclassified',
      releasableTo: { countries, organizations: [] },
      caveats: [],
      tlp: 'GREEN',
    });
    const full = (declared: EntryMarking): Marking =>
      ({ ...declared, originators: [{ organizationId: uiaf.id, country: 'COL' }] }) as Marking;
    const sees = async (organization: Organization, publicationId = publication.id) =>
      (await store.watchlist.visibleTo(viewer(organization)).listEntries(publicationId)).map(
        (entry) => entry.sourceId,
      );

    beforeEach(async () => {
      store = await makeStore();
      uiaf = await store.identity.createOrganization(
        { name: 'UIAF', kind: 'agency', country: 'COL' },
        testAudit(),
      );
      dea = await store.identity.createOrganization(
        { name: 'DEA', kind: 'agency', country: 'USA' },
        testAudit(),
      );
      ingest = { actor: { kind: 'user', id: 'uiaf-analyst', organizationId: uiaf.id } };
      const entries = [
        testEntry(SOURCE, 'K-1', { marking: green(['COL', 'USA']) }),
        testEntry(SOURCE, 'K-2', { marking: green(['COL']) }),
      ];
      ({ publication } = await store.watchlist.savePublication(testPublication(entries), ingest));
    });

    afterEach(async () => {
      await store.close();
    });

    it('raises and lowers an entry at once for every read, with history and audit', async () => {
      expect(await sees(dea)).toEqual(['K-1']);
      const declared = full(green(['COL', 'USA']));
      expect(await store.markings.currentEntryMarking(SOURCE, 'K-1')).toEqual(declared);
      // Read once so the markings are cached, then raise: the cache must not answer.
      const raised = { ...declared, releasableTo: { countries: ['COL'], organizations: [] } };
      const change = await store.markings.changeEntryMarking(
        {
          source: SOURCE,
          sourceId: 'K-1',
          kind: 'raise',
          expected: declared,
          marking: raised,
          reason: 'source at risk',
        },
        { ...viewer(dea).audit, reason: 'source at risk' },
      );
      expect(change).toMatchObject({
        entryId: `${SOURCE}:K-1`,
        kind: 'raise',
        reason: 'source at risk',
      });
      expect(await sees(dea)).toEqual([]);
      const entryIds = [`${SOURCE}:K-1`, `${SOURCE}:K-2`];
      expect([
        ...(await store.watchlist.visibleTo(viewer(dea)).filterReadable([publication], entryIds)),
      ]).toEqual([]);
      expect([...(await store.markings.readableEntries(viewer(dea), entryIds, false))]).toEqual([]);
      // The originator sees the current marking on the entry itself.
      const seen = await store.watchlist.visibleTo(viewer(uiaf)).findEntry(publication.id, 'K-1');
      expect(seen?.marking?.releasableTo.countries).toEqual(['COL']);

      await store.markings.changeEntryMarking(
        {
          source: SOURCE,
          sourceId: 'K-1',
          kind: 'lower',
          expected: raised,
          marking: declared,
          reason: 'released again',
        },
        viewer(uiaf).audit,
      );
      expect(await sees(dea)).toEqual(['K-1']);
      const history = await store.markings.entryMarkingChanges(SOURCE, 'K-1');
      expect(
        history.map((h) => [
          h.kind,
          h.previous.releasableTo.countries,
          h.marking.releasableTo.countries,
          h.organizationId,
        ]),
      ).toEqual([
        ['raise', ['COL', 'USA'], ['COL'], dea.id],
        ['lower', ['COL'], ['COL', 'USA'], uiaf.id],
      ]);
      const events = await store.audit.list({ limit: 1000 });
      const changes = events.filter((e) => e.action.startsWith('marking.'));
      expect(changes.map((e) => [e.action, e.targetId, e.reason])).toEqual([
        ['marking.raise', `${SOURCE}:K-1`, 'source at risk'],
        ['marking.lower', `${SOURCE}:K-1`, null],
      ]);
      expect(changes[0]?.details).toMatchObject({
        from: 'UNCLASSIFIED//REL TO COL, USA TLP:GREEN',
        to: 'UNCLASSIFIED//REL TO COL TLP:GREEN',
      });
      expect(await verifyStoredAuditChain(store.audit)).toMatchObject({ intact: true });
    });

    it('refuses a change decided on a marking that is no longer current', async () => {
      const declared = full(green(['COL', 'USA']));
      const raised = { ...declared, tlp: 'AMBER' as const };
      const input = {
        source: SOURCE,
        sourceId: 'K-1',
        kind: 'raise' as const,
        expected: declared,
        marking: raised,
        reason: 'r',
      };
      await store.markings.changeEntryMarking(input, viewer(uiaf).audit);
      await expect(
        store.markings.changeEntryMarking(
          { ...input, marking: { ...declared, tlp: 'RED' } },
          viewer(uiaf).audit,
        ),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect(await store.markings.entryMarkingChanges(SOURCE, 'K-1')).toHaveLength(1);
      expect((await store.markings.currentEntryMarking(SOURCE, 'K-1'))?.tlp).toBe('AMBER');
    });

    it('keeps a raise across a re-ingest that declares the old marking, and never lowers an older publication', async () => {
      // An older publication that was stricter than the current one.
      const older = testPublication(
        [testEntry(SOURCE, 'K-1', { name: 'OLD', marking: { ...green([]), tlp: 'RED' } })],
        {
          publishedAt: '2023-01-01',
        },
      );
      const { publication: old } = await store.watchlist.savePublication(older, ingest);
      const declared = full(green(['COL', 'USA']));
      const raised = { ...declared, releasableTo: { countries: ['COL'], organizations: [] } };
      await store.markings.changeEntryMarking(
        {
          source: SOURCE,
          sourceId: 'K-1',
          kind: 'raise',
          expected: declared,
          marking: raised,
          reason: 'r',
        },
        viewer(dea).audit,
      );
      expect(
        (await store.watchlist.visibleTo(viewer(uiaf)).findEntry(old.id, 'K-1'))?.marking?.tlp,
      ).toBe('RED');
      const next = testPublication(
        [
          testEntry(SOURCE, 'K-1', { marking: green(['COL', 'USA']), name: 'NEW NAME' }),
          testEntry(SOURCE, 'K-3', { marking: green(['USA']) }),
        ],
        { publishedAt: '2026-06-01' },
      );
      const { publication: later } = await store.watchlist.savePublication(next, ingest);
      expect(await sees(dea, later.id)).toEqual(['K-3']);
      expect(
        (await store.markings.currentEntryMarking(SOURCE, 'K-1'))?.releasableTo.countries,
      ).toEqual(['COL']);
    });

    it('answers nothing for unknown and public entries', async () => {
      await store.watchlist.savePublication(
        testPublication([testEntry('un', 'QDi.1')], { source: 'un' }),
      );
      expect(await store.markings.currentEntryMarking(SOURCE, 'K-99')).toBeUndefined();
      expect(await store.markings.currentEntryMarking('un', 'QDi.1')).toBeUndefined();
      expect([
        ...(await store.markings.readableEntries(viewer(dea), ['un:QDi.1', `${SOURCE}:K-2`], true)),
      ]).toEqual(['un:QDi.1']);
      expect(await store.audit.list({ action: 'record.read' })).toEqual([]);
      await store.markings.readableEntries(viewer(dea), [`${SOURCE}:K-1`], true);
      expect((await store.audit.list({ action: 'record.read' })).map((e) => e.targetId)).toEqual([
        `${SOURCE}:K-1`,
      ]);
    });
  });
}
