/**
 * The monitoring API end to end over the real application: portfolios, a CSV import with a bad
 * row, alerts raised on entry, four-eyes review by two different callers, organization scoping,
 * and the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AuditContext } from '../../audit/audit-event.js';
import type { Actor } from '../../identity/actor.js';
import { bootstrapApiKey } from '../../../test/support/api-auth.js';
import { nitFor } from '../../../test/support/monitoring-fixtures.js';
import { createTestServices, HISTORY_FIXTURE } from '../../../test/support/test-services.js';
import type { Services } from '../../services.js';
import { createApp } from '../app.js';

const SETUP: AuditContext = { actor: { kind: 'system', id: 'test-setup', organizationId: null } };
const MONITORING = [
  'portfolio.read',
  'portfolio.write',
  'alert.read',
  'alert.review',
  'alert.approve',
  'rescreen.run',
];

describe('monitoring API', () => {
  let services: Services;
  let app: ReturnType<typeof createApp>;
  const keys: Record<string, string> = {};

  async function key(issuer: Actor, name: string): Promise<string> {
    const account = await services.apiKeys.createServiceAccount(
      issuer,
      name,
      'unclassified',
      SETUP,
    );
    const issued = await services.apiKeys.issueApiKey(
      issuer,
      { serviceAccountId: account.id, name, permissions: MONITORING, days: 1 },
      SETUP,
    );
    return issued.secret;
  }

  function call(who: string, path: string, init: RequestInit & { json?: unknown } = {}) {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${keys[who]!}`);
    const body = init.json === undefined ? init.body : JSON.stringify(init.json);
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
    }
    return Promise.resolve(app.request(path, { ...init, headers, body }));
  }

  beforeAll(async () => {
    services = await createTestServices();
    await services.watchlists.ingestPath(`${HISTORY_FIXTURE}/sdn-2024-05-01.csv`);
    const { admin } = await bootstrapApiKey(services);
    // Issued by a test actor holding the monitoring permissions (administrators do not).
    const issuer: Actor = {
      ...admin,
      permissions: new Set([...admin.permissions, ...MONITORING]),
    } as Actor;
    keys.ana = await key(issuer, 'ana');
    keys.luis = await key(issuer, 'luis');
    const other = await services.accounts.createOrganization(
      admin,
      { name: 'Otro banco', kind: 'company', country: 'COL' },
      SETUP,
    );
    keys.outsider = await key({ ...issuer, organizationId: other.id }, 'outsider');
    app = createApp(services);
  });

  afterAll(async () => {
    await services.close();
  });

  it('imports a CSV, screens it, and takes an alert through four-eyes review', async () => {
    const created = await call('ana', '/portfolios', {
      method: 'POST',
      json: { name: 'clientes' },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const csv = [
      'codigo,tipo,nombre,nit',
      'C-1,persona,Juan Perez Gomez,',
      `C-2,empresa,Inversiones La Esperanza SAS,${nitFor(9)}`,
      'C-3,empresa,ACME SAS,800197268-5',
    ].join('\n');

    const imported = await call(
      'ana',
      `/portfolios/${id}/import?format=csv&mapping=${encodeURIComponent(JSON.stringify({ externalId: 'codigo', kind: 'tipo', name: 'nombre' }))}`,
      {
        method: 'POST',
        body: csv,
        headers: { 'content-type': 'text/csv' },
      },
    );
    const report = (await imported.json()) as {
      imported: number;
      errors: { line: number; field: string }[];
      alertsRaised: number;
    };
    expect(report.imported).toBe(2);
    expect(report.errors).toMatchObject([{ line: 4, field: 'documents.0.number' }]);
    expect(report.alertsRaised).toBeGreaterThanOrEqual(2);

    const listed = (await (await call('ana', '/alerts?state=open')).json()) as {
      alerts: { id: number }[];
    };
    const alertId = listed.alerts[0]!.id;
    expect((await call('ana', `/alerts/${alertId}/review`, { method: 'POST' })).status).toBe(200);
    const proposed = await call('ana', `/alerts/${alertId}/propose`, {
      method: 'POST',
      json: { decision: 'confirm', reason: 'same name and date of birth' },
    });
    expect(proposed.status).toBe(200);
    const selfApproval = await call('ana', `/alerts/${alertId}/approve`, {
      method: 'POST',
      json: { reason: 'ok' },
    });
    expect(selfApproval.status).toBe(409);
    const approved = await call('luis', `/alerts/${alertId}/approve`, {
      method: 'POST',
      json: { reason: 'agreed' },
    });
    expect(((await approved.json()) as { state: string }).state).toBe('confirmed');
    const detail = (await (await call('luis', `/alerts/${alertId}`)).json()) as {
      notes: { kind: string }[];
    };
    expect(detail.notes.map((n) => n.kind)).toEqual(['review', 'propose', 'approve']);
  });

  it('shows another organization nothing', async () => {
    const alerts = (await (await call('outsider', '/alerts')).json()) as { alerts: unknown[] };
    const portfolios = (await (await call('outsider', '/portfolios')).json()) as {
      portfolios: unknown[];
    };
    expect(alerts.alerts).toEqual([]);
    expect(portfolios.portfolios).toEqual([]);
    expect((await call('outsider', '/alerts/1')).status).toBe(404);
  });

  it('documents the monitoring routes in /openapi.json', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/portfolios',
        '/portfolios/{id}/import',
        '/alerts',
        '/alerts/{id}/approve',
        '/monitoring/runs',
      ]),
    );
  });
});
