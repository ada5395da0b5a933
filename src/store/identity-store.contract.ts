/**
 * The behaviour every `IdentityStore` adapter must show, run against a real database by each
 * adapter's test. Not run directly (vitest skips `*.contract.ts`).
 *
 * @module
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  OPAQUE_PASSWORD_HASH,
  testAudit,
  testOrganization,
  testUser,
} from '../../test/support/identity-fixtures.js';
import { verifyStoredAuditChain } from '../audit/verify-stored-chain.js';
import { newSession } from '../identity/session.js';
import type { Organization } from '../identity/organization.js';
import type { Store } from './store.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const POLICY = { maxAgeMs: 3_600_000, idleTimeoutMs: 600_000 };

/**
 * Declares the identity contract suite for one adapter.
 *
 * @example
 * runIdentityStoreContract('SQLite', () => createSqliteStore(':memory:'));
 */
export function runIdentityStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`IdentityStore contract (${name})`, () => {
    let store: Store;
    let org: Organization;

    beforeEach(async () => {
      store = await makeStore();
      org = await store.identity.createOrganization(testOrganization(), testAudit());
    });

    afterEach(async () => {
      await store.close();
    });

    async function actions(): Promise<string[]> {
      return (await store.audit.list({ limit: 1000 })).map((event) => event.action);
    }

    describe('bootstrap', () => {
      it('creates the first organization and administrator once, atomically, audited', async () => {
        const fresh = await makeStore();
        try {
          const input = {
            organization: testOrganization('Fiscalía'),
            administrator: {
              username: 'root',
              displayName: 'Root',
              clearance: 'secret' as const,
              passwordHash: OPAQUE_PASSWORD_HASH,
              mustChangePassword: false,
            },
          };
          const { organization, user } = await fresh.identity.bootstrap(
            input,
            testAudit({ kind: 'os-user', id: 'ops' }),
          );
          expect(user).toMatchObject({
            organizationId: organization.id,
            roles: ['administrator'],
            status: 'active',
          });
          await expect(fresh.identity.bootstrap(input, testAudit())).rejects.toMatchObject({
            code: 'conflict',
          });
          expect(await fresh.identity.listOrganizations()).toEqual([organization]);
          const events = await fresh.audit.list();
          expect(events.map((e) => [e.action, e.actorKind, e.actorId])).toEqual([
            ['identity.bootstrap', 'os-user', 'ops'],
          ]);
        } finally {
          await fresh.close();
        }
      });
    });

    describe('organizations and users', () => {
      it('creates, finds and lists, with one audit event per write naming who, where and why', async () => {
        const user = await store.identity.createUser(testUser(org.id), testAudit());
        expect(user).toMatchObject({
          username: 'ana',
          roles: ['analyst'],
          clearance: 'secret',
          totpEnabled: false,
          mustChangePassword: false,
        });
        expect(await store.identity.findUser(user.id)).toEqual(user);
        expect(await store.identity.findUserByUsername('ana')).toEqual(user);
        expect(await store.identity.listUsers(org.id)).toEqual([user]);
        expect(await store.identity.listUsers('other')).toEqual([]);
        expect(await store.identity.findOrganization(org.id)).toEqual(org);
        const [first, second] = await store.audit.list();
        expect(first).toMatchObject({
          seq: 1,
          action: 'organization.create',
          targetId: org.id,
          actorId: 'admin-1',
          organizationId: 'org-admin',
          ip: '192.0.2.10',
          reason: 'test',
        });
        expect(second).toMatchObject({
          seq: 2,
          action: 'user.create',
          targetType: 'user',
          targetId: user.id,
          prevHash: first?.hash,
        });
      });

      it('refuses taken names and unknown organizations, writing neither row nor event', async () => {
        await store.identity.createUser(testUser(org.id), testAudit());
        await expect(
          store.identity.createOrganization(testOrganization(), testAudit()),
        ).rejects.toMatchObject({ code: 'conflict' });
        await expect(
          store.identity.createUser(testUser(org.id), testAudit()),
        ).rejects.toMatchObject({ code: 'conflict' });
        await expect(
          store.identity.createUser(testUser('no-such-org', 'bob'), testAudit()),
        ).rejects.toMatchObject({ code: 'not_found' });
        expect(await actions()).toEqual(['organization.create', 'user.create']);
        expect(await store.identity.findUserByUsername('bob')).toBeUndefined();
      });

      it('updates roles and status; disabling ends sessions', async () => {
        const user = await store.identity.createUser(testUser(org.id), testAudit());
        await store.identity.startSession(
          newSession('h1', user.id, NOW, POLICY, null),
          null,
          testAudit(),
        );
        const updated = await store.identity.updateUser(
          user.id,
          { roles: ['reviewer', 'auditor'], status: 'disabled' },
          testAudit(),
        );
        expect(updated).toMatchObject({ roles: ['reviewer', 'auditor'], status: 'disabled' });
        expect(await store.identity.findSession('h1')).toBeUndefined();
        await expect(
          store.identity.updateUser('missing', { status: 'active' }, testAudit()),
        ).rejects.toMatchObject({ code: 'not_found' });
      });
    });

    describe('credentials and sessions', () => {
      it('records failures, then a login resets them and stores the TOTP step', async () => {
        const user = await store.identity.createUser(testUser(org.id), testAudit());
        await store.identity.recordLoginFailure(
          user.id,
          { failedLogins: 0, lockedUntil: '2026-03-01T12:15:00.000Z' },
          testAudit({ kind: 'anonymous', id: 'ana', organizationId: null }),
        );
        expect(await store.identity.findCredentials(user.id)).toMatchObject({
          failedLogins: 0,
          lockedUntil: '2026-03-01T12:15:00.000Z',
          passwordHash: OPAQUE_PASSWORD_HASH,
        });
        const session = newSession('hash-1', user.id, NOW, POLICY, '198.51.100.7');
        await store.identity.startSession(session, 55_000_000, testAudit());
        expect(await store.identity.findSession('hash-1')).toEqual(session);
        expect(await store.identity.findCredentials(user.id)).toMatchObject({
          failedLogins: 0,
          lockedUntil: null,
          totpLastStep: 55_000_000,
        });
        await store.identity.touchSession('hash-1', '2026-03-01T12:05:00.000Z');
        expect((await store.identity.findSession('hash-1'))?.lastSeenAt).toBe(
          '2026-03-01T12:05:00.000Z',
        );
        await store.identity.endSession('hash-1', testAudit());
        expect(await store.identity.findSession('hash-1')).toBeUndefined();
        const login = (await store.audit.list()).filter((e) => e.action === 'session.login');
        expect(login.map((e) => e.outcome)).toEqual(['failure', 'success']);
      });

      it('setPassword replaces the hash, clears lock-out and ends every session', async () => {
        const user = await store.identity.createUser(testUser(org.id), testAudit());
        await store.identity.startSession(
          newSession('s1', user.id, NOW, POLICY, null),
          null,
          testAudit(),
        );
        await store.identity.recordLoginFailure(
          user.id,
          { failedLogins: 3, lockedUntil: null },
          testAudit(),
        );
        await store.identity.setPassword(user.id, 'scrypt$new', true, testAudit());
        expect(await store.identity.findCredentials(user.id)).toMatchObject({
          passwordHash: 'scrypt$new',
          failedLogins: 0,
        });
        expect((await store.identity.findUser(user.id))?.mustChangePassword).toBe(true);
        expect(await store.identity.findSession('s1')).toBeUndefined();
        expect((await actions()).at(-1)).toBe('user.password-reset');
        await expect(
          store.identity.setPassword('missing', 'x', false, testAudit()),
        ).rejects.toMatchObject({ code: 'not_found' });
      });

      it('enrols, enables and removes TOTP', async () => {
        const user = await store.identity.createUser(testUser(org.id), testAudit());
        await store.identity.setTotp(user.id, 'JBSWY3DPEHPK3PXP', false, null, testAudit());
        expect(await store.identity.findCredentials(user.id)).toMatchObject({
          totpSecret: 'JBSWY3DPEHPK3PXP',
        });
        expect((await store.identity.findUser(user.id))?.totpEnabled).toBe(false);
        await store.identity.setTotp(user.id, 'JBSWY3DPEHPK3PXP', true, 42, testAudit());
        expect((await store.identity.findUser(user.id))?.totpEnabled).toBe(true);
        await store.identity.setTotp(user.id, null, false, null, testAudit());
        expect(await store.identity.findCredentials(user.id)).toMatchObject({ totpSecret: null });
        expect((await actions()).slice(-3)).toEqual([
          'user.totp-enrol',
          'user.totp-enable',
          'user.totp-remove',
        ]);
      });
    });

    describe('service accounts and API keys', () => {
      it('stores keys by hash, lists, revokes once and touches', async () => {
        const account = await store.identity.createServiceAccount(
          { organizationId: org.id, name: 'core-banking', clearance: 'unclassified' },
          testAudit(),
        );
        await expect(
          store.identity.createServiceAccount(
            { organizationId: org.id, name: 'core-banking', clearance: 'unclassified' },
            testAudit(),
          ),
        ).rejects.toMatchObject({ code: 'conflict' });
        const key = await store.identity.createApiKey(
          {
            id: '00112233aabbccdd',
            serviceAccountId: account.id,
            name: 'prod',
            keyHash: 'f'.repeat(64),
            permissions: ['list.read', 'screening.run'],
            expiresAt: '2027-01-01T00:00:00.000Z',
          },
          testAudit(),
        );
        expect(key).toMatchObject({
          revokedAt: null,
          lastUsedAt: null,
          permissions: ['list.read', 'screening.run'],
        });
        expect(await store.identity.findApiKey(key.id)).toEqual({ key, keyHash: 'f'.repeat(64) });
        expect(await store.identity.listApiKeys(account.id)).toEqual([key]);
        expect(await store.identity.findServiceAccount(account.id)).toEqual(account);
        expect(await store.identity.listServiceAccounts(org.id)).toEqual([account]);
        const revoked = await store.identity.revokeApiKey(
          key.id,
          '2026-03-02T00:00:00.000Z',
          testAudit(),
        );
        const again = await store.identity.revokeApiKey(
          key.id,
          '2026-03-03T00:00:00.000Z',
          testAudit(),
        );
        expect(again.revokedAt).toBe(revoked.revokedAt);
        await store.identity.touchApiKey(key.id, '2026-03-02T01:00:00.000Z');
        expect((await store.identity.findApiKey(key.id))?.key.lastUsedAt).toBe(
          '2026-03-02T01:00:00.000Z',
        );
        await expect(
          store.identity.revokeApiKey('missing', 'x', testAudit()),
        ).rejects.toMatchObject({ code: 'not_found' });
        await expect(
          store.identity.createApiKey(
            {
              id: 'x',
              serviceAccountId: 'missing',
              name: 'n',
              keyHash: 'e'.repeat(64),
              permissions: ['list.read'],
              expiresAt: 'x',
            },
            testAudit(),
          ),
        ).rejects.toMatchObject({ code: 'not_found' });
        expect((await actions()).filter((a) => a.startsWith('api-key'))).toEqual([
          'api-key.create',
          'api-key.revoke',
          'api-key.revoke',
        ]);
      });
    });

    describe('principals for authentication', () => {
      it('reads a key with its account and organization, and a session with its user, in one call each', async () => {
        const account = await store.identity.createServiceAccount(
          { organizationId: org.id, name: 'core-banking', clearance: 'restricted' },
          testAudit(),
        );
        const key = await store.identity.createApiKey(
          {
            id: 'aabbccdd00112233',
            serviceAccountId: account.id,
            name: 'prod',
            keyHash: 'd'.repeat(64),
            permissions: ['screening.run'],
            expiresAt: '2027-01-01T00:00:00.000Z',
          },
          testAudit(),
        );
        expect(await store.identity.findApiKeyPrincipal(key.id)).toEqual({
          key,
          keyHash: 'd'.repeat(64),
          account,
          organization: org,
        });
        expect(await store.identity.findApiKeyPrincipal('unknown')).toBeUndefined();
        const user = await store.identity.createUser(testUser(org.id), testAudit());
        const session = newSession('hash-p', user.id, NOW, POLICY, null);
        await store.identity.startSession(session, null, testAudit());
        expect(await store.identity.findSessionPrincipal('hash-p')).toEqual({
          session,
          user,
          organization: org,
        });
        expect(await store.identity.findSessionPrincipal('unknown')).toBeUndefined();
      });

      it('tells change listeners after each committed audited write, not after touches or failures', async () => {
        let changes = 0;
        const stop = store.identity.onChange(() => {
          changes += 1;
        });
        const user = await store.identity.createUser(testUser(org.id), testAudit());
        expect(changes).toBe(1);
        await store.identity.updateUser(user.id, { roles: ['auditor'] }, testAudit());
        expect(changes).toBe(2);
        await expect(
          store.identity.createUser(testUser(org.id), testAudit()),
        ).rejects.toMatchObject({ code: 'conflict' });
        await store.identity.touchSession('none', NOW.toISOString());
        expect(changes).toBe(2);
        stop();
        await store.identity.updateUser(user.id, { status: 'disabled' }, testAudit());
        expect(changes).toBe(2);
      });
    });

    it('counts login attempts in fixed windows, resets and prunes them, without audit events', async () => {
      const t = (seconds: number) => new Date(NOW.getTime() + seconds * 1000).toISOString();
      const count = (key: string, seconds: number) =>
        store.identity.countLoginAttempt(key, t(seconds), t(seconds - 60));
      expect(await count('ip:a', 0)).toEqual({ attempts: 1, windowStart: t(0) });
      expect(await count('ip:a', 10)).toEqual({ attempts: 2, windowStart: t(0) });
      const parallel = await Promise.all([count('ip:a', 20), count('ip:a', 20), count('ip:b', 20)]);
      expect(parallel.map((result) => result.attempts).sort()).toEqual([1, 3, 4]);
      expect(await count('ip:a', 60)).toEqual({ attempts: 1, windowStart: t(60) });
      await store.identity.resetLoginAttempts('ip:a');
      expect((await count('ip:a', 61)).attempts).toBe(1);
      await store.identity.pruneLoginAttempts(t(20));
      expect(await count('ip:b', 70)).toEqual({ attempts: 1, windowStart: t(70) });
      expect((await count('ip:a', 71)).attempts).toBe(2);
      expect(await store.audit.list()).toHaveLength(1);
    });

    it('leaves an intact chain after all of the above', async () => {
      await store.identity.createUser(testUser(org.id), testAudit());
      const report = await verifyStoredAuditChain(store.audit);
      expect(report).toMatchObject({ intact: true, count: 2 });
    });
  });
}
