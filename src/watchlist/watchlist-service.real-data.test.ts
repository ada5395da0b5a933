/**
 * Integration over the real OFAC and UN publications (PUENTE_DATA_DIR): every row accounted
 * for, and every consecutive history diff checked against an independent computation from the
 * raw CSV rows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPath, HAS_DATA } from '../../test/support/data-dir.js';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { WatchlistService } from './watchlist-service.js';

if (!HAS_DATA) {
  console.warn(
    'real-data integration tests skipped: no list data at PUENTE_DATA_DIR or ../shared/data',
  );
}

const SUB = String.fromCharCode(0x1a);

/** Every record of an OFAC CSV file, read with a general CSV parser (end-of-file SUB removed). */
function readCsv(text: string): string[][] {
  const trimmed = text.trimEnd();
  const body = trimmed.endsWith(SUB) ? trimmed.slice(0, -1) : trimmed;
  const records: string[][] = parse(body, { relax_column_count: true });
  return records;
}

/** Raw rows keyed by their first field (ent_num). */
function rawRows(text: string): Map<string, string> {
  const records = readCsv(text);
  return new Map(
    records.filter((r) => /^\d+$/.test(r[0] ?? '')).map((r) => [r[0]!, JSON.stringify(r)]),
  );
}

function independentDiff(before: Map<string, string>, after: Map<string, string>) {
  const added = [...after.keys()].filter((id) => !before.has(id));
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const changed = [...after.keys()].filter(
    (id) => before.has(id) && before.get(id) !== after.get(id),
  );
  return { added: added.sort(), removed: removed.sort(), changed: changed.sort() };
}

const ids = (entries: readonly { sourceId: string }[]) => entries.map((e) => e.sourceId).sort();

describe.skipIf(!HAS_DATA)('real publications', () => {
  let store: Store;
  let service: WatchlistService;

  beforeAll(async () => {
    store = await createSqliteStore(':memory:');
    service = new WatchlistService({
      store: store.watchlist,
      limits: { maxFileBytes: 256 * 1024 * 1024 },
      fetch: { maxFileBytes: 256 * 1024 * 1024, timeoutMs: 1000 },
    });
  });

  afterAll(async () => {
    await store.close();
  });

  it('ingests the complete 2021-07 set: one entry per sdn.csv row, every alias, address and comment', async () => {
    const folder = dataPath('ofac', '2021-07');
    const { outcomes } = await service.ingestPath(folder);
    expect(outcomes).toHaveLength(1);
    const { publication, report } = outcomes[0]!;
    const sdn = rawRows(readFileSync(`${folder}/sdn.csv`, 'utf8'));
    const alt = readCsv(readFileSync(`${folder}/alt.csv`, 'utf8'));
    const add = readCsv(readFileSync(`${folder}/add.csv`, 'utf8'));
    const comments = rawRows(readFileSync(`${folder}/sdn_comments.csv`, 'utf8'));
    expect(publication.entryCount).toBe(sdn.size);
    const entries = await store.watchlist.listEntries(publication.id);
    const altFromFile = entries.flatMap((e) => e.aliases).filter((a) => a.origin === 'alt.csv');
    const addresses = entries.flatMap((e) => e.addresses).filter((a) => a.origin === 'add.csv');
    expect(altFromFile).toHaveLength(alt.filter((r) => /^\d+$/.test(r[0] ?? '')).length);
    expect(addresses).toHaveLength(add.filter((r) => /^\d+$/.test(r[0] ?? '')).length);
    for (const [entNum, row] of comments) {
      const continuation = (JSON.parse(row) as string[])[1]!;
      const entry = entries.find((e) => e.sourceId === entNum);
      expect(entry?.remarks).toContain(continuation.trim().slice(0, 40));
    }
    const unparsedShare = report.unparsedFragments / report.fragments;
    console.log(
      '2021-07 parse report',
      JSON.stringify({ ...report, warnings: undefined, unparsedShare }),
    );
    expect(unparsedShare).toBeLessThan(0.01);
    expect(report.facts.birthDates).toBeGreaterThan(1000);
    expect(report.facts.documents).toBeGreaterThan(1000);
    expect(report.facts.links).toBeGreaterThan(500);
  });

  it('ingests the ten history publications in date order; each diff equals the raw-row diff', async () => {
    const folder = dataPath('ofac', 'history');
    const { outcomes } = await service.ingestPath(folder);
    const files = readdirSync(folder)
      .filter((f) => f.endsWith('.csv.gz'))
      .sort();
    expect(outcomes.map((o) => o.publication.publishedAt)).toEqual(
      files.map((f) => /(\d{4}-\d{2}-\d{2})/.exec(f)![1]),
    );
    const raw = files.map((f) =>
      rawRows(gunzipSync(readFileSync(`${folder}/${f}`)).toString('utf8')),
    );
    for (let i = 1; i < outcomes.length; i += 1) {
      const diff = await service.diff(
        String(outcomes[i - 1]!.publication.id),
        String(outcomes[i]!.publication.id),
      );
      const expected = independentDiff(raw[i - 1]!, raw[i]!);
      expect({
        added: ids(diff.added),
        removed: ids(diff.removed),
        changed: ids(diff.changed),
      }).toEqual(expected);
      expect(outcomes[i]!.publication.entryCount).toBe(raw[i]!.size);
    }
    const late = await service.diff('ofac-sdn@2024-04-26', 'ofac-sdn@2024-05-01');
    expect(late.added).toHaveLength(298);
  });

  it('ingests every UN individual and entity', async () => {
    const file = dataPath('un', 'consolidated-2026-02-27.xml');
    const { outcomes } = await service.ingestPath(file);
    const text = readFileSync(file, 'utf8');
    const expected =
      (text.match(/<INDIVIDUAL>/g) ?? []).length + (text.match(/<ENTITY>/g) ?? []).length;
    expect(outcomes[0]?.publication.entryCount).toBe(expected);
    expect(outcomes[0]?.publication.source).toBe('un');
    const statuses = await service.status();
    expect(statuses.map((s) => s.source).sort()).toEqual(['ofac-sdn', 'un']);
  });
});
