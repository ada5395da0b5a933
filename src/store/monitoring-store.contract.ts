/**
 * The behaviour every `MonitoringStore` adapter must show, run against a real database by each
 * adapter's test. Not run directly (vitest skips `*.contract.ts`).
 *
 * @module
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { AuditContext } from '../audit/audit-event.js';
import type { CounterpartyInput } from '../monitoring/counterparty.js';
import type { MonitoringStore, ScreenedCounterparty } from '../monitoring/monitoring-store.js';
import type { Store } from './store.js';

const AUDIT: AuditContext = {
  actor: { kind: 'user', id: 'u-1', organizationId: 'org-a' },
  ip: null,
};

function person(externalId: string, name: string): CounterpartyInput {
  return { externalId, kind: 'person', name, aliases: [], documents: [] };
}

/**
 * Declares the contract suite for one adapter; `makeStore` returns a fresh, empty store.
 *
 * @example
 * runMonitoringStoreContract('SQLite', () => createSqliteStore(':memory:'));
 */
export function runMonitoringStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`MonitoringStore contract (${name})`, () => {
    let store: Store;
    let monitoring: MonitoringStore;

    beforeEach(async () => {
      store = await makeStore();
      monitoring = store.monitoring;
    });

    afterEach(async () => {
      await store.close();
    });

    async function seed(org = 'org-a') {
      const portfolio = await monitoring.createPortfolio(org, 'clientes', AUDIT);
      const { saved } = await monitoring.saveCounterparties(
        org,
        portfolio.id,
        [person('C-1', 'JUAN PEREZ'), person('C-2', 'ANA GOMEZ')],
        AUDIT,
      );
      const run = await monitoring.createRun(
        {
          kind: 'full',
          organizationId: null,
          portfolioId: null,
          counterpartyIds: null,
          fromLists: [],
          toLists: [{ source: 'ofac-sdn', publicationId: 1 }],
          threshold: 0.8,
        },
        AUDIT,
      );
      return { portfolio, saved, run };
    }

    function hit(counterpartyId: number, entryId: string, version = 'v1'): ScreenedCounterparty {
      return {
        counterpartyId,
        bestScore: 0.9,
        matches: [
          {
            counterpartyId,
            entryId,
            entryVersion: version,
            entryName: 'PEREZ, Juan',
            matchedName: 'JUAN PEREZ ~ PEREZ, Juan',
            score: 0.9,
          },
        ],
      };
    }

    it('scopes portfolios and counterparties by organization', async () => {
      const { portfolio, saved } = await seed('org-a');
      expect(await monitoring.listPortfolios('org-b')).toEqual([]);
      expect(await monitoring.findPortfolio('org-b', portfolio.id)).toBeUndefined();
      expect(await monitoring.findCounterparty('org-b', saved[0]!.id)).toBeUndefined();
      expect(await monitoring.listCounterparties('org-b', portfolio.id, {})).toEqual([]);
      expect(await monitoring.findCounterparty('org-a', saved[0]!.id)).toEqual(saved[0]);
    });

    it('upserts by external id, bumping the version only on change', async () => {
      const { portfolio, saved } = await seed();
      const again = await monitoring.saveCounterparties(
        'org-a',
        portfolio.id,
        [person('C-1', 'JUAN PEREZ'), person('C-2', 'ANA MARIA GOMEZ'), person('C-3', 'LUIS DIAZ')],
        AUDIT,
      );
      expect(again.saved.map((c) => [c.externalId, c.version])).toEqual([
        ['C-3', 1],
        ['C-1', 1],
        ['C-2', 2],
      ]);
      expect([...again.changed].sort()).toEqual(
        [saved[1]!.id, again.saved[0]!.id].sort((a, b) => a - b),
      );
      expect(await monitoring.countCounterparties('org-a')).toBe(3);
    });

    it('raises each alert once, even when a chunk is replayed, and advances the cursor', async () => {
      const { saved, run } = await seed();
      const chunk = { runId: run.id, screened: [hit(saved[0]!.id, 'ofac-sdn:1')], cursor: 7 };

      const first = await monitoring.recordChunk(chunk, AUDIT);
      const replay = await monitoring.recordChunk(chunk, AUDIT);

      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({
        state: 'open',
        organizationId: 'org-a',
        entryId: 'ofac-sdn:1',
      });
      expect(replay).toEqual([]);
      expect(await monitoring.findRun(run.id)).toMatchObject({
        cursor: 7,
        processed: 1,
        alertsRaised: 1,
      });
      const events = await store.audit.list({ action: 'alert.raise' });
      expect(events).toHaveLength(1);
    });

    it('does not raise a cleared pair again unless the entry version changed', async () => {
      const { saved, run } = await seed();
      const [alert] = await monitoring.recordChunk(
        { runId: run.id, screened: [hit(saved[0]!.id, 'ofac-sdn:1')], cursor: 1 },
        AUDIT,
      );
      await monitoring.updateAlert(
        'org-a',
        alert!.id,
        alert!.version,
        { state: 'cleared', decidedBy: 'u-2', decisionReason: 'different person' },
        { kind: 'approve', text: 'ok', actorId: 'u-2' },
        AUDIT,
      );
      const other = await monitoring.createRun(
        { ...run, organizationId: null, portfolioId: null, counterpartyIds: null },
        AUDIT,
      );
      const same = await monitoring.recordChunk(
        { runId: other.id, screened: [hit(saved[0]!.id, 'ofac-sdn:1')], cursor: 1 },
        AUDIT,
      );
      const changed = await monitoring.recordChunk(
        { runId: other.id, screened: [hit(saved[0]!.id, 'ofac-sdn:1', 'v2')], cursor: 2 },
        AUDIT,
      );
      expect(same).toEqual([]);
      expect(changed).toHaveLength(1);
    });

    it('refuses a change made at a stale version', async () => {
      const { saved, run } = await seed();
      const [alert] = await monitoring.recordChunk(
        { runId: run.id, screened: [hit(saved[0]!.id, 'ofac-sdn:1')], cursor: 1 },
        AUDIT,
      );
      const note = { kind: 'review', text: 'x', actorId: 'u-1' };
      await monitoring.updateAlert('org-a', alert!.id, 1, { state: 'in_review' }, note, AUDIT);
      await expect(
        monitoring.updateAlert('org-a', alert!.id, 1, { state: 'in_review' }, note, AUDIT),
      ).rejects.toMatchObject({ code: 'conflict' });
      await expect(
        monitoring.updateAlert('org-b', alert!.id, 2, { state: 'in_review' }, note, AUDIT),
      ).rejects.toMatchObject({ code: 'not_found' });
      expect((await monitoring.alertNotes('org-a', alert!.id)).map((n) => n.kind)).toEqual([
        'review',
      ]);
    });

    it('closes undecided alerts of removed entries and of deleted counterparties', async () => {
      const { saved, run } = await seed();
      await monitoring.recordChunk(
        {
          runId: run.id,
          screened: [hit(saved[0]!.id, 'ofac-sdn:1'), hit(saved[1]!.id, 'ofac-sdn:2')],
          cursor: 2,
        },
        AUDIT,
      );
      const closed = await monitoring.closeAlertsForEntries(run.id, ['ofac-sdn:1'], AUDIT);
      await monitoring.deleteCounterparty('org-a', saved[1]!.id, AUDIT);

      expect(closed.map((a) => a.closedReason)).toEqual(['entry_removed']);
      const alerts = await monitoring.listAlerts({ organizationId: 'org-a' });
      expect(alerts.map((a) => [a.entryId, a.state, a.closedReason])).toEqual([
        ['ofac-sdn:1', 'closed', 'entry_removed'],
        ['ofac-sdn:2', 'closed', 'counterparty_deleted'],
      ]);
      expect((await monitoring.findRun(run.id))?.alertsClosed).toBe(1);
    });
  });
}
