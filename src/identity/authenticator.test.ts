import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { testAudit } from '../../test/support/identity-fixtures.js';
import { verifyStoredAuditChain } from '../audit/verify-stored-chain.js';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { AccountAdmin } from './account-admin.js';
import type { Actor } from './actor.js';
import { ApiKeyAdmin } from './api-key-admin.js';
import { Authenticator } from './authenticator.js';
import { base32Decode } from './base32.js';
import { MIN_SCRYPT_PARAMS } from './password.js';
import { totp } from './totp.js';

const PASSWORD = 'a long enough passphrase';
let now = new Date('2026-03-01T12:00:00.000Z');
const clock = () => now;
let store: Store;
let auth: Authenticator;
let admin: AccountAdmin;
let keys: ApiKeyAdmin;
let root: Actor;

beforeEach(async () => {
  now = new Date('2026-03-01T12:00:00.000Z');
  store = await createSqliteStore(':memory:');
  auth = new Authenticator(store.identity, store.audit, { scrypt: MIN_SCRYPT_PARAMS, clock });
  admin = new AccountAdmin(store.identity, MIN_SCRYPT_PARAMS, clock);
  keys = new ApiKeyAdmin(store.identity, clock);
  const organization = { name: 'DEA', kind: 'agency' as const, country: 'usa' };
  await admin.bootstrap(
    { organization, username: 'Root', displayName: 'Root', password: PASSWORD },
    testAudit({ kind: 'os-user', id: 'ops' }),
  );
  root = (await auth.login({ username: 'root', password: PASSWORD, ip: '192.0.2.1' })).actor;
});

afterEach(async () => {
  await store.close();
});

const tryLogin = (password: string, username = 'root', ip = '192.0.2.1') =>
  auth.login({ username, password, ip }).then(
    () => 'ok',
    (error: unknown) => (error as { code: string }).code,
  );

