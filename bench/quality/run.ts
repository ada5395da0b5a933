/**
 * Quality harness: `npx tsx bench/quality/run.ts`.
 *
 * Generates the labelled evaluation set from the real lists (OFAC SDN 2024-05-03 + UN
 * consolidated), screens every case, and reports recall@1 and the false-positive rate at the
 * default threshold, per variation kind, over a threshold sweep, and against two baselines
 * (brute-force Jaro-Winkler and fuse.js) with the speed ratio.
 *
 * Environment: `QUALITY_SEED` (default 20240503), `QUALITY_PER_KIND` (300),
 * `QUALITY_NEGATIVES_PER_KIND` (700), `QUALITY_BASELINE_SAMPLE` (200 cases; 0 skips the
 * baselines), `QUALITY_MISSES` (failures to print per kind, default 0).
 *
 * @module
 */
import { pathToFileURL } from 'node:url';
import { PuenteError } from '../../src/core/errors.js';
import type { WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';
import { screen } from '../../src/screening/screen.js';
import { buildScreeningIndex, type ScreeningIndex } from '../../src/screening/screening-index.js';
import { DEFAULT_THRESHOLD } from '../../src/screening/threshold.js';
import { fuseBaseline, jaroWinklerBaseline, type Baseline, type RankedEntry } from './baselines.js';
import {
  buildEvalSet,
  scriptOnly,
  withoutScriptNames,
  type EvalCase,
  type IndexVariant,
} from './eval-set.js';
import { metricsAt, runCases, thresholdForFpr, timing, type Outcome } from './evaluate.js';
import { loadRealLists } from './load-lists.js';
import { kinds, misses, overall, sweep, table, timingText } from './report.js';

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const SEED = env('QUALITY_SEED', 20240503);
const PER_KIND = env('QUALITY_PER_KIND', 300);
const NEGATIVES = env('QUALITY_NEGATIVES_PER_KIND', 700);
const BASELINE_SAMPLE = env('QUALITY_BASELINE_SAMPLE', 200);
const SHOW_MISSES = env('QUALITY_MISSES', 0);
/** Results are collected down to this score so other thresholds can be evaluated. */
const COLLECT_FROM = 0.5;
const MAX_FPR = 0.005;

function ours(indexes: Readonly<Record<IndexVariant, ScreeningIndex>>, threshold = COLLECT_FROM) {
  return (c: EvalCase): RankedEntry[] => {
    try {
      const matches = screen(indexes[c.index], { name: c.name }, { threshold, limit: 10 });
      return matches.map((m) => ({ entryId: m.entryId, score: m.score }));
    } catch (error) {
      if (error instanceof PuenteError) {
        console.log(`validation error for "${c.name}": ${error.message}`);
        return [];
      }
      throw error;
    }
  };
}

/** Runs the whole report over the given entries (the real lists, see `main`). */
export function runQuality(entries: readonly WatchlistEntry[]): void {
  const started = performance.now();
  const main = buildScreeningIndex(entries);
  console.log(
    `# Screening quality\n\n${entries.length} entries, ${main.nameCount} names; index built in ${(performance.now() - started).toFixed(0)} ms\n`,
  );
  const indexes = {
    main,
    'no-script': buildScreeningIndex(withoutScriptNames(entries)),
    'script-only': buildScreeningIndex(scriptOnly(entries)),
  };
  const cases = buildEvalSet(entries, {
    seed: SEED,
    perKind: PER_KIND,
    negativesPerKind: NEGATIVES,
  });
  const outcomes = runCases(cases, ours(indexes));
  reportOurs(outcomes);
  if (BASELINE_SAMPLE > 0) {
    reportBaselines(entries, cases, outcomes, indexes);
  }
}

function reportOurs(outcomes: readonly Outcome[]): void {
  console.log(`## Puente at the default threshold\n\n${overall(outcomes, DEFAULT_THRESHOLD)}\n`);
  console.log(`${kinds(outcomes, DEFAULT_THRESHOLD)}\n`);
  const grid = Array.from({ length: 15 }, (_, i) => 0.6 + i * 0.025);
  console.log(`## Threshold sweep\n\n${sweep(outcomes, grid)}\n`);
  console.log(
    `Lowest threshold with FPR ≤ 0.5%: ${thresholdForFpr(outcomes, MAX_FPR).toFixed(3)}\n`,
  );
  console.log(
    `Query time over the whole set (collecting every match down to ${COLLECT_FROM}, slower than screening at the default threshold; see bench/screening): ${timingText(outcomes)}\n`,
  );
  if (SHOW_MISSES > 0) {
    console.log(`## Misses\n\n${misses(outcomes, DEFAULT_THRESHOLD, SHOW_MISSES)}\n`);
  }
}

function reportBaselines(
  entries: Parameters<typeof jaroWinklerBaseline>[0],
  cases: readonly EvalCase[],
  outcomes: readonly Outcome[],
  indexes: Readonly<Record<IndexVariant, ScreeningIndex>>,
): void {
  const mainCases = cases.filter((c) => c.index === 'main');
  const step = Math.max(1, Math.floor(mainCases.length / BASELINE_SAMPLE));
  const sample = mainCases.filter((_, i) => i % step === 0);
  // At the default threshold: the metrics there are the same, and the time is production's.
  const ourSample = runCases(sample, ours(indexes, DEFAULT_THRESHOLD));
  const rows = [row('Puente (this engine)', ourSample, DEFAULT_THRESHOLD, ourSample)];
  for (const baseline of [jaroWinklerBaseline(entries), fuseBaseline(entries)]) {
    const result = runBaseline(baseline, sample);
    rows.push(row(baseline.label, result, thresholdForFpr(result, MAX_FPR), ourSample));
  }
  const header = ['matcher', 'threshold', 'recall@1', 'FPR', 'mean ms/query', 'time vs Puente'];
  console.log(`## Baselines (${sample.length} cases, every ${step}th of the main-index set)\n`);
  console.log(
    'Baseline thresholds are the lowest giving FPR ≤ 0.5% on the sample (their best case).\n',
  );
  console.log(`${table(header, rows)}\n`);
}

function runBaseline(baseline: Baseline, sample: readonly EvalCase[]): Outcome[] {
  return runCases(sample, (c) => baseline.search(c.name));
}

function row(
  label: string,
  result: readonly Outcome[],
  t: number,
  reference: readonly Outcome[],
): string[] {
  const m = metricsAt(result, t);
  const mean = timing(result).mean;
  const ratio = mean / timing(reference).mean;
  return [
    label,
    t.toFixed(3),
    `${(m.recall * 100).toFixed(2)}%`,
    `${(m.fpr * 100).toFixed(2)}%`,
    mean.toFixed(3),
    `${ratio.toFixed(0)}×`,
  ];
}

function main(): void {
  runQuality(loadRealLists());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main();
}
