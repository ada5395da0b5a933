/**
 * Marked records over HTTP: an agency list whose entries carry markings, read by analysts of
 * three organizations. A record a caller may not see must not exist for it on any route
 * (status, publications, entry by id, diff, screening, batch screening), and answer exactly as
 * a record that does not exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  TEST_ADMIN_PASSWORD,
  authedRequest,
  bootstrapApiKey,
} from '../../test/support/api-auth.js';
import { createTestServices } from '../../test/support/test-services.js';
import type { Actor } from '../identity/actor.js';
import type { Role } from '../identity/permissions.js';
import type { Services } from '../services.js';
import { createApp } from './app.js';

const SOURCE = 'kingpins-col';
const SETUP = { actor: { kind: 'system' as const, id: 'test', organizationId: null } };
const NAMES = {
  'K-1': 'JUAN CARLOS EJEMPLO PRUEBA',
  'K-2': 'PEDRO PABLO MUESTRA FICTICIO',
  'K-3': 'MARIA FERNANDA PRUEBA OCULTA',
  'K-4': 'ANDRES FELIPE NUEVO SECRETO',
} as const;

let services: Services;
let app: ReturnType<typeof createApp>;
let asIngester: ReturnType<typeof authedRequest>;
const sessions = new Map<string, { cookie: string; csrf: string }>();

function agencyList(publishedAt: string, withK4: boolean): string {
  const entries: Record<string, unknown>[] = [
    { id: 'K-1', name: NAMES['K-1'], type: 'individual' },
    {
      id: 'K-2',
      name: NAMES['K-2'],
      type: 'individual',
      marking: {
        classification: 'unclassified',
        releasableTo: { countries: ['USA'] },
        tlp: 'GREEN',
      },
    },
    { id: 'K-3', name: NAMES['K-3'], type: 'individual' },
  ];
  if (withK4) {
    entries.push({
      id: 'K-4',
      name: NAMES['K-4'],
      type: 'individual',
      marking: { classification: 'restricted', tlp: 'AMBER' },
    });
  }
  // K-3 and K-4 get the list's marking (TLP:RED) unless they carry their own.
  return JSON.stringify({
    format: 'puente-watchlist/1',
    source: SOURCE,
    publishedAt,
    marking: { classification: 'unclassified', tlp: 'RED' },
    entries: entries.map((entry) =>
      entry.id === 'K-1'
        ? {
            ...entry,
            marking: {
              classification: 'unclassified',
              releasableTo: { countries: ['COL', 'USA'] },
              tlp: 'CLEAR',
            },
          }
        : entry,
    ),
  });
}

async function analyst(admin: Actor, organizationId: string, username: string, role: Role) {
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

function as(username: string, path: string, body?: unknown): Promise<Response> {
  const session = sessions.get(username)!;
  const headers: Record<string, string> = { cookie: session.cookie };
  if (body === undefined) {
    return Promise.resolve(app.request(path, { headers }));
  }
  headers['content-type'] = 'application/json';
  headers['x-csrf-token'] = session.csrf;
  return Promise.resolve(
    app.request(path, { method: 'POST', headers, body: JSON.stringify(body) }),
  );
}

async function ingest(publishedAt: string, withK4: boolean): Promise<void> {
  const response = await asIngester(`/lists/publications?name=kingpins-${publishedAt}.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: agencyList(publishedAt, withK4),
  });
  expect(response.status).toBe(201);
  await services.screening.refresh();
}

beforeAll(async () => {
  services = await createTestServices({ 'auth.loginAttemptsPerMinute': 100 });
  app = createApp(services);
  const { key, admin } = await bootstrapApiKey(services);
  asIngester = authedRequest(app, key);
  const dea = await services.accounts.createOrganization(
    admin,
    { name: 'DEA', kind: 'agency', country: 'USA' },
    SETUP,
  );
  const bank = await services.accounts.createOrganization(
    admin,
    { name: 'Banco', kind: 'company', country: 'COL' },
    SETUP,
  );
  await analyst(admin, admin.organizationId, 'col-analyst', 'analyst');
  await analyst(admin, dea.id, 'usa-analyst', 'analyst');
  await analyst(admin, bank.id, 'bank-officer', 'compliance-officer');
  await ingest('2026-03-01', false);
  await ingest('2026-03-02', true);
});

afterAll(async () => {
  await services.close();
});

const SEES = {
  'col-analyst': ['K-1', 'K-2', 'K-3', 'K-4'],
  'usa-analyst': ['K-1', 'K-2'],
  'bank-officer': ['K-1'],
} as const;

describe('marked records over the API', () => {
  it.each(Object.entries(SEES))(
    '%s sees only its entries in counts, entries and histories',
    async (user, sees) => {
      const status = (await (await as(user, '/lists')).json()) as {
        sources: { source: string; current: { entryCount: number } }[];
      };
      expect(status.sources.find((s) => s.source === SOURCE)?.current.entryCount).toBe(sees.length);
      for (const id of Object.keys(NAMES)) {
        const response = await as(user, `/lists/entries/${SOURCE}:${id}`);
        if ((sees as readonly string[]).includes(id)) {
          expect(response.status).toBe(200);
        } else {
          // Exactly the answer for an id that was never listed.
          const body = (await response.json()) as { code: string; message: string };
          const missing = (await (
            await as(user, `/lists/entries/${SOURCE}:K-99`)
          ).json()) as typeof body;
          expect(response.status).toBe(404);
          expect(body.code).toBe(missing.code);
          expect(body.message.replace(id, 'K-99')).toBe(missing.message);
        }
      }
    },
  );

  it.each(Object.entries(SEES))(
    '%s finds only its entries by screening, one by one or in a batch',
    async (user, sees) => {
      for (const [id, name] of Object.entries(NAMES)) {
        const single = (await (await as(user, '/screen', { name })).json()) as {
          matches: { entryId: string }[];
        };
        const batch = (await (await as(user, '/screen/batch', { queries: [{ name }] })).json()) as {
          results: { matches: { entryId: string }[] }[];
        };
        const expected = (sees as readonly string[]).includes(id) ? [`${SOURCE}:${id}`] : [];
        expect(single.matches.map((m) => m.entryId).filter((e) => e.startsWith(SOURCE))).toEqual(
          expected,
        );
        expect(
          batch.results[0]?.matches.map((m) => m.entryId).filter((e) => e.startsWith(SOURCE)),
        ).toEqual(expected);
      }
    },
  );

  it('shows a diff without the entries the caller may not see', async () => {
    const query = `/lists/diff?from=${SOURCE}@previous&to=${SOURCE}`;
    const forUsa = await (await as('usa-analyst', query)).text();
    expect(forUsa).not.toContain('K-4');
    expect(forUsa).not.toContain(NAMES['K-4']);
    const forOriginator = await (await as('col-analyst', query)).text();
    expect(forOriginator).toContain('K-4');
  });

  it('records every read of a marked entry in the audit trail', async () => {
    const before = (await services.store.audit.list({ action: 'record.read', limit: 1000 })).length;
    await as('usa-analyst', `/lists/entries/${SOURCE}:K-2`);
    const events = await services.store.audit.list({ action: 'record.read', limit: 1000 });
    expect(events.length).toBe(before + 1);
    expect(events.at(-1)).toMatchObject({ targetId: `${SOURCE}:K-2`, actorKind: 'user' });
  });
});
