import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PuenteError } from '../core/errors.js';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { WatchlistService } from './watchlist-service.js';

const SDN_A = [
  '100,"PEREZ GOMEZ, Juan",individual,"SDNT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 15 Sep 1971; Cedula No. 71980054 (Colombia)."',
  '200,"INVERSIONES LA ESPERANZA S.A.S.",-0- ,"SDNT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"NIT # 800197268-4 (Colombia); Linked To: PEREZ GOMEZ, Juan."',
  '300,"RODRIGUEZ, Maria",individual,"SDNTK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
].join('\r\n');
const SDN_B = [
  '100,"PEREZ GOMEZ, Juan",individual,"SDNT] [SDNTK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 15 Sep 1971; Cedula No. 71980054 (Colombia)."',
  '200,"INVERSIONES LA ESPERANZA S.A.S.",-0- ,"SDNT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"NIT # 800197268-4 (Colombia); Linked To: PEREZ GOMEZ, Juan."',
  '400,"TORRES, Pedro",individual,"ILLICIT-DRUGS-EO14059",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
].join('\r\n');

function writeHistory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'puente-history-'));
  writeFileSync(join(dir, 'sdn-2024-05-02.csv'), `${SDN_B}\r\n\x1a`);
  writeFileSync(join(dir, 'sdn-2024-05-01.csv'), `${SDN_A}\r\n\x1a`);
  return dir;
}

let store: Store;
let service: WatchlistService;

beforeEach(async () => {
  store = await createSqliteStore(':memory:');
  service = new WatchlistService({
    store: store.watchlist,
    limits: { maxFileBytes: 1_000_000 },
    fetch: { maxFileBytes: 1_000_000, timeoutMs: 1000 },
    now: () => new Date('2026-11-25T12:00:00Z'),
  });
});

afterEach(async () => {
  await store.close();
});

async function rejection(promise: Promise<unknown>): Promise<PuenteError> {
  try {
    await promise;
  } catch (error) {
    return error as PuenteError;
  }
  throw new Error('expected a rejection');
}

describe('WatchlistService', () => {
  it('ingests a folder of publications in date order and makes the newest current', async () => {
    const report = await service.ingestPath(writeHistory());
    expect(report.outcomes.map((o) => o.publication.publishedAt)).toEqual([
      '2024-05-01',
      '2024-05-02',
    ]);
    expect(report.outcomes.every((o) => o.created)).toBe(true);
    const [status] = await service.status();
    expect(status).toMatchObject({ source: 'ofac-sdn', publications: 2 });
    expect(status?.current.publishedAt).toBe('2024-05-02');
    expect(status?.current.entryCount).toBe(3);
  });

  it('changes nothing when identical content is ingested again', async () => {
    const dir = writeHistory();
    await service.ingestPath(dir);
    const again = await service.ingestPath(dir);
    expect(again.outcomes.map((o) => o.created)).toEqual([false, false]);
    expect(await service.listPublications()).toHaveLength(2);
  });

  it('resolves publication references', async () => {
    await service.ingestPath(writeHistory());
    expect((await service.resolvePublication('ofac-sdn')).publishedAt).toBe('2024-05-02');
    expect((await service.resolvePublication('ofac-sdn@latest')).publishedAt).toBe('2024-05-02');
    expect((await service.resolvePublication('ofac-sdn@previous')).publishedAt).toBe('2024-05-01');
    const first = await service.resolvePublication('ofac-sdn@2024-05-01');
    expect((await service.resolvePublication(String(first.id))).id).toBe(first.id);
    expect((await rejection(service.resolvePublication('ofac-sdn@2020-01-01'))).code).toBe(
      'not_found',
    );
    expect((await rejection(service.resolvePublication('ofac-sdn@yesterday'))).code).toBe(
      'validation_failed',
    );
    expect((await rejection(service.resolvePublication('999'))).code).toBe('not_found');
    expect((await rejection(service.resolvePublication('Bad Source!'))).code).toBe(
      'validation_failed',
    );
  });

  it('diffs two publications: added, removed, changed with the changed fields', async () => {
    await service.ingestPath(writeHistory());
    const diff = await service.diff('ofac-sdn@2024-05-01', 'ofac-sdn@2024-05-02');
    expect(diff.added.map((e) => e.entryId)).toEqual(['ofac-sdn:400']);
    expect(diff.removed.map((e) => e.entryId)).toEqual(['ofac-sdn:300']);
    expect(diff.changed.map((e) => e.entryId)).toEqual(['ofac-sdn:100']);
    expect(diff.changed[0]?.changes.map((c) => c.field)).toEqual(['programs']);
    expect(diff.changed[0]?.changes[0]?.itemsAdded).toEqual(['SDNTK']);
    expect(diff.unchanged).toBe(1);
  });

  it('shows an entry with its parsed facts and history', async () => {
    await service.ingestPath(writeHistory());
    const view = await service.showEntry('ofac-sdn:100');
    expect(view.entry.name).toBe('PEREZ GOMEZ, Juan');
    expect(view.entry.documents[0]).toMatchObject({ type: 'cedula', number: '71980054' });
    expect(view.history.map((h) => [h.publishedAt, h.changed])).toEqual([
      ['2024-05-01', true],
      ['2024-05-02', true],
    ]);
    const company = await service.showEntry('ofac-sdn:200', 'ofac-sdn@2024-05-01');
    expect(company.entry.links[0]).toMatchObject({
      name: 'PEREZ GOMEZ, Juan',
      targetSourceId: '100',
    });
    expect(company.entry.documents[0]).toMatchObject({ type: 'nit', checkDigitValid: true });
    expect((await rejection(service.showEntry('ofac-sdn:300'))).code).toBe('not_found');
    expect((await rejection(service.showEntry('nonsense'))).code).toBe('validation_failed');
  });

  it('leaves the previous publication current when an ingest fails', async () => {
    await service.ingestPath(writeHistory());
    const dir = mkdtempSync(join(tmpdir(), 'puente-bad-'));
    writeFileSync(join(dir, 'sdn-2024-06-01.csv'), '500,"UNTERMINATED, Quote,individual\r\n');
    const error = await rejection(service.ingestPath(dir));
    expect(error.code).toBe('parse_failed');
    expect(error.message).toContain('sdn-2024-06-01.csv');
    const current = await service.resolvePublication('ofac-sdn');
    expect(current.publishedAt).toBe('2024-05-02');
    expect(await service.listPublications()).toHaveLength(2);
  });

  it('reports files no source recognises instead of failing the rest', async () => {
    const dir = writeHistory();
    mkdirSync(join(dir, 'partial'));
    writeFileSync(join(dir, 'partial', 'alt.csv'), '100,1,"aka","JUANCHO",-0- \r\n');
    const report = await service.ingestPath(dir);
    expect(report.outcomes).toHaveLength(2);
    expect(report.unclaimed).toEqual([join(dir, 'partial', 'alt.csv')]);
  });

  it('refuses input with no list in it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-empty-'));
    writeFileSync(join(dir, 'notes.json'), '{"hello": 1}');
    expect((await rejection(service.ingestPath(dir))).code).toBe('unsupported_format');
  });
});
