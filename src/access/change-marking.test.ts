import { describe, expect, it } from 'vitest';

import { userActor } from '../identity/actor.js';
import type { Role } from '../identity/permissions.js';
import { combineMarkings, lowerMarking, raiseMarking } from './change-marking.js';
import { formatMarking, isAtLeastAsRestrictive } from './marking.js';
import type { Marking } from './marking.js';

const base: Marking = {
  classification: 'confidential',
  originators: [{ organizationId: 'org-dea', country: 'USA' }],
  releasableTo: { countries: ['COL', 'USA'], organizations: ['org-dijin'] },
  caveats: [],
  tlp: 'GREEN',
};
const record = { id: 'r1', marking: base };

function actor(organizationId: string, country: string, role: Role = 'analyst') {
  const org = {
    id: organizationId,
    name: organizationId,
    kind: 'agency' as const,
    country,
    createdAt: '',
  };
  const user = {
    id: `${organizationId}-u`,
    organizationId,
    username: 'u',
    displayName: 'U',
    roles: [role],
    clearance: 'secret' as const,
    status: 'active' as const,
    mustChangePassword: false,
    totpEnabled: false,
    createdAt: '',
  };
  return userActor(user, org);
}

const dea = actor('org-dea', 'USA');
const dijin = actor('org-dijin', 'COL');

describe('raiseMarking', () => {
  it('lets any reader with marking.raise make a record more restrictive', () => {
    const raised = {
      ...base,
      tlp: 'AMBER' as const,
      caveats: ['ORCON' as const],
      releasableTo: { countries: ['USA'], organizations: [] },
    };
    expect(raiseMarking(dijin, record, raised)).toEqual({ ok: true, marking: raised });
    expect(raiseMarking(dea, record, { ...base, classification: 'secret' })).toMatchObject({
      ok: true,
    });
  });

  it('refuses a change that lowers any dimension or swaps originators', () => {
    expect(raiseMarking(dijin, record, { ...base, tlp: 'CLEAR' })).toEqual({
      ok: false,
      reason: 'not_more_restrictive',
    });
    expect(
      raiseMarking(dijin, record, {
        ...base,
        releasableTo: { countries: ['COL', 'USA', 'MEX'], organizations: ['org-dijin'] },
      }),
    ).toMatchObject({ ok: false });
    expect(
      raiseMarking(dijin, record, {
        ...base,
        originators: [{ organizationId: 'org-dijin', country: 'COL' }],
      }),
    ).toMatchObject({ ok: false });
    expect(raiseMarking(actor('org-x', 'MEX'), record, { ...base, tlp: 'RED' })).toEqual({
      ok: false,
      reason: 'not_releasable',
    });
    expect(
      raiseMarking(actor('org-dijin', 'COL', 'auditor'), record, { ...base, tlp: 'RED' }),
    ).toEqual({ ok: false, reason: 'missing_permission' });
  });
});

describe('lowerMarking', () => {
  it('lets only the originating organization lower a marking', () => {
    const lowered = { ...base, classification: 'unclassified' as const, tlp: 'CLEAR' as const };
    expect(lowerMarking(dea, record, lowered)).toEqual({ ok: true, marking: lowered });
    expect(lowerMarking(dijin, record, lowered)).toEqual({ ok: false, reason: 'not_originator' });
    expect(lowerMarking(actor('org-dea', 'USA', 'reviewer'), record, lowered)).toEqual({
      ok: false,
      reason: 'missing_permission',
    });
    expect(lowerMarking(dea, record, { ...lowered, originators: [] })).toEqual({
      ok: false,
      reason: 'invalid_marking',
    });
  });

  it('refuses lowering a combined record unless every originator is the actor', () => {
    const combined = combineMarkings([
      base,
      { ...base, originators: [{ organizationId: 'org-dijin', country: 'COL' }] },
    ]);
    expect(lowerMarking(dea, { id: 'c', marking: combined }, combined)).toMatchObject({
      ok: false,
    });
  });
});

describe('combineMarkings', () => {
  it('keeps every restriction of every input', () => {
    const other: Marking = {
      classification: 'secret',
      originators: [{ organizationId: 'org-dijin', country: 'COL' }],
      releasableTo: { countries: ['USA', 'COL', 'MEX'], organizations: [] },
      caveats: ['NOFORN'],
      tlp: 'AMBER',
    };
    const combined = combineMarkings([base, other, { ...base, caveats: ['ORCON'] }]);
    expect(combined).toEqual({
      classification: 'secret',
      originators: [
        { organizationId: 'org-dea', country: 'USA' },
        { organizationId: 'org-dijin', country: 'COL' },
      ],
      releasableTo: { countries: ['COL', 'USA'], organizations: [] },
      caveats: ['ORCON', 'NOFORN'],
      tlp: 'AMBER',
    });
    for (const input of [base, other]) {
      expect(
        isAtLeastAsRestrictive(combined, { ...input, originators: combined.originators }),
      ).toBe(true);
    }
    expect(formatMarking(combined)).toBe('SECRET//NOFORN/ORCON//REL TO COL, USA TLP:AMBER');
  });

  it('refuses an empty list', () => {
    expect(() => combineMarkings([])).toThrow();
  });
});
