/**
 * `npm run bench:monitoring`: delta re-screening against a full re-screen on a synthetic
 * portfolio (default 1,000,000 counterparties; `BENCH_PORTFOLIO=…` to change), on a SQLite file.
 *
 * The portfolio is Colombian-style people and companies plus variants of the names that
 * `sdn-2024-05-01` adds and of the entries `sdn-2024-05-03` removes. Steps: baseline full run at
 * `sdn-2024-04-26`; `sdn-2024-05-01` arrives (298 added) → delta run, timed, then a full run,
 * timed; `sdn-2024-05-02` → delta (untimed); `sdn-2024-05-03` arrives (8 removed) → delta, timed,
 * then a full run, timed. The portfolio index is loaded before the timed runs, as a running
 * server holds it; its load time and size are reported separately. Target: delta 04-26 → 05-01
 * under 10 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { dataPath } from '../../test/support/data-dir.js';
import {
  auditOfActor,
  monitoringActor,
  seededRandom,
  syntheticCounterparty,
  variantsOf,
} from '../../test/support/monitoring-fixtures.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/core/logger.js';
import { loadListChange } from '../../src/monitoring/list-snapshots.js';
import { PortfolioIndex } from '../../src/monitoring/portfolio-index.js';
import type { RescreenRun } from '../../src/monitoring/rescreen-run.js';
import { MONITORING_SYSTEM } from '../../src/monitoring/run-rescreen.js';
import { createServices, type Services } from '../../src/services.js';
import type { CounterpartyInput } from '../../src/monitoring/counterparty.js';

const SIZE = Number(process.env.BENCH_PORTFOLIO ?? 1_000_000);
const ORG = 'org-bench';
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  console.error(`${label}: ${(ms / 1000).toFixed(2)} s`);
  return { value, ms };
}

async function ingest(services: Services, name: string): Promise<void> {
  await services.watchlists.ingestPath(dataPath('ofac', 'history', `${name}.csv.gz`));
}

/** Variants of the entries added by 05-01 and removed by 05-03, from a scratch store. */
async function listedVariants(services: Services): Promise<CounterpartyInput[]> {
  const random = seededRandom(7);
  const ids = async (name: string) => {
    await ingest(services, name);
    const current = await services.store.watchlist.currentPublications();
    return current.map((p) => ({ source: p.source, publicationId: p.id }));
  };
  const p0426 = await ids('sdn-2024-04-26');
  const p0501 = await ids('sdn-2024-05-01');
  const p0502 = await ids('sdn-2024-05-02');
  const p0503 = await ids('sdn-2024-05-03');
  const added = await loadListChange(services.store.watchlist, p0426, p0501);
  const removed = await loadListChange(services.store.watchlist, p0502, p0503);
  return [...variantsOf(added.touched, random, 'A'), ...variantsOf(removed.touched, random, 'R')];
}

