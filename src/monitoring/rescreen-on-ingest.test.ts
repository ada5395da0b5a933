/**
 * The default wiring: an ingest that stores a new publication queues a delta re-screen, so a
 * counterparty whose name the newer publication adds gets its alert without anyone starting a
 * run; the alert is then cleared by an analyst and a reviewer (the reviewer role approves).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Actor } from '../identity/actor.js';
import { testAudit, testOrganization } from '../../test/support/identity-fixtures.js';
import { auditOfActor, monitoringActor } from '../../test/support/monitoring-fixtures.js';
import { createTestServices, HISTORY_FIXTURE } from '../../test/support/test-services.js';
import type { Services } from '../services.js';
import type { Alert } from './alert.js';

/** Polls `read` until it returns a value; the job queue runs the re-screen in the background. */
async function eventually<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`gave up waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('re-screening on ingest', () => {
  let services: Services;
  let analyst: Actor;
  let reviewer: Actor;
  let counterpartyId: number;

  beforeAll(async () => {
    services = await createTestServices({ 'monitoring.rescreenOnIngest': true });
    await services.watchlists.ingestPath(join(HISTORY_FIXTURE, 'sdn-2024-05-01.csv'));
    const org = await services.store.identity.createOrganization(
      testOrganization('Banco de Prueba', { kind: 'company' }),
      testAudit(),
    );
    analyst = monitoringActor(org.id, 'ana', ['compliance-officer']);
    reviewer = monitoringActor(org.id, 'rita', ['reviewer']);
    const portfolio = await services.monitoring.createPortfolio(
      analyst,
      'clientes',
      auditOfActor(analyst),
    );
    const saved = await services.monitoring.saveCounterparty(
      analyst,
      portfolio.id,
      { externalId: 'CLI-400', kind: 'person', name: 'Pedro Torres' },
      auditOfActor(analyst),
    );
    counterpartyId = saved.counterparty.id;
  });

  afterAll(async () => {
    await services.close();
  });

  it('raises the alert of a newly listed name without a manual run', async () => {
    expect(await services.monitoring.review.list(analyst, { counterpartyId })).toEqual([]);

    await services.watchlists.ingestPath(join(HISTORY_FIXTURE, 'sdn-2024-05-02.csv'));

    const alert = await eventually<Alert>(async () => {
      const [first] = await services.monitoring.review.list(analyst, { counterpartyId });
      return first;
    }, 'the alert of the newly listed name');
    expect(alert.entryId).toBe('ofac-sdn:400');
    expect(alert.state).toBe('open');
  });

  it('lets a reviewer approve the clearance an analyst proposed', async () => {
    const [alert] = await services.monitoring.review.list(analyst, { counterpartyId });
    await services.monitoring.review.propose(
      analyst,
      alert!.id,
      'clear',
      'different date of birth and cédula',
      auditOfActor(analyst),
    );
    const approved = await services.monitoring.review.approve(
      reviewer,
      alert!.id,
      'documents differ',
      auditOfActor(reviewer),
    );
    expect(approved.state).toBe('cleared');
  });
});