describe('Authenticator', () => {
  it('logs in, authenticates the session, refuses it after logout', async () => {
    const { token, actor, session } = await auth.login({
      username: 'ROOT',
      password: PASSWORD,
      ip: '192.0.2.1',
    });
    expect(actor).toMatchObject({
      kind: 'user',
      name: 'root',
      country: 'USA',
      roles: ['administrator'],
    });
    expect(session.tokenHash).not.toContain(token);
    expect((await auth.authenticateSession(token)).actor.id).toBe(actor.id);
    await auth.logout(token, testAudit());
    await expect(auth.authenticateSession(token)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(auth.authenticateSession('forged')).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('ends sessions when idle or expired', async () => {
    const { token } = await auth.login({ username: 'root', password: PASSWORD, ip: null });
    now = new Date(now.getTime() + 31 * 60_000);
    await expect(auth.authenticateSession(token)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('locks the account after five wrong passwords, answering exactly as for a wrong password', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect(await tryLogin('wrong password!!', 'root', `198.51.100.${i}`)).toBe('unauthenticated');
    }
    expect(await tryLogin(PASSWORD, 'root', '198.51.100.9')).toBe('unauthenticated');
    now = new Date(now.getTime() + 16 * 60_000);
    expect(await tryLogin(PASSWORD, 'root', '198.51.100.9')).toBe('ok');
    const outcomes = (await store.audit.list({ action: 'session.login', limit: 100 })).map(
      (e) => e.outcome,
    );
    expect(outcomes).toEqual([
      'success',
      'failure',
      'failure',
      'failure',
      'failure',
      'failure',
      'denied',
      'success',
    ]);
    expect((await verifyStoredAuditChain(store.audit)).intact).toBe(true);
  });

  it('rate-limits one address guessing across accounts, and audits unknown users', async () => {
    const results = [];
    for (let i = 0; i < 12; i += 1) {
      results.push(await tryLogin('guess', `nobody${i}`, '203.0.113.9'));
    }
    expect(results.slice(0, 10)).toEqual(Array(10).fill('unauthenticated'));
    expect(results.at(-1)).toBe('rate_limited');
    expect((await store.audit.list({ actorId: 'anonymous' })).length).toBe(10);
  });

  it('authenticates API keys by hash, within their scope, until revoked or expired', async () => {
    const account = await keys.createServiceAccount(
      root,
      'core-banking',
      'unclassified',
      testAudit(),
    );
    const { key, secret } = await keys.issueApiKey(
      root,
      { serviceAccountId: account.id, name: 'prod', permissions: ['screening.run'], days: 30 },
      testAudit(),
    );
    const actor = await auth.authenticateApiKey(secret);
    expect(actor).toMatchObject({ kind: 'service', id: account.id, roles: [] });
    expect([...actor.permissions]).toEqual(['screening.run']);
    // Change the last character for certain: a fixed replacement is a no-op when it already matches.
    const tampered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    await expect(auth.authenticateApiKey(tampered)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(
      keys.issueApiKey(
        root,
        { serviceAccountId: account.id, name: 'x', permissions: ['audit.read'], days: 1 },
        testAudit(),
      ),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await keys.revokeApiKey(root, key.id, testAudit());
    await expect(auth.authenticateApiKey(secret)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    const second = await keys.issueApiKey(
      root,
      { serviceAccountId: account.id, name: 'short', permissions: ['list.read'], days: 1 },
      testAudit(),
    );
    now = new Date(now.getTime() + 25 * 3_600_000);
    await expect(auth.authenticateApiKey(second.secret)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('refuses a cached key once it expires and a cached session once idle or expired', async () => {
    // A cache longer than the key's life: the cached principal must not outlive the key.
    const long = new Authenticator(store.identity, store.audit, {
      scrypt: MIN_SCRYPT_PARAMS,
      clock,
      principalCacheMs: 3 * 86_400_000,
    });
    const account = await keys.createServiceAccount(root, 'batch', 'unclassified', testAudit());
    const { secret } = await keys.issueApiKey(
      root,
      { serviceAccountId: account.id, name: 'day', permissions: ['list.read'], days: 1 },
      testAudit(),
    );
    const first = await long.authenticateApiKey(secret);
    expect(await long.authenticateApiKey(secret)).toBe(first);
    now = new Date(now.getTime() + 86_400_000);
    await expect(long.authenticateApiKey(secret)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    const { token } = await long.login({ username: 'root', password: PASSWORD, ip: null });
    // Each use within the idle timeout keeps the session alive, also while cached.
    for (let step = 0; step < 4; step += 1) {
      now = new Date(now.getTime() + 20 * 60_000);
      expect((await long.authenticateSession(token)).actor.id).toBe(root.id);
    }
    now = new Date(now.getTime() + 30 * 60_000);
    await expect(long.authenticateSession(token)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    const { token: second } = await long.login({ username: 'root', password: PASSWORD, ip: null });
    for (let step = 0; step < 24; step += 1) {
      now = new Date(now.getTime() + 20 * 60_000);
      await long.authenticateSession(second).catch(() => undefined);
    }
    // Used every 20 minutes, it still ends after 8 hours.
    await expect(long.authenticateSession(second)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('applies revocation and role changes made in this process at once', async () => {
    const account = await keys.createServiceAccount(root, 'scanner', 'unclassified', testAudit());
    const { key, secret } = await keys.issueApiKey(
      root,
      { serviceAccountId: account.id, name: 'p', permissions: ['list.read'], days: 30 },
      testAudit(),
    );
    const { token } = await auth.login({ username: 'root', password: PASSWORD, ip: null });
    await auth.authenticateApiKey(secret);
    expect((await auth.authenticateSession(token)).actor.roles).toEqual(['administrator']);
    await admin.updateUser(root, root.id, { roles: ['administrator', 'auditor'] }, testAudit());
    expect((await auth.authenticateSession(token)).actor.roles).toEqual([
      'administrator',
      'auditor',
    ]);
    await keys.revokeApiKey(root, key.id, testAudit());
    await expect(auth.authenticateApiKey(secret)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await admin.updateUser(root, root.id, { status: 'disabled' }, testAudit());
    await expect(auth.authenticateSession(token)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('sees a revocation made by another process within the principal cache lifetime', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'puente-auth-'));
    const file = join(folder, 'puente.db');
    const serving = await createSqliteStore(file);
    const operating = await createSqliteStore(file);
    try {
      const servingAuth = new Authenticator(serving.identity, serving.audit, {
        clock,
        principalCacheMs: 5_000,
      });
      const org = await serving.identity.createOrganization(
        { name: 'UIAF', kind: 'agency', country: 'COL' },
        testAudit(),
      );
      const account = await serving.identity.createServiceAccount(
        { organizationId: org.id, name: 'scanner', clearance: 'unclassified' },
        testAudit(),
      );
      const issued = await new ApiKeyAdmin(serving.identity, clock).issueApiKey(
        { ...root, organizationId: org.id },
        { serviceAccountId: account.id, name: 'p', permissions: ['list.read'], days: 30 },
        testAudit(),
      );
      await servingAuth.authenticateApiKey(issued.secret);
      await operating.identity.revokeApiKey(issued.key.id, now.toISOString(), testAudit());
      // The serving process has not been told; it trusts its cached principal for 5 s at most.
      now = new Date(now.getTime() + 4_999);
      await expect(servingAuth.authenticateApiKey(issued.secret)).resolves.toMatchObject({
        id: account.id,
      });
      now = new Date(now.getTime() + 1);
      await expect(servingAuth.authenticateApiKey(issued.secret)).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    } finally {
      await serving.close();
      await operating.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('limits login attempts across every process sharing the store', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'puente-throttle-'));
    const file = join(folder, 'puente.db');
    const first = await createSqliteStore(file);
    const second = await createSqliteStore(file);
    try {
      const rateLimit = { maxAttempts: 4, windowMs: 60_000 };
      const processes = [first, second].map(
        (one) => new Authenticator(one.identity, one.audit, { clock, rateLimit }),
      );
      const attempt = (i: number) =>
        processes[i % 2]!.login({ username: `nobody${i}`, password: 'x', ip: '203.0.113.7' }).then(
          () => 'ok',
          (error: unknown) => (error as { code: string }).code,
        );
      const results = [];
      for (let i = 0; i < 6; i += 1) {
        results.push(await attempt(i));
      }
      // Four attempts in all, not four per process.
      expect(results).toEqual([
        ...Array<string>(4).fill('unauthenticated'),
        'rate_limited',
        'rate_limited',
      ]);
      now = new Date(now.getTime() + 60_000);
      expect(await attempt(7)).toBe('unauthenticated');
    } finally {
      await first.close();
      await second.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('stores TOTP secrets only sealed, and still accepts secrets stored before sealing', async () => {
    const sealer = {
      seal: (plain: string) => `v1.${Buffer.from(plain).toString('base64url')}`,
      open: (sealed: string) => Buffer.from(sealed.slice(3), 'base64url').toString(),
    };
    const sealedAdmin = new AccountAdmin(store.identity, MIN_SCRYPT_PARAMS, clock, () => sealer);
    const sealedAuth = new Authenticator(store.identity, store.audit, {
      scrypt: MIN_SCRYPT_PARAMS,
      clock,
      totpSecrets: () => sealer,
    });
    const { secret } = await sealedAdmin.enrolTotp(root, testAudit());
    const stored = (await store.identity.findCredentials(root.id))?.totpSecret;
    expect(stored).not.toContain(secret);
    expect(stored).toBe(sealer.seal(secret));
    const code = () => totp(base32Decode(secret), now.getTime() / 1000);
    await sealedAdmin.confirmTotp(root, code(), testAudit());
    now = new Date(now.getTime() + 30_000);
    const login = { username: 'root', password: PASSWORD, ip: null };
    await expect(sealedAuth.login({ ...login, totpCode: code() })).resolves.toBeDefined();
    // A secret written in clear by an earlier version still works.
    await store.identity.setTotp(root.id, secret, true, null, testAudit());
    now = new Date(now.getTime() + 30_000);
    await expect(sealedAuth.login({ ...login, totpCode: code() })).resolves.toBeDefined();
  });

  it('requires a fresh TOTP code once enrolled and refuses a replayed one', async () => {
    const { secret } = await admin.enrolTotp(root, testAudit());
    const code = () => totp(base32Decode(secret), now.getTime() / 1000);
    await admin.confirmTotp(root, code(), testAudit());
    now = new Date(now.getTime() + 30_000);
    const missing = await auth
      .login({ username: 'root', password: PASSWORD, ip: null })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({
      code: 'unauthenticated',
      details: { secondFactor: 'required' },
    });
    const current = code();
    await auth.login({ username: 'root', password: PASSWORD, totpCode: current, ip: null });
    expect(
      await auth
        .login({ username: 'root', password: PASSWORD, totpCode: current, ip: null })
        .catch((e: unknown) => (e as { code: string }).code),
    ).toBe('unauthenticated');
  });
});

describe('AccountAdmin', () => {
  it('keeps administrators inside their organization', async () => {
    const other = await admin.createOrganization(
      root,
      { name: 'DIJIN', kind: 'agency', country: 'COL' },
      testAudit(),
    );
    const first = await admin.createUser(
      root,
      {
        organizationId: other.id,
        username: 'col-admin',
        displayName: 'A',
        roles: ['administrator'],
        clearance: 'secret',
        password: PASSWORD,
      },
      testAudit(),
    );
    await expect(
      admin.createUser(
        root,
        {
          organizationId: other.id,
          username: 'second',
          displayName: 'B',
          roles: ['analyst'],
          clearance: 'secret',
          password: PASSWORD,
        },
        testAudit(),
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(admin.getUser(root, first.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(admin.resetPassword(root, first.id, PASSWORD, testAudit())).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('resets passwords to temporary ones and lets users change their own', async () => {
    const ana = await admin.createUser(
      root,
      {
        username: 'ana',
        displayName: 'Ana',
        roles: ['analyst'],
        clearance: 'secret',
        password: PASSWORD,
      },
      testAudit(),
    );
    expect(ana.mustChangePassword).toBe(true);
    const login = await auth.login({ username: 'ana', password: PASSWORD, ip: null });
    expect(login.mustChangePassword).toBe(true);
    await admin.changePassword(login.actor, PASSWORD, 'another long passphrase', testAudit());
    await expect(auth.authenticateSession(login.token)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(
      admin.changePassword(login.actor, 'wrong', 'yet another passphrase', testAudit()),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    await admin.resetPassword(root, ana.id, 'temporary passphrase', testAudit());
    expect(
      (await auth.login({ username: 'ana', password: 'temporary passphrase', ip: null }))
        .mustChangePassword,
    ).toBe(true);
  });

  it('refuses people without the permission', async () => {
    const ana = await admin.createUser(
      root,
      {
        username: 'ana',
        displayName: 'Ana',
        roles: ['analyst'],
        clearance: 'secret',
        password: PASSWORD,
      },
      testAudit(),
    );
    const actor = (await auth.login({ username: ana.username, password: PASSWORD, ip: null }))
      .actor;
    await expect(admin.listUsers(actor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      keys.createServiceAccount(actor, 'x', 'unclassified', testAudit()),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
