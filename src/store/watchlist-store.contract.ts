/**
 * The behaviour every `WatchlistStore` adapter must show, run against a real database by each
 * adapter's test. Not run directly (vitest skips `*.contract.ts`).
 *
 * @module
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  largeEntry,
  testEntry,
  testPublication,
  toStoredEntry,
} from '../../test/support/watchlist-publications.js';
import type { WatchlistEntry } from '../watchlist/watchlist-entry.js';
import type { NewPublication, WatchlistStore } from '../watchlist/watchlist-store.js';
import type { Store } from './store.js';

/**
 * Declares the contract suite for one adapter. `makeStore` must return a fresh, empty store
 * on every call; the suite closes it after each test.
 *
 * @example
 * runWatchlistStoreContract('SQLite', () => createSqliteStore(':memory:'));
 */
export function runWatchlistStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`WatchlistStore contract (${name})`, () => {
    let store: Store;
    let watchlist: WatchlistStore;

    beforeEach(async () => {
      store = await makeStore();
      watchlist = store.watchlist;
    });

    afterEach(async () => {
      await store.close();
    });

    async function save(publication: NewPublication): Promise<number> {
      const result = await watchlist.savePublication(publication);
      expect(result.created).toBe(true);
      return result.publication.id;
    }

    describe('savePublication and reads', () => {
      it('stores a publication and returns it with every field', async () => {
        const entries = [testEntry('ofac-sdn', '200'), testEntry('ofac-sdn', '100')];
        const input = testPublication(entries, {
          publishedAt: '2024-05-03',
          files: ['sdn.csv', 'alt.csv'],
        });

        const { publication, created } = await watchlist.savePublication(input);

        expect(created).toBe(true);
        expect(publication).toEqual({
          id: publication.id,
          source: 'ofac-sdn',
          publishedAt: '2024-05-03',
          contentHash: input.contentHash,
          ingestedAt: input.ingestedAt,
          entryCount: 2,
          files: ['sdn.csv', 'alt.csv'],
          report: input.report,
        });
        expect(await watchlist.findPublication(publication.id)).toEqual(publication);
        expect(await watchlist.listPublications()).toEqual([publication]);
      });

      it('finds entries and their versions', async () => {
        const entry = testEntry('ofac-sdn', '100', { programs: ['SDNTK'] });
        const id = await save(testPublication([entry]));
        const { versionHash } = toStoredEntry(entry);

        expect(await watchlist.findEntry(id, '100')).toEqual(entry);
        expect(await watchlist.listEntryRefs(id)).toEqual([{ sourceId: '100', versionHash }]);
        expect(await watchlist.findEntryVersions([versionHash, 'unknown'])).toEqual(
          new Map([[versionHash, entry]]),
        );
      });

      it('returns undefined or nothing for what does not exist', async () => {
        const id = await save(testPublication([testEntry('ofac-sdn', '100')]));

        expect(await watchlist.findPublication(id + 1000)).toBeUndefined();
        expect(await watchlist.findEntry(id, 'missing')).toBeUndefined();
        expect(await watchlist.findEntry(id + 1000, '100')).toBeUndefined();
        expect(await watchlist.listEntries(id + 1000)).toEqual([]);
        expect(await watchlist.listEntryRefs(id + 1000)).toEqual([]);
        expect(await watchlist.findEntryVersions([])).toEqual(new Map());
        expect(await watchlist.entryHistory('ofac-sdn', 'missing')).toEqual([]);
        expect(await watchlist.listPublications('un')).toEqual([]);
      });

      it('lists entries and refs in sourceId order whatever the input order', async () => {
        const ids = ['b-2', 'Z', '10', 'a-1', '9', 'B-2', 'QDi.001'];
        const entries = ids.map((sourceId) => testEntry('un', sourceId));
        const id = await save(testPublication(entries));
        const sorted = [...ids].sort();

        const refs = await watchlist.listEntryRefs(id);
        const listed = await watchlist.listEntries(id);

        expect(refs.map((ref) => ref.sourceId)).toEqual(sorted);
        expect(listed.map((entry) => entry.sourceId)).toEqual(sorted);
        expect(refs.map((ref) => ref.versionHash)).toEqual(
          sorted.map((sourceId) => toStoredEntry(testEntry('un', sourceId)).versionHash),
        );
      });

      it('stores a publication without entries', async () => {
        const id = await save(testPublication([], { source: 'un' }));

        expect((await watchlist.findPublication(id))?.entryCount).toBe(0);
        expect(await watchlist.listEntries(id)).toEqual([]);
      });

      it('round-trips Arabic, Cyrillic, CJK and accented text', async () => {
        const entry = testEntry('un', 'QDi.042', {
          name: 'José Núñez Peña',
          originalScriptName: 'محمد عبد الله',
          aliases: [
            {
              name: 'Владимир Иванович',
              type: 'aka',
              strength: 'strong',
              origin: 'un',
              script: 'Cyrl',
            },
            { name: '金正恩', type: 'aka', strength: 'strong', origin: 'un', script: 'Hani' },
            { name: 'Ñandú Çağlar Ærøskøbing', type: 'fka', strength: 'weak', origin: 'un' },
          ],
          remarks: 'Ελληνικά, עברית, हिन्दी, 😀 and "quotes" \\ back\nslash',
        });
        const input = testPublication([entry], {
          files: ['lista-consolidada-ñ.xml'],
          report: {
            entries: 1,
            facts: { 'alias-Кириллица': 1 },
            fragments: 0,
            unparsedFragments: 0,
            linksResolved: 0,
            warningCounts: {},
            warnings: [{ code: 'bad-date', message: 'fecha inválida «31/02»', file: 'x.xml' }],
          },
        });
        const id = await save(input);

        expect(await watchlist.findEntry(id, 'QDi.042')).toEqual(entry);
        expect(await watchlist.listEntries(id)).toEqual([entry]);
        const publication = await watchlist.findPublication(id);
        expect(publication?.files).toEqual(input.files);
        expect(publication?.report).toEqual(input.report);
      });
    });

    describe('identical content', () => {
      it('returns the existing publication with created:false and writes nothing', async () => {
        const first = testPublication([testEntry('ofac-sdn', '1')], { contentHash: 'same' });
        const again = testPublication([testEntry('ofac-sdn', '2')], {
          contentHash: 'same',
          publishedAt: '2030-01-01',
        });
        const { publication } = await watchlist.savePublication(first);

        const result = await watchlist.savePublication(again);

        expect(result).toEqual({ publication, created: false });
        expect(await watchlist.listPublications()).toEqual([publication]);
        const newVersion = again.entries[0]!.versionHash;
        expect((await watchlist.findEntryVersions([newVersion])).size).toBe(0);
      });

      it('stores the same content hash again for another source', async () => {
        await save(testPublication([testEntry('ofac-sdn', '1')], { contentHash: 'same' }));
        await save(testPublication([testEntry('un', '1')], { contentHash: 'same' }));

        expect(await watchlist.listPublications()).toHaveLength(2);
      });
    });

    describe('entry versions', () => {
      it('shares unchanged versions between publications and keeps changed ones apart', async () => {
        const kept = testEntry('ofac-sdn', '1');
        const before = testEntry('ofac-sdn', '2');
        const after = testEntry('ofac-sdn', '2', { programs: ['SDNTK'] });
        const first = await save(testPublication([kept, before], { publishedAt: '2024-01-01' }));
        const second = await save(testPublication([kept, after], { publishedAt: '2024-02-01' }));

        const [firstRefs, secondRefs] = [
          await watchlist.listEntryRefs(first),
          await watchlist.listEntryRefs(second),
        ];
        expect(secondRefs[0]).toEqual(firstRefs[0]);
        expect(secondRefs[1]?.versionHash).not.toBe(firstRefs[1]?.versionHash);
        const versions = await watchlist.findEntryVersions([
          firstRefs[1]!.versionHash,
          secondRefs[1]!.versionHash,
        ]);
        expect(versions.get(firstRefs[1]!.versionHash)).toEqual(before);
        expect(versions.get(secondRefs[1]!.versionHash)).toEqual(after);
        expect(await watchlist.listEntries(first)).toEqual([kept, before]);
        expect(await watchlist.listEntries(second)).toEqual([kept, after]);
      });

      it('serializes entries given without their canonical JSON', async () => {
        const entry = testEntry('un', 'QDi.001', { title: 'Mullah', programs: ['TAi'] });
        const stored = toStoredEntry(entry);
        const withoutJson = {
          sourceId: stored.sourceId,
          versionHash: stored.versionHash,
          entry: stored.entry,
        };
        const input = { ...testPublication([entry]), entries: [withoutJson] };

        const { publication } = await watchlist.savePublication(input);

        expect(await watchlist.listEntries(publication.id)).toEqual([entry]);
        expect(await watchlist.findEntryVersions([withoutJson.versionHash])).toEqual(
          new Map([[withoutJson.versionHash, entry]]),
        );
      });

      it('finds versions given duplicate hashes', async () => {
        const entry = testEntry('un', 'QDi.001');
        await save(testPublication([entry]));
        const { versionHash } = toStoredEntry(entry);

        const versions = await watchlist.findEntryVersions([versionHash, versionHash]);

        expect([...versions.keys()]).toEqual([versionHash]);
      });
    });

    describe('publication order', () => {
      it('lists publications newest publishedAt first, ties by newest id', async () => {
        const a = await save(pub('ofac-sdn', '2024-01-01', 'a'));
        const b = await save(pub('ofac-sdn', '2024-03-01', 'b'));
        const c = await save(pub('un', '2024-02-01', 'c'));
        const d = await save(pub('ofac-sdn', '2024-03-01', 'd'));

        expect(ids(await watchlist.listPublications())).toEqual([d, b, c, a]);
        expect(ids(await watchlist.listPublications('ofac-sdn'))).toEqual([d, b, a]);
        expect(ids(await watchlist.listPublications('un'))).toEqual([c]);
      });

      it('keeps the newest publishedAt current when an older one is ingested later', async () => {
        const newest = await save(pub('ofac-sdn', '2024-03-01', 'march'));
        await save(pub('ofac-sdn', '2024-01-01', 'january'));
        const un = await save(pub('un', '2024-02-01', 'un'));
        await save(pub('ofac-sdn', '2024-02-01', 'february'));

        const current = await watchlist.currentPublications();

        expect(current.map((p) => [p.source, p.id])).toEqual([
          ['ofac-sdn', newest],
          ['un', un],
        ]);
      });

      it('breaks publishedAt ties by the greatest id', async () => {
        await save(pub('ofac-sdn', '2024-03-01', 'first'));
        const second = await save(pub('ofac-sdn', '2024-03-01', 'second'));

        expect(ids(await watchlist.currentPublications())).toEqual([second]);
      });

      it('has no current publication in an empty store', async () => {
        expect(await watchlist.currentPublications()).toEqual([]);
      });
    });

    describe('entryHistory', () => {
      it('lists the publications holding an entry, oldest first', async () => {
        const v1 = testEntry('ofac-sdn', '7');
        const v2 = testEntry('ofac-sdn', '7', { programs: ['SDNTK'] });
        const other = testEntry('ofac-sdn', '8');
        const march = await save(testPublication([v2], { publishedAt: '2024-03-01' }));
        const january = await save(testPublication([v1], { publishedAt: '2024-01-01' }));
        await save(testPublication([other], { publishedAt: '2024-02-01' }));
        const april = await save(testPublication([v2, other], { publishedAt: '2024-04-01' }));
        await save(testPublication([testEntry('un', '7')], { publishedAt: '2024-01-15' }));

        const history = await watchlist.entryHistory('ofac-sdn', '7');

        expect(history).toEqual([
          { publicationId: january, publishedAt: '2024-01-01', versionHash: hashOf(v1) },
          { publicationId: march, publishedAt: '2024-03-01', versionHash: hashOf(v2) },
          { publicationId: april, publishedAt: '2024-04-01', versionHash: hashOf(v2) },
        ]);
      });
    });

    describe('atomicity', () => {
      it('rolls back everything when a late write fails (duplicate sourceId)', async () => {
        const kept = await watchlist.savePublication(pub('ofac-sdn', '2024-01-01', 'kept'));
        const entries = Array.from({ length: 2500 }, (_, i) => testEntry('ofac-sdn', `n${i}`));
        const broken = testPublication(entries, { publishedAt: '2024-02-01' });
        const duplicate = { ...broken, entries: [...broken.entries, broken.entries[0]!] };

        await expect(watchlist.savePublication(duplicate)).rejects.toThrow();

        await expectOnly(kept.publication.id, broken);
        // Nothing of the failed attempt blocks a corrected retry with the same content hash.
        expect((await watchlist.savePublication(broken)).created).toBe(true);
        expect(
          await watchlist.listEntries(ids(await watchlist.currentPublications())[0]!),
        ).toHaveLength(2500);
      });

      it('rolls back the publication row when entry versions cannot be written', async () => {
        const kept = await watchlist.savePublication(pub('ofac-sdn', '2024-01-01', 'kept'));
        const broken = testPublication([testEntry('ofac-sdn', '1'), testEntry('ofac-sdn', '2')], {
          publishedAt: '2024-02-01',
        });
        // A missing source id violates NOT NULL in entry_version, after the publication row.
        const invalid = {
          ...broken,
          entries: broken.entries.map((entry, i) =>
            i === 1 ? { ...entry, sourceId: null as unknown as string } : entry,
          ),
        };

        await expect(watchlist.savePublication(invalid)).rejects.toThrow();

        await expectOnly(kept.publication.id, broken);
      });

      async function expectOnly(keptId: number, failed: NewPublication): Promise<void> {
        expect(ids(await watchlist.listPublications())).toEqual([keptId]);
        expect(ids(await watchlist.currentPublications())).toEqual([keptId]);
        const hashes = failed.entries.map((entry) => entry.versionHash);
        expect((await watchlist.findEntryVersions(hashes)).size).toBe(0);
        expect(await watchlist.listEntries(keptId + 1)).toEqual([]);
      }
    });

    describe('large publications', () => {
      it('stores and reads 3,000 entries across several statements', async () => {
        const entries = Array.from({ length: 3000 }, (_, i) => largeEntry('ofac-sdn', i));
        const input = testPublication(entries);

        const id = await save(input);

        const listed = await watchlist.listEntries(id);
        expect(listed).toHaveLength(3000);
        expect(listed).toEqual([...entries].sort(bySourceId));
        const versions = await watchlist.findEntryVersions(input.entries.map((e) => e.versionHash));
        expect(versions.size).toBe(3000);
        expect((await watchlist.findPublication(id))?.entryCount).toBe(3000);

        // A second publication changing one entry reuses the 2,999 stored versions.
        const changed = entries.map((e, i) => (i === 0 ? { ...e, programs: ['SDGT'] } : e));
        const next = await save(testPublication(changed, { publishedAt: '2024-02-01' }));
        expect(await watchlist.findEntry(next, '0')).toEqual(changed[0]);
        expect((await watchlist.listEntryRefs(next)).length).toBe(3000);
      });
    });
  });
}

function pub(source: string, publishedAt: string, contentHash: string): NewPublication {
  return testPublication([testEntry(source, contentHash)], { source, publishedAt, contentHash });
}

function ids(publications: readonly { readonly id: number }[]): number[] {
  return publications.map((publication) => publication.id);
}

function hashOf(entry: WatchlistEntry): string {
  return toStoredEntry(entry).versionHash;
}

function bySourceId(a: WatchlistEntry, b: WatchlistEntry): number {
  return a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0;
}
