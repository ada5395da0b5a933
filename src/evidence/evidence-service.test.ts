import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditOfActor, monitoringActor } from '../../test/support/monitoring-fixtures.js';
import { pdfText } from '../../test/support/pdf-text.js';
import { HISTORY_FIXTURE, createTestServices } from '../../test/support/test-services.js';
import { testAudit, testOrganization } from '../../test/support/identity-fixtures.js';
import type { Actor } from '../identity/actor.js';
import type { Services } from '../services.js';
import type { AlertEvidenceFacts } from './evidence-facts.js';

/** The text of every page with line breaks folded, since the layout wraps long sentences. */
async function flatText(pdf: Uint8Array): Promise<string> {
  return (await pdfText(pdf)).join('\n').replace(/\s+/g, ' ');
}

describe('evidence documents from a confirmed alert', () => {
  let services: Services;
  let ana: Actor;
  let luis: Actor;
  let alertId: number;
  let counterpartyId: number;
  let runId: number;

  beforeAll(async () => {
    services = await createTestServices({
      'notifications.secretsKeyPath': join(mkdtempSync(join(tmpdir(), 'puente-secrets-')), 'k'),
    });
    await services.watchlists.ingestPath(join(HISTORY_FIXTURE, 'sdn-2024-05-01.csv'));
    const org = await services.store.identity.createOrganization(
      testOrganization('Banco de Bogotá de Prueba', { kind: 'company' }),
      testAudit(),
    );
    ana = monitoringActor(org.id, 'ana');
    luis = monitoringActor(org.id, 'luis');
    const portfolio = await services.monitoring.createPortfolio(ana, 'clientes', auditOfActor(ana));
    await services.monitoring.syncWithLists();
    const saved = await services.monitoring.saveCounterparty(
      ana,
      portfolio.id,
      {
        externalId: 'CLI-001',
        kind: 'person',
        name: 'Juan Pérez Gómez',
        dob: '1971-09-15',
        country: 'CO',
        documents: [{ type: 'cedula', number: '71980054' }],
      },
      auditOfActor(ana),
    );
    counterpartyId = saved.counterparty.id;
    const [alert] = await services.monitoring.review.list(ana, { counterpartyId });
    alertId = alert!.id;
    runId = alert!.runId;
    await services.monitoring.review.propose(
      ana,
      alertId,
      'confirm',
      'same cédula and date of birth',
      auditOfActor(ana),
    );
    // Before the second reviewer approves, the alert is no confirmed match: no ROS draft yet.
    await expect(
      services.evidence.rosDraft(ana, alertId, 'es', auditOfActor(ana)),
    ).rejects.toMatchObject({ code: 'conflict' });
    await services.monitoring.review.approve(
      luis,
      alertId,
      'identity documents agree',
      auditOfActor(luis),
    );
  });
  afterAll(() => services.close());

  it('packs every fact of the alert as JSON, with audit hashes from the chain', async () => {
    const file = await services.evidence.evidencePack(
      ana,
      alertId,
      'json',
      'en',
      auditOfActor(ana),
    );
    const facts = JSON.parse(file.body.toString()) as AlertEvidenceFacts;
    expect(facts.alert).toMatchObject({
      id: alertId,
      state: 'confirmed',
      entryId: 'ofac-sdn:100',
      decidedBy: 'luis',
    });
    expect(facts.counterparty).toMatchObject({ externalId: 'CLI-001', name: 'Juan Pérez Gómez' });
    expect(facts.entry?.documents[0]).toMatchObject({ number: '71980054' });
    expect(facts.entry?.aliases.map((a) => a.name)).toContain('JUANCHO');
    expect(facts.explanation?.facts.map((f) => f.fact)).toEqual(
      expect.arrayContaining(['document']),
    );
    expect(facts.history.map((n) => n.actorId)).toEqual(expect.arrayContaining(['ana', 'luis']));
    const chain = await services.store.audit.list({ targetId: String(alertId), limit: 1000 });
    // Every event about the alert up to this pack; the pack's own download is recorded after.
    const alertEvents = chain.filter(
      (e) => e.targetType === 'alert' && e.action !== 'evidence.pack',
    );
    expect(facts.auditEvents.map((e) => [e.seq, e.hash])).toEqual(
      alertEvents.map((e) => [e.seq, e.hash]),
    );
    expect(facts.auditEvents.length).toBeGreaterThanOrEqual(3);
  });

  it('renders the evidence pack PDF in Spanish with the facts hash of the JSON', async () => {
    const file = await services.evidence.evidencePack(ana, alertId, 'pdf', 'es', auditOfActor(ana));
    expect(file.contentType).toBe('application/pdf');
    const text = await flatText(file.body);
    expect(text).toContain('Paquete de evidencia de alerta');
    expect(text).toContain('Juan Pérez Gómez');
    expect(text).toContain('ofac-sdn:100');
    expect(text).toContain('Cedula No. 71980054');
    expect(text).toContain('identity documents agree');
    expect(text).toMatch(/SHA-256 de los hechos \(JSON\): [0-9a-f]{64}/);
  });

  it('drafts the ROS in Spanish and English with the reservation notice and both reviewers', async () => {
    const es = await flatText(
      (await services.evidence.rosDraft(ana, alertId, 'es', auditOfActor(ana))).body,
    );
    expect(es).toContain('Borrador de Reporte de Operación Sospechosa (ROS)');
    expect(es).toContain('SIREL');
    expect(es).toContain('no es una denuncia penal');
    expect(es).toContain('Banco de Bogotá de Prueba');
    expect(es).toContain('cedula 71980054');
    expect(es).toContain('SDNT');
    expect(es).toMatch(/Propuesto por: ana/);
    expect(es).toMatch(/Aprobado por \(segundo revisor\): luis/);
    const en = await flatText(
      (await services.evidence.rosDraft(ana, alertId, 'en', auditOfActor(ana))).body,
    );
    expect(en).toContain('Draft Suspicious Operation Report (ROS)');
    expect(en).toContain('is not a criminal complaint');
  });

  it('certifies a counterparty: lists, time, screener and result, as PDF and CSV', async () => {
    const pdf = await services.evidence.counterpartyCertificate(
      ana,
      counterpartyId,
      'pdf',
      'es',
      auditOfActor(ana),
    );
    const text = await flatText(pdf.body);
    expect(text).toContain('Certificado de verificación en listas restrictivas');
    expect(text).toContain('ofac-sdn');
    expect(text).toContain('2024-05-01');
    expect(text).toMatch(/Realizada por: ana \(ana\)/);
    expect(text).toContain('Posible coincidencia');
    const csv = await services.evidence.counterpartyCertificate(
      ana,
      counterpartyId,
      'csv',
      'en',
      auditOfActor(ana),
    );
    const rows = parse<Record<string, string>>(csv.body.toString().replace(/^\uFEFF/, ''), {
      columns: true,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      'Customer id': 'CLI-001',
      Outcome: 'Potential match',
      'List entry': 'ofac-sdn:100',
      Alert: String(alertId),
      State: 'confirmed',
    });
    expect(rows[0]!['List publications screened against']).toMatch(/^ofac-sdn#\d+@2024-05-01/);
  });

  it('certifies a run with its list publications and the alerts it raised', async () => {
    const text = await flatText(
      (await services.evidence.runCertificate(ana, runId, 'pdf', 'en', auditOfActor(ana))).body,
    );
    expect(text).toContain('Watchlist screening certificate');
    expect(text).toContain(`Run ${runId}`);
    expect(text).toContain('CLI-001');
  });

  it('audits every download and refuses callers without the permission or of another organization', async () => {
    const events = await services.store.audit.list({
      targetId: String(alertId),
      action: 'evidence.pack',
    });
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events[0]!.details).toMatchObject({ format: 'json', language: 'en' });
    const auditor = monitoringActor(ana.organizationId, 'olga', ['read-only']);
    await expect(
      services.evidence.evidencePack(auditor, alertId, 'pdf', 'es', auditOfActor(auditor)),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    const stranger = monitoringActor('another-org', 'eve');
    await expect(
      services.evidence.evidencePack(stranger, alertId, 'pdf', 'es', auditOfActor(stranger)),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