/** A finished full run over the current lists that screened nothing. */
async function markBaseline(services: Services): Promise<RescreenRun> {
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
      threshold: services.config.monitoring.threshold,
    },
    MONITORING_SYSTEM,
  );
  await services.store.monitoring.updateRunStatus(
    run.id,
    'done',
    { planned: 0 },
    MONITORING_SYSTEM,
  );
  return run;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'puente-bench-monitoring-'));
  const config = loadConfig(
    { PUENTE_CONFIG: undefined },
    {
      db: join(folder, 'puente.db'),
      'lists.loadOnStart': false,
      'log.level': 'silent',
      'audit.signingKeyPath': join(folder, 'audit.pem'),
    },
  );
  const scratch = await createServices(
    { ...config, db: join(folder, 'scratch.db') },
    createLogger('silent'),
  );
  const variants = await listedVariants(scratch);
  await scratch.close();

  const services = await createServices(config, createLogger('silent'));
  const actor = monitoringActor(ORG);
  const audit = auditOfActor(actor);
  try {
    await ingest(services, 'sdn-2024-04-26');
    const portfolio = await services.monitoring.createPortfolio(actor, 'bench', audit);
    const random = seededRandom(20240426);
    await timed(`insert ${SIZE} counterparties`, async () => {
      const batch = 20_000;
      for (let start = 0; start < SIZE; start += batch) {
        const rows: CounterpartyInput[] = start === 0 ? [...variants] : [];
        for (let n = start + rows.length; n < Math.min(SIZE, start + batch); n++) {
          rows.push(syntheticCounterparty(random, n));
        }
        await services.store.monitoring.saveCounterparties(ORG, portfolio.id, rows, audit);
      }
    });
    // BENCH_BASELINE=skip records the 04-26 lists as monitored without screening (best scores
    // stay 0), to measure the deltas on a large portfolio when a full run does not fit.
    const baseline = await timed('baseline full run at 2024-04-26', () =>
      process.env.BENCH_BASELINE === 'skip'
        ? markBaseline(services)
        : services.monitoring.syncWithLists(),
    );
    const rssBefore = process.memoryUsage().rss;
    const load = await timed('portfolio index load', () =>
      PortfolioIndex.load(services.store.monitoring),
    );
    services.monitoring.invalidatePortfolioIndex();
    const deps = services.monitoring.rescreenDeps();
    await deps.portfolioIndex!();
    globalThis.gc?.();
    const rssIndex = process.memoryUsage().rss;

    await ingest(services, 'sdn-2024-05-01');
    const delta1 = await timed(
      'delta 04-26 → 05-01',
      async () => (await services.monitoring.syncWithLists())!,
    );
    await ingest(services, 'sdn-2024-05-02');
    await timed('delta 05-01 → 05-02', async () => (await services.monitoring.syncWithLists())!);
    await ingest(services, 'sdn-2024-05-03');
    const delta2 = await timed(
      'delta 05-02 → 05-03',
      async () => (await services.monitoring.syncWithLists())!,
    );
    // One full re-screen (at 05-03) is the baseline of both ratios: at a million counterparties
    // each full run takes minutes, and its cost does not depend on which publication is current.
    const full =
      process.env.BENCH_FULL === 'skip'
        ? { value: delta2.value, ms: Number.NaN }
        : await timed('full re-screen at 05-03', () => services.monitoring.fullRescreenAll());
    const peak = process.resourceUsage().maxRSS * 1024;

    const row = (label: string, d: { value: RescreenRun; ms: number }) =>
      `| ${label} | ${d.value.processed.toLocaleString('en')} | ${(d.ms / 1000).toFixed(2)} s | ${d.value.alertsRaised} | ${d.value.alertsClosed} | ${(full.ms / 1000).toFixed(1)} s | ${(full.ms / d.ms).toFixed(0)}× |`;
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; ${new Date().toISOString()}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `portfolio: ${SIZE.toLocaleString('en')} counterparties (${variants.length} variants of listed names); baseline full run at 04-26 ${(baseline.ms / 1000).toFixed(1)} s, ${baseline.value?.alertsRaised ?? 0} alerts; full re-screen at 05-03 raised ${full.value.alertsRaised} (0 = the deltas missed nothing)`,
    );
    console.log(
      `portfolio index: load ${(load.ms / 1000).toFixed(1)} s, ${load.value.tokenCount.toLocaleString('en')} tokens, typed arrays ${mb(load.value.typedBytes)} MB; RSS ${mb(rssBefore)} MB before, ${mb(rssIndex)} MB with the index held; peak RSS ${mb(peak)} MB`,
    );
    console.log(
      '| change | counterparties screened (delta) | delta run | alerts raised | alerts closed | full re-screen | full ÷ delta |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    console.log(row('2024-04-26 → 2024-05-01 (298 added)', delta1));
    console.log(row('2024-05-02 → 2024-05-03 (8 removed)', delta2));
  } finally {
    await services.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
