import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { authedRequest, bootstrapApiKey } from '../../../test/support/api-auth.js';
import { auditOfActor, monitoringActor } from '../../../test/support/monitoring-fixtures.js';
import { pdfText } from '../../../test/support/pdf-text.js';
import { HISTORY_FIXTURE, createTestServices } from '../../../test/support/test-services.js';
import type { Services } from '../../services.js';
import { createApp } from '../app.js';

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('webhook, notification and evidence routes', () => {
  let services: Services;
  let app: OpenAPIHono;
  let admin: ReturnType<typeof authedRequest>;
  let officer: ReturnType<typeof authedRequest>;
  let alertId: number;

  beforeAll(async () => {
    services = await createTestServices({
      'notifications.secretsKeyPath': join(mkdtempSync(join(tmpdir(), 'puente-secrets-')), 'k'),
      'notifications.allowHttpWebhooks': true,
    });
    app = createApp(services);
    const credentials = await bootstrapApiKey(services, ['api-key.manage']);
    admin = authedRequest(app, credentials.key);
    const organizationId = credentials.admin.organizationId;
    await services.accounts.createUser(
      credentials.admin,
      {
        username: 'oficial',
        displayName: 'Oficial de cumplimiento',
        roles: ['compliance-officer'],
        clearance: 'unclassified',
        password: 'a long compliance pass phrase',
      },
      auditOfActor(credentials.admin),
    );
    const { token } = await services.authenticator.login({
      username: 'oficial',
      password: 'a long compliance pass phrase',
      ip: null,
    });
    // A browser session: safe methods need only the cookie.
    officer = (path: string) =>
      Promise.resolve(app.request(path, { headers: { cookie: `puente_session=${token}` } }));

    await services.watchlists.ingestPath(join(HISTORY_FIXTURE, 'sdn-2024-05-01.csv'));
    const [ana, luis] = [
      monitoringActor(organizationId, 'ana'),
      monitoringActor(organizationId, 'luis'),
    ];
    const portfolio = await services.monitoring.createPortfolio(ana, 'clientes', auditOfActor(ana));
    await services.monitoring.syncWithLists();
    const { counterparty } = await services.monitoring.saveCounterparty(
      ana,
      portfolio.id,
      {
        externalId: 'CLI-9',
        kind: 'company',
        name: 'Inversiones La Esperanza SAS',
        documents: [{ type: 'nit', number: '800197268-4' }],
      },
      auditOfActor(ana),
    );
    const [alert] = await services.monitoring.review.list(ana, { counterpartyId: counterparty.id });
    alertId = alert!.id;
    await services.monitoring.review.propose(
      ana,
      alertId,
      'confirm',
      'same NIT',
      auditOfActor(ana),
    );
    await services.monitoring.review.approve(
      luis,
      alertId,
      'NIT verified with DIAN',
      auditOfActor(luis),
    );
  });
  afterAll(() => services.close());

  it('creates a webhook, shows the secret once, rotates and disables it', async () => {
    const created = await admin(
      '/webhooks',
      json({ url: 'http://127.0.0.1:9/hook', events: ['alert.raised'] }),
    );
    expect(created.status).toBe(201);
    const { subscription, secret } = (await created.json()) as {
      subscription: { id: string };
      secret: string;
    };
    expect(secret).toMatch(/^whsec_/);
    const listed = await (await admin('/webhooks')).text();
    expect(listed).toContain(subscription.id);
    expect(listed).not.toContain(secret);
    const rotated = (await (
      await admin(`/webhooks/${subscription.id}/rotate-secret`, { method: 'POST' })
    ).json()) as { secret: string };
    expect(rotated.secret).not.toBe(secret);
    const disabled = await admin(`/webhooks/${subscription.id}`, { method: 'DELETE' });
    expect(await disabled.json()).toMatchObject({ status: 'disabled' });
    expect((await admin('/webhooks/no-such-id', { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses bad bodies with the field named, and callers without api-key.manage', async () => {
    const bad = await admin(
      '/webhooks',
      json({ url: 'http://127.0.0.1:9/hook', events: ['alert.exploded'] }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { details: { field: string } }).details.field).toMatch(/^events/);
    expect((await officer('/webhooks')).status).toBe(403);
    expect((await admin('/notifications/deliveries?status=lost')).status).toBe(400);
  });

  it('manages e-mail recipients and lists deliveries of new alerts', async () => {
    const created = await admin(
      '/notifications/email-subscriptions',
      json({ address: 'oc@banco.example', events: ['alert.decided'] }),
    );
    expect(created.status).toBe(201);
    const { deliveries } = (await (await admin('/notifications/deliveries')).json()) as {
      deliveries: unknown[];
    };
    expect(Array.isArray(deliveries)).toBe(true);
  });

  it('downloads the evidence pack and the ROS draft, audited', async () => {
    const pack = await officer(`/evidence/alerts/${alertId}/pack?format=json&lang=en`);
    expect(pack.status).toBe(200);
    expect(pack.headers.get('cache-control')).toBe('no-store');
    expect(await pack.json()).toMatchObject({
      alert: { id: alertId, state: 'confirmed' },
      counterparty: { externalId: 'CLI-9' },
    });
    const ros = await officer(`/evidence/alerts/${alertId}/ros-draft?lang=es`);
    expect(ros.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(new Uint8Array(await ros.arrayBuffer())))
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(text).toContain('NIT verified with DIAN');
    expect(text).toContain('Inversiones La Esperanza SAS');
    const csv = await officer(`/evidence/alerts/${alertId}/pack?format=xml`);
    expect(csv.status).toBe(400);
    expect((await officer('/evidence/alerts/999999/pack')).status).toBe(404);
    expect((await admin(`/evidence/alerts/${alertId}/pack`)).status).toBe(403);
    const events = await services.store.audit.list({
      targetId: String(alertId),
      action: 'evidence.ros-draft',
    });
    expect(events).toHaveLength(1);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/webhooks',
        '/notifications/deliveries/{id}/requeue',
        '/evidence/alerts/{id}/ros-draft',
      ]),
    );
  });
});
