/**
 * What an attacker would try against the HTTP API: no or forged credentials, replayed cookies,
 * cross-site requests, password guessing, other organizations' ids, injection and traversal
 * strings in every parameter, oversized bodies. Every attempt must be refused with the right
 * status, and no error may reveal internals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  TEST_ADMIN_PASSWORD,
  authedRequest,
  bootstrapApiKey,
} from '../../test/support/api-auth.js';
import { createTestServices } from '../../test/support/test-services.js';
import type { Services } from '../services.js';
import { createApp } from './app.js';

let services: Services;
let app: ReturnType<typeof createApp>;
let asSystem: ReturnType<typeof authedRequest>;
let foreignUserId: string;
let foreignKeyId: string;
let ownUserId: string;
let root: { cookie: string; csrf: string };
let systemKey: string;

const json = (
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): RequestInit => ({
  method,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});

async function login(username: string, password: string): Promise<Response> {
  return app.request('/auth/login', json({ username, password }));
}

function cookiesOf(response: Response): { cookie: string; csrf: string } {
  const raw = response.headers.getSetCookie();
  const value = (name: string) =>
    raw
      .find((c) => c.startsWith(`${name}=`))
      ?.split(';')[0]
      ?.split('=')[1] ?? '';
  return {
    cookie: `puente_session=${value('puente_session')}; puente_csrf=${value('puente_csrf')}`,
    csrf: value('puente_csrf'),
  };
}

async function expectNoLeak(response: Response): Promise<void> {
  const text = await response.text();
  expect(response.status).toBeLessThan(500);
  expect(text).not.toMatch(/sqlite|postgres|syntax|select |stack|at \w+ \(|node_modules|scrypt\$/i);
}

beforeAll(async () => {
  services = await createTestServices({
    'auth.secureCookies': true,
    'auth.loginAttemptsPerMinute': 25,
  });
  app = createApp(services);
  const { key, admin } = await bootstrapApiKey(services);
  asSystem = authedRequest(app, key);
  systemKey = key;
  const setup = { actor: { kind: 'system' as const, id: 'test', organizationId: null } };
  const other = await services.accounts.createOrganization(
    admin,
    { name: 'Other agency', kind: 'agency', country: 'USA' },
    setup,
  );
  const foreignAdmin = await services.accounts.createUser(
    admin,
    {
      organizationId: other.id,
      username: 'other-admin',
      displayName: 'O',
      roles: ['administrator'],
      clearance: 'secret',
      password: TEST_ADMIN_PASSWORD,
    },
    setup,
  );
  foreignUserId = foreignAdmin.id;
  const foreignActor = (
    await services.authenticator.login({
      username: 'other-admin',
      password: TEST_ADMIN_PASSWORD,
      ip: '10.0.0.9',
    })
  ).actor;
  const account = await services.apiKeys.createServiceAccount(
    foreignActor,
    'foreign-system',
    'unclassified',
    setup,
  );
  foreignKeyId = (
    await services.apiKeys.issueApiKey(
      foreignActor,
      { serviceAccountId: account.id, name: 'k', permissions: ['list.read'], days: 1 },
      setup,
    )
  ).key.id;
  root = cookiesOf(await login('root', TEST_ADMIN_PASSWORD));
  ownUserId = (
    await services.accounts.createUser(
      admin,
      {
        username: 'analyst1',
        displayName: 'A',
        roles: ['analyst'],
        clearance: 'secret',
        password: TEST_ADMIN_PASSWORD,
      },
      setup,
    )
  ).id;
});

afterAll(async () => {
  await services.close();
});

describe('authentication is required', () => {
  it.each([
    '/lists',
    '/lists/publications',
    '/auth/me',
    '/admin/users',
    '/audit/events',
    '/audit/verify',
    '/no-such-route',
  ])('GET %s without credentials is 401', async (path) => {
    const response = await app.request(path);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      code: 'unauthenticated',
      message: 'authentication required',
      details: {},
    });
  });

  it('keeps health, OpenAPI and docs public', async () => {
    for (const path of ['/health', '/openapi.json', '/docs']) {
      expect((await app.request(path)).status).toBe(200);
    }
  });

  it.each([
    'Bearer puente_0011223344556677_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    "Bearer ' OR '1'='1",
    'Bearer ../../etc/passwd',
    `Bearer ${'x'.repeat(5000)}`,
    'Basic cm9vdDpyb290',
    'Bearer',
  ])('refuses the forged authorization %#', async (authorization) => {
    const response = await app.request('/lists', { headers: { authorization } });
    expect(response.status).toBe(401);
    await expectNoLeak(response);
  });

  it('refuses a key whose secret part was altered', async () => {
    const altered = `${systemKey.slice(0, -2)}${systemKey.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(
      (await app.request('/lists', { headers: { authorization: `Bearer ${altered}` } })).status,
    ).toBe(401);
  });
});

describe('browser sessions', () => {
  it('sets Secure, HttpOnly, SameSite=Strict cookies and requires the CSRF token for writes', async () => {
    const response = await login('root', TEST_ADMIN_PASSWORD);
    expect(response.status).toBe(200);
    const session = response.headers.getSetCookie().find((c) => c.startsWith('puente_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Strict/);
    const { cookie, csrf } = cookiesOf(response);
    expect((await app.request('/auth/me', { headers: { cookie } })).status).toBe(200);
    const body = { name: 'csrf-test', clearance: 'unclassified' };
    expect((await app.request('/admin/service-accounts', json(body, { cookie }))).status).toBe(403);
    expect(
      (
        await app.request(
          '/admin/service-accounts',
          json(body, { cookie, 'x-csrf-token': 'forged' }),
        )
      ).status,
    ).toBe(403);
    expect(
      (await app.request('/admin/service-accounts', json(body, { cookie, 'x-csrf-token': csrf })))
        .status,
    ).toBe(201);
  });

  it('refuses a replayed cookie after logout and a forged one', async () => {
    const { cookie, csrf } = cookiesOf(await login('root', TEST_ADMIN_PASSWORD));
    expect(
      (
        await app.request('/auth/logout', {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrf },
        })
      ).status,
    ).toBe(204);
    expect((await app.request('/auth/me', { headers: { cookie } })).status).toBe(401);
    const forged = 'puente_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect((await app.request('/auth/me', { headers: { cookie: forged } })).status).toBe(401);
  });
});

describe("another organization's ids", () => {
  it.each([
    ['GET', () => `/admin/users/${foreignUserId}`],
    ['PATCH', () => `/admin/users/${foreignUserId}`],
    ['POST', () => `/admin/users/${foreignUserId}/password`],
    ['DELETE', () => `/admin/api-keys/${foreignKeyId}`],
  ])('%s on a foreign id answers 404 exactly like a missing id', async (method, path) => {
    const { cookie, csrf } = root;
    const body =
      method === 'PATCH' ? { status: 'disabled' } : { password: 'a new long passphrase' };
    const init = (url: string) =>
      app.request(
        url,
        method === 'GET'
          ? { headers: { cookie } }
          : json(body, { cookie, 'x-csrf-token': csrf }, method),
      );
    const foreign = await init(path());
    const missing = await init(
      path().replace(/[0-9a-f-]{16,36}/, '00000000-0000-0000-0000-000000000001'),
    );
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    const [a, b] = [
      (await foreign.json()) as { code: string },
      (await missing.json()) as { code: string },
    ];
    expect(a.code).toBe(b.code);
    expect(JSON.stringify(a)).not.toContain('Other agency');
  });

  it('lists only its own users, and an own id works', async () => {
    const { cookie } = root;
    const users = (await (await app.request('/admin/users', { headers: { cookie } })).json()) as {
      users: { id: string }[];
    };
    expect(users.users.map((u) => u.id)).not.toContain(foreignUserId);
    expect((await app.request(`/admin/users/${ownUserId}`, { headers: { cookie } })).status).toBe(
      200,
    );
  });
});

describe('the API key list', () => {
  it("lists its own organization's keys, never another's, and never a secret or hash", async () => {
    const { cookie } = root;
    const response = await app.request('/admin/api-keys', { headers: { cookie } });
    expect(response.status).toBe(200);
    const text = await response.text();
    const { apiKeys } = JSON.parse(text) as {
      apiKeys: { id: string; name: string; serviceAccountName: string; revokedAt: null }[];
    };
    expect(apiKeys.map((key) => [key.name, key.serviceAccountName])).toEqual([
      ['test', 'test-system'],
    ]);
    expect(apiKeys.map((key) => key.id)).not.toContain(foreignKeyId);
    expect(text).not.toContain(systemKey);
    expect(text).not.toMatch(/hash|secret/i);
    expect(Object.keys(apiKeys[0]!).sort()).toEqual([
      'createdAt',
      'expiresAt',
      'id',
      'lastUsedAt',
      'name',
      'permissions',
      'revokedAt',
      'serviceAccountId',
      'serviceAccountName',
    ]);
  });

  it('refuses a caller without api-key.manage with 403', async () => {
    expect((await asSystem('/admin/api-keys')).status).toBe(403);
  });
});

describe('hostile parameters', () => {
  const HOSTILE = [
    "' OR '1'='1",
    '1; DROP TABLE app_user; --',
    '../../etc/passwd',
    '..%2F..%2Fetc%2Fpasswd',
    '%00',
    '<script>',
  ];

  it.each(HOSTILE)(
    '%s in every path and query parameter is refused without a 500 or a leak',
    async (value) => {
      const v = encodeURIComponent(value);
      const paths = [
        `/lists/publications/${v}`,
        `/lists/entries/${v}`,
        `/lists/diff?from=${v}&to=${v}`,
        `/lists/publications?source=${v}`,
        `/lists/entries/ofac-sdn:1?at=${v}`,
        `/audit/events?afterSeq=${v}`,
        `/audit/events?action=${v}`,
      ];
      for (const path of paths) {
        await expectNoLeak(await asSystem(path));
      }
      const { cookie, csrf } = root;
      for (const [method, path] of [
        ['GET', `/admin/users/${v}`],
        ['DELETE', `/admin/api-keys/${v}`],
      ] as const) {
        const response = await app.request(path, {
          method,
          headers: { cookie, 'x-csrf-token': csrf },
        });
        expect(response.status).toBe(404);
        await expectNoLeak(response);
      }
      const login2 = await app.request('/auth/login', json({ username: value, password: value }));
      expect([401, 429]).toContain(login2.status);
      expect((await asSystem('/lists')).status).toBe(200);
    },
  );
});

describe('permissions and sizes', () => {
  it('refuses what the key scope does not allow with 403', async () => {
    const fresh = await createTestServices();
    try {
      const limited = authedRequest(
        createApp(fresh),
        (await bootstrapApiKey(fresh, ['list.read'])).key,
      );
      expect((await limited('/lists')).status).toBe(200);
      expect((await limited('/lists/refresh', { method: 'POST' })).status).toBe(403);
      expect((await limited('/screen', json({ name: 'x' }))).status).toBe(403);
      expect((await limited('/admin/users')).status).toBe(403);
      expect((await limited('/audit/events')).status).toBe(403);
    } finally {
      await fresh.close();
    }
  });

  it('refuses oversized login and account bodies with 413', async () => {
    const big = { username: 'root', password: 'x'.repeat(20_000) };
    const response = await app.request('/auth/login', json(big));
    expect(response.status).toBe(413);
    await expectNoLeak(response);
  });
});

describe('guessing', () => {
  it('answers unknown users and wrong passwords alike, then locks and rate-limits', async () => {
    // A fresh application, so the attempts of the other tests do not count.
    const fresh = await createTestServices({ 'auth.loginAttemptsPerMinute': 25 });
    const freshApp = createApp(fresh);
    await bootstrapApiKey(fresh);
    const setup = { actor: { kind: 'system' as const, id: 'test', organizationId: null } };
    const admin = (
      await fresh.authenticator.login({
        username: 'root',
        password: TEST_ADMIN_PASSWORD,
        ip: '10.1.1.1',
      })
    ).actor;
    await fresh.accounts.createUser(
      admin,
      {
        username: 'analyst1',
        displayName: 'A',
        roles: ['analyst'],
        clearance: 'secret',
        password: TEST_ADMIN_PASSWORD,
      },
      setup,
    );
    const login = (username: string, password: string) =>
      Promise.resolve(freshApp.request('/auth/login', json({ username, password })));
    const unknown = await login('nobody', 'wrong password');
    const wrong = await login('analyst1', 'wrong password');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    for (let i = 0; i < 4; i += 1) {
      expect((await login('analyst1', 'wrong password')).status).toBe(401);
    }
    expect((await login('analyst1', TEST_ADMIN_PASSWORD)).status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      statuses.push((await login(`guess${i}`, 'x')).status);
    }
    expect(statuses).toContain(429);
    await fresh.close();
  });
});

describe('audit routes', () => {
  it('let auditors list and export only their organization, and verify the whole chain', async () => {
    const setup = { actor: { kind: 'system' as const, id: 'test', organizationId: null } };
    const admin = (
      await services.authenticator.login({
        username: 'root',
        password: TEST_ADMIN_PASSWORD,
        ip: '10.2.2.2',
      })
    ).actor;
    await services.accounts.createUser(
      admin,
      {
        username: 'auditor1',
        displayName: 'Au',
        roles: ['auditor'],
        clearance: 'secret',
        password: TEST_ADMIN_PASSWORD,
      },
      setup,
    );
    const { cookie } = cookiesOf(
      await app.request(
        '/auth/login',
        json({ username: 'auditor1', password: TEST_ADMIN_PASSWORD }),
      ),
    );
    const listed = (await (
      await app.request('/audit/events?limit=1000', { headers: { cookie } })
    ).json()) as { events: { organizationId: string | null }[] };
    expect(listed.events.length).toBeGreaterThan(0);
    expect(new Set(listed.events.map((e) => e.organizationId))).toEqual(
      new Set([admin.organizationId]),
    );
    expect(
      await (await app.request('/audit/verify', { headers: { cookie } })).json(),
    ).toMatchObject({ intact: true });
    const exported = await app.request('/audit/export', { headers: { cookie } });
    expect(exported.headers.get('content-type')).toContain('ndjson');
    expect((await exported.text()).trim().split('\n').at(-1)).toContain('audit.export');
    expect((await app.request('/audit/events', { headers: { cookie: root.cookie } })).status).toBe(
      403,
    );
  });
});

describe('screening audit', () => {
  it('records each screening request exactly once', async () => {
    const count = async () =>
      (await services.store.audit.list({ action: 'screening.run', limit: 1000 })).length;
    const before = await count();
    const screened = await asSystem('/screen', json({ name: 'Juan Perez' }));
    expect(screened.status).toBe(200);
    const batch = await asSystem('/screen/batch', json({ queries: [{ name: 'Ana' }] }));
    expect(batch.status).toBe(200);
    expect(await count()).toBe(before + 2);
  });
});
