/**
 * Monitoring respects markings, on SQLite and PostgreSQL: an agency list entry released to one
 * company by name raises an alert for that company's counterparty and for no other company's
 * (on entry, in a full re-screen and in a delta run), no event announces it elsewhere, and an
 * alert whose entry its reader may no longer read (the marking was raised) does not exist for
 * that reader, by list or by id; reads of marked entries through alerts are audited.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { testAudit } from '../../test/support/identity-fixtures.js';
import { auditOfActor, monitoringActor } from '../../test/support/monitoring-fixtures.js';
import { PostgresTestSchemas, describeWithPostgres } from '../../test/support/postgres.js';
import { EntryMarkingService } from '../access/entry-marking-service.js';
import type { AuditContext } from '../audit/audit-event.js';
import type { Actor } from '../identity/actor.js';
import { permissionsOf } from '../identity/permissions.js';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { WatchlistService } from '../watchlist/watchlist-service.js';
import { MonitoringEventBus, type MonitoringEvent } from './monitoring-events.js';
import { MonitoringService } from './monitoring-service.js';

const HIDDEN_NAME = 'MARIA FERNANDA PRUEBA OCULTA';
const PUBLIC_NAME = 'JUAN CARLOS EJEMPLO PRUEBA';

function kingpins(publishedAt: string, releasedTo: string, extra: readonly object[] = []): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: 'puente-watchlist/1',
      source: 'kingpins-col',
      publishedAt,
      entries: [
        {
          id: 'K-1',
          name: HIDDEN_NAME,
          type: 'individual',
          marking: {
            classification: 'unclassified',
            releasableTo: { organizations: [releasedTo] },
            tlp: 'AMBER',
          },
        },
        { id: 'K-2', name: PUBLIC_NAME, type: 'individual' },
        ...extra,
      ],
    }),
  );
}

function markingSuite(name: string, makeStore: () => Promise<Store>): void {
  describe(`monitoring with marked list entries (${name})`, () => {
    let store: Store;
    let lists: WatchlistService;
    let monitoring: MonitoringService;
    let events: MonitoringEvent[];
    let ingest: AuditContext;
    let uiafAnalyst: Actor;
    let bankA: Actor;
    let bankB: Actor;

    const person = (externalId: string, fullName: string) => ({
      externalId,
      kind: 'person',
      name: fullName,
    });
    const addCounterparty = async (actor: Actor, externalId: string, fullName: string) => {
      const portfolio = await monitoring.createPortfolio(actor, externalId, auditOfActor(actor));
      return monitoring.saveCounterparty(
        actor,
        portfolio.id,
        person(externalId, fullName),
        auditOfActor(actor),
      );
    };
    const entriesOf = async (actor: Actor) =>
      (await monitoring.review.list(actor, { limit: 1000 })).map((a) => a.entryId).sort();

    beforeEach(async () => {
      store = await makeStore();
      const uiaf = await store.identity.createOrganization(
        { name: 'UIAF', kind: 'agency', country: 'COL' },
        testAudit(),
      );
      const a = await store.identity.createOrganization(
        { name: 'Banco A', kind: 'company', country: 'COL' },
        testAudit(),
      );
      const b = await store.identity.createOrganization(
        { name: 'Banco B', kind: 'company', country: 'COL' },
        testAudit(),
      );
      bankA = monitoringActor(a.id, 'ana');
      bankB = monitoringActor(b.id, 'beto');
      uiafAnalyst = {
        ...monitoringActor(uiaf.id, 'uiaf-analyst', ['analyst']),
        organizationKind: 'agency',
        permissions: permissionsOf(['analyst']),
      };
      ingest = auditOfActor(uiafAnalyst);
      lists = new WatchlistService({
        store: store.watchlist,
        limits: { maxFileBytes: 1_000_000 },
        fetch: { maxFileBytes: 1_000_000, timeoutMs: 1000, urlOverrides: {} },
      });
      const file = { name: 'kingpins.json', origin: 'test', bytes: kingpins('2026-03-01', a.id) };
      await lists.ingestFiles([file], { audit: ingest });
      events = [];
      const bus = new MonitoringEventBus();
      bus.subscribe({
        emit: (event) => {
          events.push(event);
          return Promise.resolve();
        },
      });
      monitoring = new MonitoringService(
        store.monitoring,
        store.watchlist,
        bus,
        { threshold: 0.8 },
        store.markings,
      );
    });

    afterEach(async () => {
      await store.close();
    });

    it('alerts only the organization the entry is released to, on entry and in every run', async () => {
      await monitoring.syncWithLists();
      const a = await addCounterparty(bankA, 'A-1', HIDDEN_NAME);
      const b = await addCounterparty(bankB, 'B-1', HIDDEN_NAME);
      await addCounterparty(bankB, 'B-2', PUBLIC_NAME);
      expect(a.alertsRaised).toBe(1);
      expect(b.alertsRaised).toBe(0);
      await monitoring.fullRescreen(bankB);
      await monitoring.fullRescreenAll();
      expect(await entriesOf(bankA)).toEqual(['kingpins-col:K-1']);
      expect(await entriesOf(bankB)).toEqual(['kingpins-col:K-2']);
      // A new publication adds a marked entry released to nobody but the originator: a delta
      // run raises nothing on it for either bank.
      const secret = {
        id: 'K-3',
        name: 'ANDRES FELIPE NUEVO SECRETO',
        type: 'individual',
        marking: { classification: 'unclassified', tlp: 'AMBER' },
      };
      await addCounterparty(bankA, 'A-3', 'ANDRES FELIPE NUEVO SECRETO');
      const next = kingpins('2026-03-02', bankA.organizationId, [secret]);
      await lists.ingestFiles([{ name: 'k2.json', origin: 'test', bytes: next }], {
        audit: ingest,
      });
      const delta = await monitoring.syncWithLists();
      expect(delta?.kind).toBe('delta');
      expect(await entriesOf(bankA)).toEqual(['kingpins-col:K-1']);
      const raised = events.flatMap((e) => (e.type === 'alert.raised' ? [e.alert] : []));
      expect(
        raised.filter((alert) => alert.entryId === 'kingpins-col:K-1').map((x) => x.organizationId),
      ).toEqual([bankA.organizationId]);
      expect(raised.some((alert) => alert.entryId === 'kingpins-col:K-3')).toBe(false);
    });

    it('hides an alert from its reader once its entry is no longer released to it', async () => {
      await monitoring.syncWithLists();
      await addCounterparty(bankA, 'A-1', HIDDEN_NAME);
      const [alert] = await monitoring.review.list(bankA);
      expect(alert?.entryId).toBe('kingpins-col:K-1');
      const read = await monitoring.review.get(bankA, alert!.id, auditOfActor(bankA));
      expect(read.alert.id).toBe(alert!.id);
      const reads = await store.audit.list({ action: 'record.read', limit: 100 });
      expect(reads.map((e) => [e.targetId, e.organizationId])).toEqual([
        ['kingpins-col:K-1', bankA.organizationId],
        ['kingpins-col:K-1', bankA.organizationId],
      ]);
      // Another organization's alert does not exist for bank B either.
      await expect(monitoring.review.get(bankB, alert!.id)).rejects.toMatchObject({
        code: 'not_found',
      });

      // The originator withdraws the release to bank A.
      const markings = new EntryMarkingService(store.markings);
      await markings.change(
        { actor: uiafAnalyst, audit: ingest },
        'kingpins-col:K-1',
        {
          classification: 'unclassified',
          releasableTo: { countries: [], organizations: [] },
          caveats: [],
          tlp: 'AMBER',
        },
        'no longer shared with banks',
      );
      expect(await monitoring.review.list(bankA)).toEqual([]);
      // The list drops the entry: the alert is closed, but no notification tells bank A.
      const without = Buffer.from(
        JSON.stringify({
          format: 'puente-watchlist/1',
          source: 'kingpins-col',
          publishedAt: '2026-03-05',
          entries: [{ id: 'K-2', name: PUBLIC_NAME, type: 'individual' }],
        }),
      );
      await lists.ingestFiles([{ name: 'k3.json', origin: 'test', bytes: without }], {
        audit: ingest,
      });
      events.length = 0;
      await monitoring.syncWithLists();
      expect((await store.monitoring.findAlert(bankA.organizationId, alert!.id))?.state).toBe(
        'closed',
      );
      expect(events.filter((e) => e.type === 'alert.closed')).toEqual([]);
      for (const call of [
        () => monitoring.review.get(bankA, alert!.id),
        () => monitoring.review.startReview(bankA, alert!.id, auditOfActor(bankA)),
        () => monitoring.review.comment(bankA, alert!.id, 'x', auditOfActor(bankA)),
      ]) {
        await expect(call()).rejects.toMatchObject({ code: 'not_found' });
      }
    });

    it('alerts a bank the originator releases the entry to, at the next full re-screen', async () => {
      await monitoring.syncWithLists();
      await addCounterparty(bankB, 'B-1', HIDDEN_NAME);
      expect(await entriesOf(bankB)).toEqual([]);
      const markings = new EntryMarkingService(store.markings);
      await markings.change(
        { actor: uiafAnalyst, audit: ingest },
        'kingpins-col:K-1',
        {
          classification: 'unclassified',
          releasableTo: {
            countries: [],
            organizations: [bankA.organizationId, bankB.organizationId],
          },
          caveats: [],
          tlp: 'AMBER',
        },
        'shared with bank B too',
      );
      await monitoring.fullRescreenAll();
      expect(await entriesOf(bankB)).toEqual(['kingpins-col:K-1']);
    });
  });
}

markingSuite('SQLite', () => createSqliteStore(':memory:'));

describeWithPostgres('PostgreSQL monitoring markings', (url) => {
  const schemas = new PostgresTestSchemas(url);
  afterAll(() => schemas.dropAll());
  markingSuite('PostgreSQL', () => schemas.createStore());
});
