/**
 * A re-screening worker killed with SIGKILL in the middle of a run loses no alert, and the
 * restarted run finishes without raising any alert twice.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { auditOfActor, monitoringActor } from '../../test/support/monitoring-fixtures.js';
import { createTestServices, HISTORY_FIXTURE } from '../../test/support/test-services.js';
import type { CounterpartyInput } from './counterparty.js';
import { loadListSnapshot } from './list-snapshots.js';
import { MONITORING_SYSTEM } from './run-rescreen.js';
import { screenCounterparty } from './screen-counterparty.js';

const ORG = 'org-crash';
const NAMES = [
  'Juan Perez Gomez',
  'Juan Pérez',
  'Maria Rodriguez',
  'Inversiones La Esperanza SAS',
  'Pedro Alvarez Castro',
];

function portfolio(size: number): CounterpartyInput[] {
  return Array.from({ length: size }, (_, n) => ({
    externalId: `C-${n}`,
    kind: n % 5 === 3 ? 'company' : 'person',
    name: NAMES[n % NAMES.length]!,
    aliases: [],
    documents: [],
  }));
}

/** Starts the worker and kills it with SIGKILL once it has committed `chunks` chunks. */
function runAndKill(db: string, keyPath: string, runId: number, chunks: number): Promise<number> {
  // Node itself (with tsx as a loader), not the tsx wrapper: SIGKILL must hit the worker.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/rescreen-child.ts', db, keyPath, String(runId)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let seen = 0;
    let buffered = '';
    child.stdout.on('data', (data: Buffer) => {
      buffered += data.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('chunk ') && ++seen === chunks) {
          child.kill('SIGKILL');
        }
        if (line === 'done') {
          reject(new Error('the worker finished before it could be killed'));
        }
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') {
        resolve(seen);
      } else {
        reject(new Error(`the worker exited without being killed (${String(signal)})`));
      }
    });
  });
}

describe('re-screening run killed with SIGKILL', () => {
  const folder = mkdtempSync(join(tmpdir(), 'puente-crash-'));
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('resumes after the last committed chunk and raises every alert exactly once', async () => {
    const db = join(folder, 'puente.db');
    const keyPath = join(folder, 'audit.pem');
    const services = await createTestServices({ db, 'audit.signingKeyPath': keyPath });
    const actor = monitoringActor(ORG);
    const audit = auditOfActor(actor);
    await services.watchlists.ingestPath(join(HISTORY_FIXTURE, 'sdn-2024-05-01.csv'));
    const { id: portfolioId } = await services.monitoring.createPortfolio(actor, 'p', audit);
    await services.store.monitoring.saveCounterparties(ORG, portfolioId, portfolio(1000), audit);
    const lists = (await services.store.watchlist.currentPublications()).map((p) => ({
      source: p.source,
      publicationId: p.id,
    }));
    const run = await services.store.monitoring.createRun(
      {
        kind: 'full',
        organizationId: null,
        portfolioId: null,
        counterpartyIds: null,
        fromLists: [],
        toLists: lists,
        threshold: 0.8,
      },
      MONITORING_SYSTEM,
    );

    const committed = await runAndKill(db, keyPath, run.id, 5);

    const interrupted = (await services.store.monitoring.findRun(run.id))!;
    expect(committed).toBe(5);
    expect(interrupted.status).toBe('running');
    expect(interrupted.cursor).toBeGreaterThan(0);
    expect(interrupted.processed).toBeLessThan(1000);
    const before = await services.store.monitoring.listAlerts({ organizationId: ORG, limit: 1000 });
    expect(before.length).toBe(interrupted.alertsRaised);
    const [resumed] = await services.monitoring.resumeUnfinished();
    expect(resumed).toMatchObject({ id: run.id, status: 'done', processed: 1000 });

    const alerts = await services.store.monitoring.listAlerts({ organizationId: ORG, limit: 1000 });
    const pairs = alerts.map((a) => `${a.counterpartyId}|${a.entryId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const snapshot = await loadListSnapshot(services.store.watchlist, lists);
    const all = await services.store.monitoring.counterpartyIdsForRun(
      { organizationId: ORG, portfolioId },
      0,
      5000,
    );
    const wanted = (await services.store.monitoring.counterpartiesForRun(all)).flatMap((c) =>
      screenCounterparty(snapshot, c, 0.8).matches.map((m) => `${m.counterpartyId}|${m.entryId}`),
    );
    expect(pairs.length).toBeGreaterThan(300);
    expect([...pairs].sort()).toEqual([...wanted].sort());
    expect(resumed!.alertsRaised).toBe(pairs.length);
    await services.close();
  }, 120_000);
});
