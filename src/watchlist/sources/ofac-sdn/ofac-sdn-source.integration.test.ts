/**
 * The OFAC source over the real publications (PUENTE_DATA_DIR or ../shared/data): every row
 * accounted for, counted independently of the parser from the raw text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../../../test/support/data-dir.js';
import type { InputFile, ParsedPublication } from '../../list-source.js';
import { ofacSdnSource } from './index.js';

const OFAC = join(DATA_DIR, 'ofac');
const HAS_OFAC = existsSync(join(OFAC, '2021-07', 'sdn.csv'));

function load(folder: string, name: string): InputFile {
  const origin = join(OFAC, folder, name);
  const raw = readFileSync(origin);
  return { name, origin, bytes: name.endsWith('.gz') ? gunzipSync(raw) : raw };
}

/** Rows of a legacy CSV file: one per line starting with a numeric ent_num (no field spans lines). */
function rawRows(file: InputFile): string[] {
  return file.bytes
    .toString('utf8')
    .split('\r\n')
    .filter((line) => /^\d+,/.test(line));
}

function summary(publication: ParsedPublication): Record<string, number> {
  const { report } = publication;
  return {
    entries: report.entries,
    aliases: report.facts.aliases!,
    weakAliases: report.facts.weakAliases!,
    addresses: report.facts.addresses!,
    birthDates: report.facts.birthDates!,
    documents: report.facts.documents!,
    links: report.facts.links!,
    linksResolved: report.linksResolved,
    otherFacts: report.facts.otherFacts!,
    fragments: report.fragments,
    unparsed: report.unparsedFragments,
    unparsedPercent: Number(((100 * report.unparsedFragments) / report.fragments).toFixed(3)),
  };
}

describe.skipIf(!HAS_OFAC)('OFAC SDN legacy CSV (real data)', () => {
  it('2021-07: one entry per sdn row, every alias, address and comment attached', () => {
    const files = ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((n) =>
      load('2021-07', n),
    );
    const [sdn, alt, add, comments] = files as [InputFile, InputFile, InputFile, InputFile];
    const publication = ofacSdnSource.parse(files);
    console.log('2021-07', JSON.stringify(summary(publication)));

    expect(publication.entries).toHaveLength(rawRows(sdn).length);
    expect(new Set(publication.entries.map((e) => e.sourceId)).size).toBe(rawRows(sdn).length);
    const aliases = publication.entries
      .flatMap((e) => e.aliases)
      .filter((a) => a.origin === 'alt.csv');
    expect(aliases).toHaveLength(rawRows(alt).length);
    expect(publication.entries.flatMap((e) => e.addresses)).toHaveLength(rawRows(add).length);
    const byId = new Map(publication.entries.map((e) => [e.sourceId, e]));
    for (const row of rawRows(comments)) {
      const [entNum, continuation] = [
        row.slice(0, row.indexOf(',')),
        row.slice(row.indexOf(',') + 2, -1),
      ];
      expect(byId.get(entNum)?.remarks).toContain(continuation.trim());
    }
    expect(publication.report.warnings).toEqual(
      publication.report.warnings.filter((w) => w.code === 'bad-date'),
    );
    expect(publication.report.unparsedFragments / publication.report.fragments).toBeLessThan(0.01);
    expect(publication.report.facts.birthDates).toBeGreaterThan(5000);
    expect(publication.report.facts.documents).toBeGreaterThan(6000);
    expect(publication.report.linksResolved / publication.report.facts.links!).toBeGreaterThan(
      0.95,
    );
    expect(publication.publishedAt).toBe('2021-07-01');
  });

  it('claims the 2021-07 folder as one publication and each history file alone', () => {
    const folder = ['add.csv', 'alt.csv', 'sdn.csv', 'sdn_comments.csv'].map((n) =>
      load('2021-07', n),
    );
    expect(ofacSdnSource.claim(folder).map((group) => group.length)).toEqual([4]);
    const history = readdirSync(join(OFAC, 'history')).map((name) => ({
      name,
      origin: join(OFAC, 'history', name),
      bytes: Buffer.alloc(0),
    }));
    expect(ofacSdnSource.claim(history)).toHaveLength(10);
  });

  it('parses all ten history publications with under 1% unparsed fragments', () => {
    const names = readdirSync(join(OFAC, 'history'))
      .filter((n) => n.endsWith('.csv.gz'))
      .sort();
    expect(names).toHaveLength(10);
    for (const name of names) {
      const file = load('history', name);
      const publication = ofacSdnSource.parse([file]);
      console.log(name, JSON.stringify(summary(publication)));
      expect(publication.entries).toHaveLength(rawRows(file).length);
      expect(publication.publishedAt).toBe(/(\d{4}-\d{2}-\d{2})/.exec(name)![1]);
      expect(publication.report.unparsedFragments / publication.report.fragments).toBeLessThan(
        0.01,
      );
    }
  });

  it('2024 sdn with 2026 alt/add: orphans are counted and reported with line numbers', () => {
    const sdn = load('history', 'sdn-2024-05-03.csv.gz');
    const alt = load('2026-06-partial', 'alt.csv');
    const add = load('2026-06-partial', 'add.csv');
    const publication = ofacSdnSource.parse([sdn, alt, add]);
    const { warningCounts, warnings } = publication.report;
    console.log('2024 sdn + 2026 alt/add', JSON.stringify(warningCounts));

    const attachedAliases = publication.entries
      .flatMap((e) => e.aliases)
      .filter((a) => a.origin === 'alt.csv');
    const attachedAddresses = publication.entries.flatMap((e) => e.addresses);
    expect(warningCounts['orphan-alias']).toBeGreaterThan(0);
    expect(warningCounts['orphan-address']).toBeGreaterThan(0);
    expect(attachedAliases.length + warningCounts['orphan-alias']!).toBe(rawRows(alt).length);
    expect(attachedAddresses.length + warningCounts['orphan-address']!).toBe(rawRows(add).length);
    const orphan = warnings.find((w) => w.code === 'orphan-alias')!;
    expect(orphan).toMatchObject({ file: 'alt.csv', field: 'ent_num' });
    const line = alt.bytes.toString('utf8').split('\r\n')[orphan.line! - 1]!;
    expect(orphan.message).toContain(`ent_num ${line.slice(0, line.indexOf(','))} `);
  });
});
