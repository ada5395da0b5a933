/**
 * Changing the marking of an agency-list entry over HTTP: a reader raises it, only the
 * originating organization lowers it, the change is effective at once for entry reads and
 * screening, kept in the entry's history and audited; an entry the caller may not read answers
 * exactly like an unknown id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  TEST_ADMIN_PASSWORD,
  authedRequest,
  bootstrapApiKey,
} from '../../../test/support/api-auth.js';
import { createTestServices } from '../../../test/support/test-services.js';
import type { Actor } from '../../identity/actor.js';
import type { Role } from '../../identity/permissions.js';
import type { Services } from '../../services.js';
import { createApp } from '../app.js';

const SOURCE = 'kingpins-col';
const SETUP = { actor: { kind: 'system' as const, id: 'test', organizationId: null } };
const K2_NAME = 'PEDRO PABLO MUESTRA FICTICIO';

let services: Services;
let app: ReturnType<typeof createApp>;
let deaId: string;
const sessions = new Map<string, { cookie: string; csrf: string }>();

const LIST = JSON.stringify({
  format: 'puente-watchlist/1',
  source: SOURCE,
  publishedAt: '2026-03-01',
  marking: { classification: 'unclassified', tlp: 'RED' },
  entries: [
    {
      id: 'K-1',
      name: 'JUAN CARLOS EJEMPLO PRUEBA',
      type: 'individual',
      marking: {
        classification: 'unclassified',
        releasableTo: { countries: ['COL', 'USA'] },
        tlp: 'CLEAR',
      },
    },
    {
      id: 'K-2',
      name: K2_NAME,
      type: 'individual',
      marking: {
        classification: 'unclassified',
        releasableTo: { countries: ['USA'] },
        tlp: 'GREEN',
      },
    },
    { id: 'K-4', name: 'ANDRES FELIPE NUEVO SECRETO', type: 'individual' },
  ],
});

async function login(admin: Actor, organizationId: string, username: string, role: Role) {
  await services.accounts.createUser(
    admin,
    {
      organizationId,
      username,
      displayName: username,
      roles: [role],
      clearance: 'secret',
      password: TEST_ADMIN_PASSWORD,
    },
    SETUP,
  );
  const response = await app.request('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_ADMIN_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const raw = response.headers.getSetCookie();
  const value = (name: string) =>
    raw
      .find((c) => c.startsWith(`${name}=`))
      ?.split(';')[0]
      ?.split('=')[1] ?? '';
  sessions.set(username, {
    cookie: `puente_session=${value('puente_session')}; puente_csrf=${value('puente_csrf')}`,
    csrf: value('puente_csrf'),
  });
}

function as(username: string, method: string, path: string, body?: unknown): Promise<Response> {
  const session = sessions.get(username)!;
  const headers: Record<string, string> = { cookie: session.cookie };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = session.csrf;
  }
  return Promise.resolve(
    app.request(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
}

const entryPath = (id: string) => `/lists/entries/${SOURCE}:${id}`;
const put = (user: string, id: string, marking: unknown, reason = 'source at risk') =>
  as(user, 'PUT', `${entryPath(id)}/marking`, { marking, reason });
const screens = async (user: string, name: string) => {
  const body = (await (await as(user, 'POST', '/screen', { name })).json()) as {
    matches: { entryId: string }[];
  };
  return body.matches.some((m) => m.entryId.startsWith(SOURCE));
};
const GREEN_USA = {
  classification: 'unclassified',
  releasableTo: { countries: ['USA'] },
  tlp: 'GREEN',
};

beforeAll(async () => {
  services = await createTestServices({
    'auth.loginAttemptsPerMinute': 100,
    // A lowering then queues a full re-screen, as in production.
    'monitoring.rescreenOnIngest': true,
  });
  app = createApp(services);
  const { key, admin } = await bootstrapApiKey(services);
  const dea = await services.accounts.createOrganization(
    admin,
    { name: 'DEA', kind: 'agency', country: 'USA' },
    SETUP,
  );
  deaId = dea.id;
  const bank = await services.accounts.createOrganization(
    admin,
    { name: 'Banco', kind: 'company', country: 'COL' },
    SETUP,
  );
  await login(admin, admin.organizationId, 'col-analyst', 'analyst');
  await login(admin, dea.id, 'usa-analyst', 'analyst');
  await login(admin, bank.id, 'bank-officer', 'compliance-officer');
  const response = await authedRequest(app, key)(`/lists/publications?name=kingpins.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: LIST,
  });
  expect(response.status).toBe(201);
  await services.screening.refresh();
});

afterAll(async () => {
  await services.close();
});

describe('PUT /lists/entries/{entryId}/marking', () => {
  it('answers a hidden entry exactly like an unknown one, without a 403', async () => {
    for (const user of ['usa-analyst', 'bank-officer']) {
      const hidden = await put(user, 'K-4', GREEN_USA);
      const unknown = await put(user, 'K-99', GREEN_USA);
      expect(hidden.status).toBe(404);
      const [a, b] = (await Promise.all([hidden.json(), unknown.json()])) as {
        code: string;
        message: string;
      }[];
      expect(a!.code).toBe(b!.code);
      expect(a!.message.replace('K-4', 'K-99')).toBe(b!.message);
      expect((await as(user, 'GET', `${entryPath('K-4')}/marking`)).status).toBe(404);
    }
    // Public entries have no marking to change either.
    expect((await put('col-analyst', 'K-99', GREEN_USA)).status).toBe(404);
  });

  it('refuses a reader without list.ingest, a lowering by a non-originator, and no reason', async () => {
    const raise = {
      ...GREEN_USA,
      tlp: 'AMBER',
      releasableTo: { countries: [], organizations: [deaId] },
    };
    expect((await put('bank-officer', 'K-1', raise)).status).toBe(403);
    // Adding a recipient is not a raise: only the originator may do it.
    const wider = {
      classification: 'unclassified',
      releasableTo: { countries: ['COL', 'USA', 'GBR'] },
      tlp: 'CLEAR',
    };
    const lowering = await put('usa-analyst', 'K-1', wider);
    expect(lowering.status).toBe(403);
    expect(((await lowering.json()) as { message: string }).message).toContain(
      'originating organization',
    );
    expect((await put('usa-analyst', 'K-2', raise, ' ')).status).toBe(400);
    expect((await put('usa-analyst', 'K-2', { ...raise, tlp: 'WHITE' })).status).toBe(400);
    expect((await put('usa-analyst', 'K-2', GREEN_USA)).status).toBe(400);
    expect((await as('usa-analyst', 'GET', `${entryPath('K-2')}/marking`)).status).toBe(200);
  });

  it('raises at once for reads and screening; the originator lowers it back; both kept and audited', async () => {
    expect((await as('usa-analyst', 'GET', entryPath('K-2'))).status).toBe(200);
    expect(await screens('usa-analyst', K2_NAME)).toBe(true);
    // A DEA analyst restricts the entry to the originator (TLP:AMBER, nobody named).
    const raised = await put('usa-analyst', 'K-2', { ...GREEN_USA, tlp: 'AMBER' });
    expect(raised.status).toBe(200);
    expect(await raised.json()).toMatchObject({
      kind: 'raise',
      marking: { tlp: 'AMBER', banner: 'UNCLASSIFIED//REL TO USA TLP:AMBER' },
    });
    expect((await as('usa-analyst', 'GET', entryPath('K-2'))).status).toBe(404);
    expect(await screens('usa-analyst', K2_NAME)).toBe(false);
    const seen = (await (await as('col-analyst', 'GET', entryPath('K-2'))).json()) as {
      entry: { marking: { tlp: string } };
    };
    expect(seen.entry.marking.tlp).toBe('AMBER');

    const rescreens = async () =>
      (await services.store.jobs.list()).filter((j) => j.name === 'monitoring.full-rescreen');
    expect(await rescreens()).toEqual([]);
    const lowered = await put('col-analyst', 'K-2', GREEN_USA, 'shared again');
    expect(lowered.status).toBe(200);
    // The lowering may release the entry to portfolios screened without it.
    expect(await rescreens()).toHaveLength(1);
    expect(await screens('usa-analyst', K2_NAME)).toBe(true);
    const view = (await (await as('usa-analyst', 'GET', `${entryPath('K-2')}/marking`)).json()) as {
      marking: { tlp: string };
      changes: {
        kind: string;
        reason: string;
        previous: { tlp: string };
        marking: { tlp: string };
      }[];
    };
    expect(view.marking.tlp).toBe('GREEN');
    expect(view.changes.map((c) => [c.kind, c.previous.tlp, c.marking.tlp, c.reason])).toEqual([
      ['raise', 'GREEN', 'AMBER', 'source at risk'],
      ['lower', 'AMBER', 'GREEN', 'shared again'],
    ]);
    const events = await services.store.audit.list({ limit: 1000 });
    expect(
      events
        .filter((e) => e.action.startsWith('marking.'))
        .map((e) => [e.action, e.targetId, e.reason, e.actorKind]),
    ).toEqual([
      ['marking.raise', `${SOURCE}:K-2`, 'source at risk', 'user'],
      ['marking.lower', `${SOURCE}:K-2`, 'shared again', 'user'],
    ]);
  });

  it('marks a batch result with the combined marking of the marked entries it names', async () => {
    const batch = async (names: string[]) =>
      (await (
        await as('col-analyst', 'POST', '/screen/batch', {
          queries: names.map((name) => ({ name })),
        })
      ).json()) as { marking: { banner: string; tlp: string } | null };
    expect((await batch(['NOBODY AT ALL HERE'])).marking).toBeNull();
    expect((await batch(['JUAN CARLOS EJEMPLO PRUEBA'])).marking?.banner).toBe(
      'UNCLASSIFIED//REL TO COL, USA TLP:CLEAR',
    );
    // K-1 (CLEAR, COL and USA) with K-4 (RED, the list's marking): RED, and no common country.
    const both = await batch(['JUAN CARLOS EJEMPLO PRUEBA', 'ANDRES FELIPE NUEVO SECRETO']);
    expect(both.marking?.banner).toBe('UNCLASSIFIED TLP:RED');
    // Each row, streamed or not, carries the marking of what it names.
    const session = sessions.get('col-analyst')!;
    const streamed = await app.request('/screen/batch', {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': 'application/x-ndjson',
      },
      body: ['JUAN CARLOS EJEMPLO PRUEBA', 'NOBODY AT ALL HERE', 'ANDRES FELIPE NUEVO SECRETO']
        .map((name) => JSON.stringify({ name }))
        .join('\n'),
    });
    const lines = (await streamed.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { marking?: string });
    expect(lines.map((line) => line.marking)).toEqual([
      'UNCLASSIFIED//REL TO COL, USA TLP:CLEAR',
      undefined,
      'UNCLASSIFIED TLP:RED',
    ]);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/lists/entries/{entryId}/marking'] ?? {}).sort()).toEqual([
      'get',
      'put',
    ]);
  });
});
