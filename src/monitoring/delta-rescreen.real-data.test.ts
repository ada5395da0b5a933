/**
 * The acceptance test of delta re-screening on real OFAC publications: on a 20,000-counterparty
 * portfolio seeded with variants of the names each newer publication adds, a delta run raises
 * exactly the alerts a full re-screen would raise, and closes the alerts of removed entries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DATA_DIR, HAS_DATA, dataPath } from '../../test/support/data-dir.js';
import {
  auditOfActor,
  monitoringActor,
  seededRandom,
  syntheticCounterparty,
  variantsOf,
} from '../../test/support/monitoring-fixtures.js';
import { createTestServices } from '../../test/support/test-services.js';
import type { Services } from '../services.js';
import type { CounterpartyInput } from './counterparty.js';
import { loadListChange, loadListSnapshot } from './list-snapshots.js';
import type { ListVersionRef, RescreenRun } from './rescreen-run.js';
import { screenCounterparty } from './screen-counterparty.js';

const PORTFOLIO_SIZE = 20_000;
const STEPS = ['sdn-2024-04-26', 'sdn-2024-05-01', 'sdn-2024-05-02', 'sdn-2024-05-03'];
const ORG = 'org-bank';

describe.skipIf(!HAS_DATA)(`delta re-screening on real OFAC data (${DATA_DIR})`, () => {
  let services: Services;
  const actor = monitoringActor(ORG);
  const audit = auditOfActor(actor);

  beforeAll(async () => {
    services = await createTestServices();
    await ingest(STEPS[0]!);
    const portfolio = await services.monitoring.createPortfolio(actor, 'clientes', audit);
    const counterparties = await seedPortfolio();
    for (let start = 0; start < counterparties.length; start += 5000) {
      await services.store.monitoring.saveCounterparties(
        ORG,
        portfolio.id,
        counterparties.slice(start, start + 5000),
        audit,
      );
    }
    const baseline = await services.monitoring.syncWithLists();
    expect(baseline?.kind).toBe('full');
    expect(baseline?.processed).toBe(PORTFOLIO_SIZE);
  }, 600_000);

  afterAll(async () => {
    await services.close();
  });

  async function ingest(name: string): Promise<void> {
    await services.watchlists.ingestPath(dataPath('ofac', 'history', `${name}.csv.gz`));
  }

  /** Variants of the names every later publication adds, filled up with synthetic customers. */
  async function seedPortfolio(): Promise<CounterpartyInput[]> {
    const random = seededRandom(20240501);
    const seeded: CounterpartyInput[] = [];
    const staging = await createTestServices();
    try {
      for (const step of STEPS) {
        await staging.watchlists.ingestPath(dataPath('ofac', 'history', `${step}.csv.gz`));
      }
      const publications = [...(await staging.store.watchlist.listPublications('ofac-sdn'))].sort(
        (a, b) => a.id - b.id,
      );
      for (let i = 1; i < publications.length; i++) {
        const from = [{ source: 'ofac-sdn', publicationId: publications[i - 1]!.id }];
        const to = [{ source: 'ofac-sdn', publicationId: publications[i]!.id }];
        const change = await loadListChange(staging.store.watchlist, from, to);
        seeded.push(...variantsOf(change.touched, random, `V${i}`));
      }
    } finally {
      await staging.close();
    }
    const unique = [...new Map(seeded.map((c) => [c.name, c])).values()];
    const filler = Array.from({ length: PORTFOLIO_SIZE - unique.length }, (_, n) =>
      syntheticCounterparty(random, n),
    );
    return [...unique, ...filler];
  }

  /** The pairs a full re-screen would alert on: every match at the threshold, minus blocked pairs. */
  async function fullRescreenAlerts(to: readonly ListVersionRef[]): Promise<Set<string>> {
    const lists = await loadListSnapshot(services.store.watchlist, to);
    const blocked = new Set(
      (await allAlerts())
        .filter((a) => a.state !== 'closed')
        .map((a) => `${a.counterpartyId}|${a.entryId}`),
    );
    const expected = new Set<string>();
    for (let after = 0; ;) {
      const ids = await services.store.monitoring.counterpartyIdsForRun(
        { organizationId: null, portfolioId: null },
        after,
        5000,
      );
      for (const counterparty of await services.store.monitoring.counterpartiesForRun(ids)) {
        for (const match of screenCounterparty(lists, counterparty, 0.8).matches) {
          const pair = `${match.counterpartyId}|${match.entryId}`;
          if (!blocked.has(pair)) {
            expected.add(pair);
          }
        }
      }
      if (ids.length < 5000) {
        return expected;
      }
      after = ids[ids.length - 1]!;
    }
  }

  async function allAlerts() {
    const out = [];
    for (let after = 0; ;) {
      const page = await services.store.monitoring.listAlerts({
        organizationId: ORG,
        afterId: after,
        limit: 1000,
      });
      out.push(...page);
      if (page.length < 1000) {
        return out;
      }
      after = page[page.length - 1]!.id;
    }
  }

  for (const step of STEPS.slice(1)) {
    it(`raises exactly the alerts of a full re-screen when ${step} arrives`, async () => {
      await ingest(step);
      const current = (await services.store.watchlist.currentPublications()).map((p) => ({
        source: p.source,
        publicationId: p.id,
      }));
      const expected = await fullRescreenAlerts(current);

      const run = (await services.monitoring.syncWithLists()) as RescreenRun;

      expect(run.kind).toBe('delta');
      expect(run.status).toBe('done');
      const raised = (await allAlerts()).filter((a) => a.runId === run.id);
      const got = new Set(raised.map((a) => `${a.counterpartyId}|${a.entryId}`));
      console.log(
        `${step}: delta screened ${run.processed} of ${PORTFOLIO_SIZE}, raised ${got.size}, closed ${run.alertsClosed}; full re-screen would raise ${expected.size}`,
      );
      expect([...got].sort()).toEqual([...expected].sort());
      // And a full run right after finds nothing the delta missed.
      const full = await services.monitoring.fullRescreenAll();
      expect(full.alertsRaised).toBe(0);
    }, 600_000);
  }

  it('closed the undecided alerts of entries the last publications removed', async () => {
    const publications = [...(await services.store.watchlist.listPublications('ofac-sdn'))].sort(
      (a, b) => a.id - b.id,
    );
    const removed = new Set<string>();
    for (let i = 1; i < publications.length; i++) {
      const change = await loadListChange(
        services.store.watchlist,
        [{ source: 'ofac-sdn', publicationId: publications[i - 1]!.id }],
        [{ source: 'ofac-sdn', publicationId: publications[i]!.id }],
      );
      change.removedIds.forEach((id) => removed.add(id));
    }
    const alerts = await allAlerts();
    const onRemoved = alerts.filter((a) => removed.has(a.entryId));
    expect(onRemoved.length).toBeGreaterThan(0);
    expect(onRemoved.every((a) => a.state === 'closed' && a.closedReason === 'entry_removed')).toBe(
      true,
    );
  });
});
