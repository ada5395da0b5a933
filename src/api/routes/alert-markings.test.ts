/**
 * Alerts on a marked agency-list entry over HTTP: the entry is released to bank A by name, so
 * bank A's counterparty raises an alert and bank B's does not; bank B cannot read bank A's alert
 * or its evidence by id (the same 404 as an unknown id); bank A's reads are audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { authedRequest, bootstrapApiKey } from '../../../test/support/api-auth.js';
import { createTestServices } from '../../../test/support/test-services.js';
import type { AuditContext } from '../../audit/audit-event.js';
import type { Actor } from '../../identity/actor.js';
import type { Services } from '../../services.js';
import { createApp } from '../app.js';

const SETUP: AuditContext = { actor: { kind: 'system', id: 'test-setup', organizationId: null } };
const NAME = 'MARIA FERNANDA PRUEBA OCULTA';
const PERMISSIONS = [
  'portfolio.read',
  'portfolio.write',
  'alert.read',
  'alert.review',
  // Marked entries need record.read (decideAccess), like any marked record.
  'record.read',
  'record.export',
];

describe('alerts on marked entries over HTTP', () => {
  let services: Services;
  let app: ReturnType<typeof createApp>;
  const keys: Record<string, string> = {};
  const alertOf: Record<string, number | undefined> = {};

  function call(who: string, path: string, json?: unknown) {
    const headers = new Headers({ authorization: `Bearer ${keys[who]!}` });
    if (json !== undefined) {
      headers.set('content-type', 'application/json');
    }
    return Promise.resolve(
      app.request(path, {
        method: json === undefined ? 'GET' : 'POST',
        headers,
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      }),
    );
  }

  async function bankKey(admin: Actor, name: string): Promise<string> {
    const bank = await services.accounts.createOrganization(
      admin,
      { name, kind: 'company', country: 'COL' },
      SETUP,
    );
    const issuer = {
      ...admin,
      organizationId: bank.id,
      organizationKind: 'company',
      permissions: new Set([...admin.permissions, ...PERMISSIONS]),
    } as Actor;
    const account = await services.apiKeys.createServiceAccount(
      issuer,
      name,
      'unclassified',
      SETUP,
    );
    const issued = await services.apiKeys.issueApiKey(
      issuer,
      { serviceAccountId: account.id, name, permissions: PERMISSIONS, days: 1 },
      SETUP,
    );
    keys[name] = issued.secret;
    return bank.id;
  }

  beforeAll(async () => {
    services = await createTestServices();
    app = createApp(services);
    const { key, admin } = await bootstrapApiKey(services);
    const bankA = await bankKey(admin, 'bank-a');
    await bankKey(admin, 'bank-b');
    const list = {
      format: 'puente-watchlist/1',
      source: 'kingpins-col',
      publishedAt: '2026-03-01',
      entries: [
        {
          id: 'K-1',
          name: NAME,
          type: 'individual',
          marking: {
            classification: 'unclassified',
            releasableTo: { organizations: [bankA] },
            tlp: 'AMBER',
          },
        },
      ],
    };
    const ingested = await authedRequest(app, key)('/lists/publications?name=k.json', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: JSON.stringify(list),
    });
    expect(ingested.status).toBe(201);
    await services.monitoring.syncWithLists();
    for (const who of ['bank-a', 'bank-b']) {
      const portfolio = (await (await call(who, '/portfolios', { name: 'clientes' })).json()) as {
        id: number;
      };
      const saved = await call(who, `/portfolios/${portfolio.id}/counterparties`, {
        externalId: 'C-1',
        kind: 'person',
        name: NAME,
      });
      expect(saved.status).toBe(200);
      const alerts = (await (await call(who, '/alerts')).json()) as { alerts: { id: number }[] };
      alertOf[who] = alerts.alerts[0]?.id;
    }
  });

  afterAll(async () => {
    await services.close();
  });

  it('raises the alert for the bank the entry is released to, and only for it', () => {
    expect(alertOf['bank-a']).toBeDefined();
    expect(alertOf['bank-b']).toBeUndefined();
  });

  it("answers bank B's reads of bank A's alert exactly like an unknown id", async () => {
    const id = alertOf['bank-a']!;
    for (const path of ['/alerts/{id}', '/evidence/alerts/{id}/pack?format=json']) {
      const hidden = await call('bank-b', path.replace('{id}', String(id)));
      const unknown = await call('bank-b', path.replace('{id}', '999999'));
      expect(hidden.status).toBe(404);
      const [a, b] = (await Promise.all([hidden.json(), unknown.json()])) as {
        code: string;
        message: string;
      }[];
      expect(a!.code).toBe(b!.code);
      expect(a!.message.replace(String(id), '999999')).toBe(b!.message);
    }
  });

  it("audits bank A's reads of the marked entry through its alert", async () => {
    const before = (await services.store.audit.list({ action: 'record.read', limit: 1000 })).length;
    expect((await call('bank-a', `/alerts/${alertOf['bank-a']!}`)).status).toBe(200);
    const events = await services.store.audit.list({ action: 'record.read', limit: 1000 });
    expect(events.length).toBe(before + 1);
    expect(events.at(-1)).toMatchObject({ targetId: 'kingpins-col:K-1', actorKind: 'service' });
  });
});
