/**
 * Every role × marking × organization × action, checked against an expectation written out by
 * hand below (not computed by the policy's code). A cell is allowed only when the marking table
 * lets a fully empowered member of that organization do the action AND the role table gives
 * the role that action; everything else must be denied.
 */
import { describe, expect, it } from 'vitest';

import type { ClassificationLevel } from '../core/classification.js';
import { userActor } from '../identity/actor.js';
import type { Actor } from '../identity/actor.js';
import type { Organization } from '../identity/organization.js';
import { ROLES } from '../identity/permissions.js';
import type { Role } from '../identity/permissions.js';
import type { User } from '../identity/user.js';
import { ACCESS_ACTIONS, decideAccess } from './decide-access.js';
import type { AccessAction } from './decide-access.js';
import type { Marking } from './marking.js';

type OrgName = 'DEA' | 'HSI' | 'DIJIN' | 'UIAF' | 'BANK';

const ORGS: Readonly<Record<OrgName, Organization>> = {
  DEA: { id: 'org-dea', name: 'DEA', kind: 'agency', country: 'USA', createdAt: '' },
  HSI: { id: 'org-hsi', name: 'HSI', kind: 'agency', country: 'USA', createdAt: '' },
  DIJIN: { id: 'org-dijin', name: 'DIJIN', kind: 'agency', country: 'COL', createdAt: '' },
  UIAF: { id: 'org-uiaf', name: 'UIAF', kind: 'agency', country: 'COL', createdAt: '' },
  BANK: { id: 'org-bank', name: 'Banco', kind: 'company', country: 'COL', createdAt: '' },
};

const DEA_ORIGIN = [{ organizationId: 'org-dea', country: 'USA' }];

function marking(
  classification: ClassificationLevel,
  tlp: string,
  countries: string[],
  organizations: string[] = [],
  caveats: string[] = [],
  originators = DEA_ORIGIN,
): Marking {
  // Casts let the table hold deliberately invalid values (unknown TLP or caveat).
  return {
    classification,
    tlp,
    releasableTo: { countries, organizations },
    caveats,
    originators,
  } as Marking;
}

const MARKINGS: Readonly<Record<string, Marking>> = {
  clear: marking('unclassified', 'CLEAR', ['USA', 'COL']),
  'green-col': marking('unclassified', 'GREEN', ['COL']),
  'amber-named': marking('unclassified', 'AMBER', ['USA', 'COL'], ['org-dijin', 'org-bank']),
  'amber-strict-named': marking('unclassified', 'AMBER+STRICT', [], ['org-dijin']),
  red: marking('unclassified', 'RED', ['USA', 'COL'], ['org-dijin']),
  'secret-rel-col': marking('secret', 'GREEN', ['USA', 'COL']),
  'secret-orcon': marking('secret', 'GREEN', ['USA', 'COL'], ['org-dijin'], ['ORCON']),
  noforn: marking('confidential', 'GREEN', ['USA', 'COL'], ['org-dijin'], ['NOFORN']),
  'top-secret': marking('top-secret', 'GREEN', ['USA']),
  'empty-rel': marking('unclassified', 'GREEN', []),
  'invalid-tlp': marking('unclassified', 'WHITE', ['USA', 'COL']),
  'unknown-caveat': marking('unclassified', 'GREEN', ['USA', 'COL'], [], ['RELIDO']),
  'no-originator': marking('unclassified', 'GREEN', ['USA', 'COL'], [], [], []),
  'restricted-col': marking('restricted', 'GREEN', ['COL']),
};

// R read · U update · D delete · E export · + raise marking · - lower marking.
const ALL = 'RUDE+-';
const NONE = '';

/** What a member of each organization holding every permission may do, by marking. */
const MARKING_TABLE: Readonly<Record<string, Readonly<Record<OrgName, string>>>> = {
  clear: { DEA: ALL, HSI: 'RE+', DIJIN: 'RE+', UIAF: 'RE+', BANK: 'RE+' },
  'green-col': { DEA: ALL, HSI: NONE, DIJIN: 'RE+', UIAF: 'RE+', BANK: 'RE+' },
  'amber-named': { DEA: ALL, HSI: NONE, DIJIN: 'R+', UIAF: NONE, BANK: 'R+' },
  'amber-strict-named': { DEA: ALL, HSI: NONE, DIJIN: 'R+', UIAF: NONE, BANK: NONE },
  red: { DEA: ALL, HSI: NONE, DIJIN: NONE, UIAF: NONE, BANK: NONE },
  'secret-rel-col': { DEA: ALL, HSI: 'RE+', DIJIN: 'RE+', UIAF: 'RE+', BANK: NONE },
  'secret-orcon': { DEA: ALL, HSI: NONE, DIJIN: 'R+', UIAF: NONE, BANK: NONE },
  noforn: { DEA: ALL, HSI: 'RE+', DIJIN: NONE, UIAF: NONE, BANK: NONE },
  'top-secret': { DEA: NONE, HSI: NONE, DIJIN: NONE, UIAF: NONE, BANK: NONE },
  'empty-rel': { DEA: ALL, HSI: NONE, DIJIN: NONE, UIAF: NONE, BANK: NONE },
  'invalid-tlp': { DEA: NONE, HSI: NONE, DIJIN: NONE, UIAF: NONE, BANK: NONE },
  'unknown-caveat': { DEA: NONE, HSI: NONE, DIJIN: NONE, UIAF: NONE, BANK: NONE },
  'no-originator': { DEA: NONE, HSI: NONE, DIJIN: NONE, UIAF: NONE, BANK: NONE },
  'restricted-col': { DEA: ALL, HSI: NONE, DIJIN: 'RE+', UIAF: 'RE+', BANK: NONE },
};

