/**
 * Evidence documents that include a marked list entry carry its marking: the evidence pack (a
 * JSON field and a PDF banner on every page), the ROS draft and the screening certificates
 * (PDF banner, CSV lead row), combined with `combineMarkings`; a company the entry is not
 * released to neither finds it in a certificate nor gets a pack of an alert on it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testAudit } from '../../test/support/identity-fixtures.js';
import { auditOfActor, monitoringActor } from '../../test/support/monitoring-fixtures.js';
import { pdfText } from '../../test/support/pdf-text.js';
import { createTestServices } from '../../test/support/test-services.js';
import type { Actor } from '../identity/actor.js';
import type { Services } from '../services.js';
import type { AlertEvidenceFacts } from './evidence-facts.js';

const NAME = 'MARIA FERNANDA PRUEBA OCULTA';

describe('evidence of a marked list entry', () => {
  let services: Services;
  let ana: Actor;
  let beto: Actor;
  let alertId: number;
  let counterpartyId: number;
  let otherCounterpartyId: number;

  beforeAll(async () => {
    services = await createTestServices({
      'notifications.secretsKeyPath': join(mkdtempSync(join(tmpdir(), 'puente-secrets-')), 'k'),
    });
    const org = (name: string, kind: 'agency' | 'company') =>
      services.store.identity.createOrganization({ name, kind, country: 'COL' }, testAudit());
    const uiaf = await org('UIAF', 'agency');
    const bankA = await org('Banco A', 'company');
    const bankB = await org('Banco B', 'company');
    ana = monitoringActor(bankA.id, 'ana', ['analyst', 'compliance-officer']);
    beto = monitoringActor(bankB.id, 'beto', ['analyst', 'compliance-officer']);
    const list = {
      format: 'puente-watchlist/1',
      source: 'kingpins-col',
      publishedAt: '2026-03-01',
      entries: [
        {
          id: 'K-1',
          name: NAME,
          type: 'individual',
          // Companies see nothing classified; AMBER and ORCON need the recipient named.
          marking: {
            classification: 'unclassified',
            releasableTo: { organizations: [bankA.id] },
            caveats: ['ORCON'],
            tlp: 'AMBER',
          },
        },
      ],
    };
    await services.watchlists.ingestFiles(
      [{ name: 'k.json', origin: 'test', bytes: Buffer.from(JSON.stringify(list)) }],
      { audit: { actor: { kind: 'user', id: 'uiaf', organizationId: uiaf.id } } },
    );
    await services.screening.refresh();
    await services.monitoring.syncWithLists();
    const add = async (actor: Actor) => {
      const portfolio = await services.monitoring.createPortfolio(actor, 'p', auditOfActor(actor));
      const saved = await services.monitoring.saveCounterparty(
        actor,
        portfolio.id,
        { externalId: 'C-1', kind: 'person', name: NAME },
        auditOfActor(actor),
      );
      return saved.counterparty.id;
    };
    counterpartyId = await add(ana);
    otherCounterpartyId = await add(beto);
    const [alert] = await services.monitoring.review.list(ana, { counterpartyId });
    alertId = alert!.id;
    const luis = monitoringActor(bankA.id, 'luis');
    await services.monitoring.review.propose(ana, alertId, 'confirm', 'same', auditOfActor(ana));
    await services.monitoring.review.approve(luis, alertId, 'agreed', auditOfActor(luis));
  });

  afterAll(async () => {
    await services.close();
  });

  it('marks the evidence pack JSON and prints the banner on every PDF page', async () => {
    const json = await services.evidence.evidencePack(
      ana,
      alertId,
      'json',
      'en',
      auditOfActor(ana),
    );
    const facts = JSON.parse(json.body.toString('utf8')) as AlertEvidenceFacts;
    expect(facts.marking).toMatchObject({
      classification: 'unclassified',
      caveats: ['ORCON'],
      tlp: 'AMBER',
      releasableTo: { organizations: [ana.organizationId] },
    });
    const pdf = await services.evidence.evidencePack(ana, alertId, 'pdf', 'es', auditOfActor(ana));
    for (const page of await pdfText(pdf.body)) {
      expect(page).toContain('UNCLASSIFIED//ORCON TLP:AMBER');
    }
    const ros = await services.evidence.rosDraft(ana, alertId, 'es', auditOfActor(ana));
    expect(
      (await pdfText(ros.body)).every((p) => p.includes('UNCLASSIFIED//ORCON TLP:AMBER')),
    ).toBe(true);
  });

  it('marks the certificates that name the entry, and leaves it out for others', async () => {
    const csv = await services.evidence.counterpartyCertificate(
      ana,
      counterpartyId,
      'csv',
      'en',
      auditOfActor(ana),
    );
    const text = csv.body.toString('utf8').replace(/^\uFEFF/, '');
    expect(text.split('\n')[0]).toBe('UNCLASSIFIED//ORCON TLP:AMBER');
    expect(text).toContain('kingpins-col:K-1');
    const pdf = await services.evidence.counterpartyCertificate(
      ana,
      counterpartyId,
      'pdf',
      'en',
      auditOfActor(ana),
    );
    expect((await pdfText(pdf.body))[0]).toContain('UNCLASSIFIED//ORCON TLP:AMBER');

    const other = await services.evidence.counterpartyCertificate(
      beto,
      otherCounterpartyId,
      'csv',
      'en',
      auditOfActor(beto),
    );
    const otherText = other.body.toString('utf8');
    expect(otherText).not.toContain('K-1');
    expect(otherText).not.toContain('ORCON');
    await expect(
      services.evidence.evidencePack(beto, alertId, 'json', 'en', auditOfActor(beto)),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
