import { describe, expect, it } from 'vitest';

import { apiKeyExpiry, apiKeyProblem, validateScope } from './api-key.js';
import { DEFAULT_LOCKOUT_POLICY, afterFailure, isLocked } from './lockout.js';
import { Permission, ROLES, permissionsOf } from './permissions.js';
import { apiKeyId, hashToken, newApiKey, newToken, safeEqual } from './secret-tokens.js';
import { newSession, sessionProblem } from './session.js';
import { normalizeUsername, validateRoles } from './user.js';

const T0 = new Date('2026-03-01T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('lock-out', () => {
  it('locks after five failures for fifteen minutes, then unlocks', () => {
    let state = { failedLogins: 0, lockedUntil: null as string | null };
    for (let i = 0; i < 4; i += 1) {
      state = afterFailure(state, T0, DEFAULT_LOCKOUT_POLICY);
      expect(isLocked(state, T0)).toBe(false);
    }
    state = afterFailure(state, T0, DEFAULT_LOCKOUT_POLICY);
    expect(isLocked(state, at(14 * 60_000))).toBe(true);
    expect(isLocked(state, at(15 * 60_000))).toBe(false);
    expect(state.failedLogins).toBe(0);
  });
});

describe('sessions', () => {
  const policy = { maxAgeMs: 8 * 3_600_000, idleTimeoutMs: 30 * 60_000 };
  it('expire absolutely and when idle', () => {
    const session = newSession('h', 'u', T0, policy, null);
    expect(sessionProblem(session, at(29 * 60_000), policy)).toBeUndefined();
    expect(sessionProblem(session, at(30 * 60_000), policy)).toBe('idle');
    const busy = { ...session, lastSeenAt: at(8 * 3_600_000 - 1000).toISOString() };
    expect(sessionProblem(busy, at(8 * 3_600_000), policy)).toBe('expired');
  });
});

describe('tokens and API keys', () => {
  it('makes 256-bit tokens and keys whose id can be read back, stored as SHA-256', () => {
    expect(Buffer.from(newToken(), 'base64url')).toHaveLength(32);
    const { id, key } = newApiKey();
    expect(apiKeyId(key)).toBe(id);
    expect(apiKeyId(`${key}x`)).toBeUndefined();
    expect(apiKeyId("puente_' or 1=1 --")).toBeUndefined();
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });

  it('know when a key is revoked or expired and validate scopes and lifetimes', () => {
    const key = {
      id: 'k',
      serviceAccountId: 's',
      name: 'n',
      permissions: [],
      createdAt: '',
      expiresAt: at(1000).toISOString(),
      revokedAt: null,
      lastUsedAt: null,
    };
    expect(apiKeyProblem(key, T0)).toBeUndefined();
    expect(apiKeyProblem(key, at(1000))).toBe('expired');
    expect(apiKeyProblem({ ...key, revokedAt: T0.toISOString() }, T0)).toBe('revoked');
    expect(validateScope(['list.read', 'list.read'])).toEqual(['list.read']);
    expect(() => validateScope([])).toThrow();
    expect(() => validateScope(['root'])).toThrow(/unknown permission/);
    expect(() => apiKeyExpiry(T0, 0)).toThrow();
    expect(() => apiKeyExpiry(T0, 400)).toThrow();
    expect(apiKeyExpiry(T0, 1)).toBe('2026-03-02T12:00:00.000Z');
  });
});

describe('roles and users', () => {
  it('grants permissions only through the role table; unknown roles grant nothing', () => {
    expect(permissionsOf(['no-such-role']).size).toBe(0);
    expect(permissionsOf(['administrator']).has(Permission.UserManage)).toBe(true);
    expect(permissionsOf(['administrator']).has(Permission.AuditRead)).toBe(false);
    expect(ROLES).toHaveLength(6);
  });

  it('normalizes usernames and validates roles', () => {
    expect(normalizeUsername('  Ana.Gomez@DIJIN ')).toBe('ana.gomez@dijin');
    expect(() => normalizeUsername("a' OR '1'='1")).toThrow();
    expect(() => normalizeUsername('../../etc/passwd')).toThrow();
    expect(validateRoles(['analyst', 'analyst'])).toEqual(['analyst']);
    expect(() => validateRoles(['root'])).toThrow(/unknown role/);
  });
});
