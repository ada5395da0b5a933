import { describe, expect, it } from 'vitest';

import { sameMarking } from './marking.js';
import type { Marking } from './marking.js';
import { canReadMarked, organizationReader } from './record-viewer.js';

const marking = (overrides: Partial<Marking>): Marking => ({
  classification: 'unclassified',
  originators: [{ organizationId: 'uiaf', country: 'COL' }],
  releasableTo: { countries: [], organizations: [] },
  caveats: [],
  tlp: 'GREEN',
  ...overrides,
});

describe('organizationReader', () => {
  const bank = organizationReader({ id: 'bank', kind: 'company', country: 'COL' });
  const uiaf = organizationReader({ id: 'uiaf', kind: 'agency', country: 'COL' });

  it.each([
    [
      'released to it by name',
      marking({ tlp: 'AMBER', releasableTo: { countries: [], organizations: ['bank'] } }),
      true,
    ],
    [
      'released to its country, GREEN',
      marking({ releasableTo: { countries: ['COL'], organizations: [] } }),
      true,
    ],
    [
      'released to its country only, AMBER',
      marking({ tlp: 'AMBER', releasableTo: { countries: ['COL'], organizations: [] } }),
      false,
    ],
    ['released to nobody', marking({}), false],
    [
      'classified, named',
      marking({
        classification: 'restricted',
        releasableTo: { countries: [], organizations: ['bank'] },
      }),
      false,
    ],
  ])('a company reads an entry %s: %s', (_what, m, expected) => {
    expect(canReadMarked(bank, m)).toBe(expected);
  });

  it('reads what its organization originated, but nothing classified (the least cleared member)', () => {
    expect(canReadMarked(uiaf, marking({ tlp: 'RED' }))).toBe(true);
    expect(canReadMarked(uiaf, marking({ classification: 'restricted' }))).toBe(false);
    expect(canReadMarked(uiaf, undefined)).toBe(true);
  });
});

describe('sameMarking', () => {
  it('ignores list order and tells every dimension apart', () => {
    const a = marking({
      releasableTo: { countries: ['COL', 'USA'], organizations: [] },
      caveats: ['ORCON', 'NOFORN'],
    });
    const b = marking({
      releasableTo: { countries: ['USA', 'COL'], organizations: [] },
      caveats: ['NOFORN', 'ORCON'],
    });
    expect(sameMarking(a, b)).toBe(true);
    expect(sameMarking(a, { ...b, tlp: 'AMBER' })).toBe(false);
    expect(sameMarking(a, { ...b, releasableTo: { countries: ['COL'], organizations: [] } })).toBe(
      false,
    );
    expect(sameMarking(a, { ...b, originators: [{ organizationId: 'dea', country: 'USA' }] })).toBe(
      false,
    );
  });
});
