/**
 * Runs a matcher over the evaluation set and computes the metrics:
 *
 * - recall@1 at threshold T: the expected entry (or one indistinguishable from it by name)
 *   scores at least T and at least as high as every other entry (ties at the top count);
 * - false-positive rate at T: negatives whose best match scores at least T.
 *
 * Outcomes are recorded as scores, so any threshold can be evaluated afterwards.
 *
 * @module
 */
import type { EvalCase } from './eval-set.js';
import type { RankedEntry } from './baselines.js';

/** What one query returned, reduced to what the metrics need. */
export interface Outcome {
  readonly case: EvalCase;
  /** Best score of any entry (0 when nothing was returned). */
  readonly top: number;
  /** Best score of an accepted entry (0 when none was returned). */
  readonly accepted: number;
  /** The entry ranked first, for reports. */
  readonly topEntry?: string;
  readonly millis: number;
}

/** Runs `search` on each case, timing it. */
export function runCases(
  cases: readonly EvalCase[],
  search: (c: EvalCase) => RankedEntry[],
): Outcome[] {
  return cases.map((c) => {
    const started = performance.now();
    const ranked = search(c);
    const millis = performance.now() - started;
    const accepted = ranked
      .filter((r) => c.accepted.has(r.entryId))
      .reduce((best, r) => Math.max(best, r.score), 0);
    return {
      case: c,
      top: ranked[0]?.score ?? 0,
      accepted,
      millis,
      ...(ranked[0] === undefined ? {} : { topEntry: ranked[0].entryId }),
    };
  });
}

/** Whether a positive counts as found at threshold `t`. */
export function found(outcome: Outcome, t: number): boolean {
  return outcome.accepted >= t && outcome.accepted >= outcome.top - 1e-9;
}

/** Whether a negative raised an alert at threshold `t`. */
export function alerted(outcome: Outcome, t: number): boolean {
  return outcome.top >= t;
}

/** Recall and FPR at one threshold. */
export interface Metrics {
  readonly threshold: number;
  readonly recall: number;
  readonly fpr: number;
  readonly positives: number;
  readonly negatives: number;
}

/** Metrics at threshold `t`. */
export function metricsAt(outcomes: readonly Outcome[], t: number): Metrics {
  const positives = outcomes.filter((o) => o.case.expected !== undefined);
  const negatives = outcomes.filter((o) => o.case.expected === undefined);
  return {
    threshold: t,
    recall: positives.filter((o) => found(o, t)).length / Math.max(1, positives.length),
    fpr: negatives.filter((o) => alerted(o, t)).length / Math.max(1, negatives.length),
    positives: positives.length,
    negatives: negatives.length,
  };
}

/** The lowest threshold (on a 0.005 grid) whose FPR does not exceed `maxFpr`. */
export function thresholdForFpr(outcomes: readonly Outcome[], maxFpr: number): number {
  for (let t = 0; t <= 1.0001; t += 0.005) {
    if (metricsAt(outcomes, t).fpr <= maxFpr) {
      return Math.round(t * 1000) / 1000;
    }
  }
  return 1;
}

/** Per-kind recall (positives) or alert rate (negatives) at `t`. */
export function perKind(
  outcomes: readonly Outcome[],
  t: number,
): { kind: string; n: number; rate: number; negative: boolean }[] {
  const kinds = [...new Set(outcomes.map((o) => o.case.kind))];
  return kinds.map((kind) => {
    const of = outcomes.filter((o) => o.case.kind === kind);
    const negative = of[0]!.case.expected === undefined;
    const hits = of.filter((o) => (negative ? alerted(o, t) : found(o, t))).length;
    return { kind, n: of.length, rate: hits / of.length, negative };
  });
}

/** Mean and percentiles of query time. */
export function timing(outcomes: readonly Outcome[]): { mean: number; p50: number; p99: number } {
  const times = outcomes.map((o) => o.millis).sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    mean: times.reduce((s, x) => s + x, 0) / Math.max(1, times.length),
    p50: at(0.5),
    p99: at(0.99),
  };
}