/** What each role may do to records at all. */
const ROLE_TABLE: Readonly<Record<Role | 'no-role', string>> = {
  administrator: NONE,
  analyst: 'RUDE+-',
  'compliance-officer': 'RUE+',
  reviewer: 'R+',
  auditor: 'R',
  'read-only': 'R',
  'no-role': NONE,
};

const LETTER: Readonly<Record<AccessAction, string>> = {
  read: 'R',
  update: 'U',
  delete: 'D',
  export: 'E',
  'raise-marking': '+',
  'lower-marking': '-',
};

function actorFor(
  org: OrgName,
  role: Role | 'no-role',
  clearance: ClassificationLevel = 'secret',
): Actor {
  const user: User = {
    id: `${org}-${role}`,
    organizationId: ORGS[org].id,
    username: 'u',
    displayName: 'U',
    roles: role === 'no-role' ? [] : [role],
    clearance,
    status: 'active',
    mustChangePassword: false,
    totpEnabled: false,
    createdAt: '',
  };
  return userActor(user, ORGS[org]);
}

describe('access matrix: role × marking × organization × action', () => {
  const roles = [...ROLES, 'no-role'] as const;

  it('matches the written expectation in every cell', () => {
    const mismatches: string[] = [];
    let allowed = 0;
    let cells = 0;
    for (const role of roles) {
      for (const [name, recordMarking] of Object.entries(MARKINGS)) {
        for (const org of Object.keys(ORGS) as OrgName[]) {
          for (const action of ACCESS_ACTIONS) {
            const expected =
              MARKING_TABLE[name]![org].includes(LETTER[action]) &&
              ROLE_TABLE[role].includes(LETTER[action]);
            const decision = decideAccess(
              actorFor(org, role),
              { id: name, marking: recordMarking },
              action,
            );
            cells += 1;
            allowed += decision.allowed ? 1 : 0;
            if (decision.allowed !== expected || (decision.reason === 'allowed') !== expected) {
              mismatches.push(`${role} ${org} ${name} ${action}: got ${decision.reason}`);
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBe(7 * 14 * 5 * 6);
    // Deny by default: far more cells are refused than allowed.
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThan(cells / 4);
  });

  it('covers every role and every action in the tables', () => {
    expect(Object.keys(ROLE_TABLE).sort()).toEqual([...roles].sort());
    expect(Object.keys(LETTER).sort()).toEqual([...ACCESS_ACTIONS].sort());
    expect(Object.keys(MARKING_TABLE).sort()).toEqual(Object.keys(MARKINGS).sort());
  });
});

describe('deny by default', () => {
  const record = { id: 'r', marking: MARKINGS.clear! };
  const analyst = actorFor('DEA', 'analyst');

  it('refuses unknown actions, malformed actors and missing permissions', () => {
    expect(decideAccess(analyst, record, 'purge' as AccessAction)).toEqual({
      allowed: false,
      reason: 'unknown_action',
    });
    expect(
      decideAccess({ ...analyst, clearance: 'cosmic' as ClassificationLevel }, record, 'read')
        .reason,
    ).toBe('invalid_actor');
    expect(
      decideAccess({ ...analyst, permissions: ['record.read'] as never }, record, 'read').reason,
    ).toBe('invalid_actor');
    expect(decideAccess({ ...analyst, permissions: new Set() }, record, 'read').reason).toBe(
      'missing_permission',
    );
  });

  it('refuses by clearance, for originators too', () => {
    const secret = { id: 'r', marking: MARKINGS['secret-rel-col']! };
    expect(decideAccess(actorFor('DEA', 'analyst', 'confidential'), secret, 'read').reason).toBe(
      'insufficient_clearance',
    );
    expect(decideAccess(actorFor('DIJIN', 'analyst', 'restricted'), secret, 'read').reason).toBe(
      'insufficient_clearance',
    );
    expect(decideAccess(actorFor('DIJIN', 'analyst', 'secret'), secret, 'read').allowed).toBe(true);
  });

  it('gives stable reasons for each refusal', () => {
    const reason = (org: OrgName, name: string, action: AccessAction = 'read') =>
      decideAccess(actorFor(org, 'analyst'), { id: name, marking: MARKINGS[name]! }, action).reason;
    expect(reason('DIJIN', 'red')).toBe('tlp_red');
    expect(reason('DIJIN', 'noforn')).toBe('noforn');
    expect(reason('BANK', 'secret-rel-col')).toBe('not_government');
    expect(reason('HSI', 'amber-named')).toBe('not_releasable');
    expect(reason('DIJIN', 'clear', 'update')).toBe('not_originator');
    expect(reason('DIJIN', 'secret-orcon', 'export')).toBe('no_further_release');
    expect(reason('DEA', 'invalid-tlp')).toBe('invalid_marking');
  });
});
