import { describe, expect, it } from 'vitest';

import { agencyListSource } from './index.js';

function parse(document: unknown) {
  const bytes = Buffer.from(JSON.stringify(document));
  return agencyListSource.parse([{ name: 'list.json', origin: '/in/list.json', bytes }]);
}

const list = (marking: unknown, entries: unknown[]) => ({
  format: 'puente-watchlist/1',
  source: 'kingpins-col',
  publishedAt: '2026-03-01',
  ...(marking === undefined ? {} : { marking }),
  entries,
});

describe('agency list markings', () => {
  it('gives every entry the list marking unless it declares its own, with defaults filled in', () => {
    const parsed = parse(
      list({ classification: 'restricted', tlp: 'AMBER', caveats: ['ORCON'] }, [
        { id: 'K-1', name: 'UNO', type: 'individual' },
        {
          id: 'K-2',
          name: 'DOS',
          type: 'individual',
          marking: {
            classification: 'unclassified',
            releasableTo: { countries: ['USA'] },
            tlp: 'GREEN',
          },
        },
      ]),
    );
    expect(parsed.entries.map((entry) => entry.marking)).toEqual([
      {
        classification: 'restricted',
        releasableTo: { countries: [], organizations: [] },
        caveats: ['ORCON'],
        tlp: 'AMBER',
      },
      {
        classification: 'unclassified',
        releasableTo: { countries: ['USA'], organizations: [] },
        caveats: [],
        tlp: 'GREEN',
      },
    ]);
  });

  it('leaves entries of an unmarked list unmarked', () => {
    const parsed = parse(list(undefined, [{ id: 'K-1', name: 'UNO', type: 'individual' }]));
    expect(parsed.entries[0]?.marking).toBeUndefined();
  });

  it('rejects an entry whose marking it cannot fully interpret, naming the field', () => {
    const parsed = parse(
      list(undefined, [
        {
          id: 'K-1',
          name: 'UNO',
          type: 'individual',
          marking: { classification: 'unclassified', tlp: 'WHITE' },
        },
        {
          id: 'K-2',
          name: 'DOS',
          type: 'individual',
          marking: { classification: 'cosmic', tlp: 'RED' },
        },
        {
          id: 'K-3',
          name: 'TRES',
          type: 'individual',
          marking: {
            classification: 'unclassified',
            tlp: 'RED',
            releasableTo: { countries: ['CO'] },
          },
        },
        {
          id: 'K-4',
          name: 'CUATRO',
          type: 'individual',
          marking: { classification: 'unclassified', tlp: 'RED', handling: 'x' },
        },
        { id: 'K-5', name: 'CINCO', type: 'individual' },
      ]),
    );
    expect(parsed.entries.map((entry) => entry.sourceId)).toEqual(['K-5']);
    const fields = parsed.report.warnings
      .filter((warning) => warning.code === 'invalid-entry')
      .map((warning) => warning.field);
    expect(fields).toEqual([
      'marking.tlp',
      'marking.classification',
      'marking.releasableTo.countries[0]',
      'marking',
    ]);
  });
});
