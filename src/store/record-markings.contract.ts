/**
 * Markings enforced by the store's query layer, run against a real database by each adapter's
 * test: a marked entry a viewer may not read does not exist for that viewer, whichever read
 * asks. Not run directly (vitest skips `*.contract.ts`).
 *
 * @module
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { testAudit } from '../../test/support/identity-fixtures.js';
import { testEntry, testPublication } from '../../test/support/watchlist-publications.js';
import type { RecordViewer } from '../access/record-viewer.js';
import type { AuditContext } from '../audit/audit-event.js';
import { verifyStoredAuditChain } from '../audit/verify-stored-chain.js';
import { userActor } from '../identity/actor.js';
import type { Organization } from '../identity/organization.js';
import type { Role } from '../identity/permissions.js';
import type { EntryMarking } from '../watchlist/watchlist-entry.js';
import type { Publication } from '../watchlist/watchlist-store.js';
import type { Store } from './store.js';

const SOURCE = 'kingpins-col';

/**
 * Declares the marking contract suite for one adapter.
 *
 * @example
 * runRecordMarkingsContract('SQLite', () => createSqliteStore(':memory:'));
 */
export function runRecordMarkingsContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Markings in the query layer (${name})`, () => {
    let store: Store;
    let uiaf: Organization;
    let dea: Organization;
    let bank: Organization;
    let publication: Publication;

    const viewer = (organization: Organization, role: Role = 'analyst'): RecordViewer => {
      const user = {
        id: `${organization.name}-${role}`,
        organizationId: organization.id,
        username: `${organization.name}-${role}`.toLowerCase(),
        displayName: 'Test',
        roles: [role],
        clearance: 'secret' as const,
        status: 'active' as const,
        mustChangePassword: false,
        totpEnabled: false,
        createdAt: '2026-01-01T00:00:00.000Z',
      };
      const actor = userActor(user, organization);
      const audit: AuditContext = {
        actor: { kind: 'user', id: actor.id, organizationId: organization.id },
      };
      return { actor, audit };
    };
    const marking = (overrides: Partial<EntryMarking>): EntryMarking => ({
      classification: 'unclassified',
      releasableTo: { countries: [], organizations: [] },
      caveats: [],
      tlp: 'GREEN',
      ...overrides,
    });
    const ids = (entries: readonly { sourceId: string }[]) => entries.map((e) => e.sourceId);
    const readEvents = async () =>
      (await store.audit.list({ action: 'record.read', limit: 1000 })).map((e) => e.details);

    beforeEach(async () => {
      store = await makeStore();
      const org = (name: string, kind: 'agency' | 'company', country: string) =>
        store.identity.createOrganization({ name, kind, country }, testAudit());
      uiaf = await org('UIAF', 'agency', 'COL');
      dea = await org('DEA', 'agency', 'USA');
      bank = await org('Banco', 'company', 'COL');
      const entries = [
        testEntry(SOURCE, 'K-1'),
        // Community-shareable with the United States.
        testEntry(SOURCE, 'K-2', {
          marking: marking({ releasableTo: { countries: ['USA'], organizations: [] } }),
        }),
        // Originator-controlled, for the DEA by name.
        testEntry(SOURCE, 'K-3', {
          marking: marking({
            classification: 'restricted',
            tlp: 'AMBER',
            caveats: ['ORCON'],
            releasableTo: { countries: [], organizations: [dea.id] },
          }),
        }),
        testEntry(SOURCE, 'K-4', { marking: marking({ tlp: 'RED' }) }),
      ];
      const ingest: AuditContext = {
        actor: { kind: 'user', id: 'uiaf-analyst', organizationId: uiaf.id },
      };
      ({ publication } = await store.watchlist.savePublication(testPublication(entries), ingest));
    });

    afterEach(async () => {
      await store.close();
    });

    it('shows each organization exactly the entries released to it, in every read', async () => {
      const cases = [
        { who: viewer(uiaf), sees: ['K-1', 'K-2', 'K-3', 'K-4'] },
        { who: viewer(dea), sees: ['K-1', 'K-2', 'K-3'] },
        { who: viewer(bank, 'compliance-officer'), sees: ['K-1'] },
      ];
      for (const { who, sees } of cases) {
        const visible = store.watchlist.visibleTo(who);
        expect(ids(await visible.listEntries(publication.id))).toEqual(sees);
        expect(ids(await visible.listEntryRefs(publication.id))).toEqual(sees);
        const [listed] = await visible.listPublications(SOURCE);
        expect(listed?.entryCount).toBe(sees.length);
        expect((await visible.currentPublications())[0]?.entryCount).toBe(sees.length);
        expect((await visible.findPublication(publication.id))?.entryCount).toBe(sees.length);
        for (const sourceId of ['K-1', 'K-2', 'K-3', 'K-4']) {
          const found = await visible.findEntry(publication.id, sourceId);
          expect(found?.sourceId).toBe(sees.includes(sourceId) ? sourceId : undefined);
          const history = await visible.entryHistory(SOURCE, sourceId);
          expect(history.length).toBe(sees.includes(sourceId) ? 1 : 0);
        }
        const refs = await store.watchlist.listEntryRefs(publication.id);
        const versions = await visible.findEntryVersions(refs.map((ref) => ref.versionHash));
        expect([...versions.values()].map((e) => e.sourceId).sort()).toEqual(sees);
        const all = ['K-1', 'K-2', 'K-3', 'K-4'].map((id) => `${SOURCE}:${id}`);
        const readable = await visible.filterReadable([publication], all);
        expect([...readable].sort()).toEqual(sees.map((id) => `${SOURCE}:${id}`));
      }
    });

    it('keeps markings on the entries it returns, so combined results carry them', async () => {
      const entry = await store.watchlist.visibleTo(viewer(dea)).findEntry(publication.id, 'K-3');
      expect(entry?.marking).toMatchObject({ tlp: 'AMBER', caveats: ['ORCON'] });
    });

    it('hides a publication whose every entry is hidden', async () => {
      const red = testPublication(
        [testEntry(SOURCE, 'K-9', { marking: marking({ tlp: 'RED' }) })],
        {
          publishedAt: '2024-02-01',
        },
      );
      const ingest: AuditContext = { actor: { kind: 'user', id: 'u', organizationId: uiaf.id } };
      const visible = store.watchlist.visibleTo(viewer(dea));
      // Asking about a publication before it exists must not remember it as unmarked.
      expect(await visible.findEntry(publication.id + 1, 'K-9')).toBeUndefined();
      const { publication: hiddenOne } = await store.watchlist.savePublication(red, ingest);
      expect(hiddenOne.id).toBe(publication.id + 1);
      expect(await visible.findEntry(hiddenOne.id, 'K-9')).toBeUndefined();
      expect(await visible.listEntries(hiddenOne.id)).toEqual([]);
      expect(await visible.findPublication(hiddenOne.id)).toBeUndefined();
      expect((await visible.listPublications(SOURCE)).map((p) => p.id)).toEqual([publication.id]);
      expect(await visible.currentPublications()).toEqual([]);
      expect((await store.watchlist.visibleTo(viewer(uiaf)).currentPublications())[0]?.id).toBe(
        hiddenOne.id,
      );
    });

    it('audits every read of marked entries, and none of unmarked ones', async () => {
      const visible = store.watchlist.visibleTo(viewer(dea));
      await visible.findEntry(publication.id, 'K-1');
      expect(await readEvents()).toEqual([]);
      await visible.findEntry(publication.id, 'K-3');
      await visible.listEntries(publication.id);
      await visible.filterReadable([publication], [`${SOURCE}:K-2`, `${SOURCE}:K-4`]);
      expect(await readEvents()).toEqual([
        { count: 1, ids: [`${SOURCE}:K-3`] },
        { count: 2, ids: [`${SOURCE}:K-2`, `${SOURCE}:K-3`] },
        { count: 1, ids: [`${SOURCE}:K-2`] },
      ]);
      const events = await store.audit.list({ action: 'record.read' });
      expect(events.every((e) => e.organizationId === dea.id)).toBe(true);
      expect(await verifyStoredAuditChain(store.audit)).toMatchObject({ intact: true });
    });

    it('refuses a marked list without an originating organization, storing nothing', async () => {
      const marked = testPublication([testEntry('other-list', 'X-1', { marking: marking({}) })], {
        source: 'other-list',
      });
      const local: AuditContext = { actor: { kind: 'os-user', id: 'ops', organizationId: null } };
      await expect(store.watchlist.savePublication(marked, local)).rejects.toMatchObject({
        code: 'validation_failed',
      });
      expect(await store.watchlist.listPublications('other-list')).toEqual([]);
    });

    it('leaves the unscoped store (local operators, index builds) unfiltered', async () => {
      expect(ids(await store.watchlist.listEntries(publication.id))).toEqual([
        'K-1',
        'K-2',
        'K-3',
        'K-4',
      ]);
      expect(await readEvents()).toEqual([]);
    });
  });
}
