/**
 * Markdown tables for the quality report.
 *
 * @module
 */
import { metricsAt, perKind, timing, type Outcome } from './evaluate.js';

const pct = (x: number, digits = 2): string => `${(x * 100).toFixed(digits)}%`;

/** One markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Overall figures at one threshold. */
export function overall(outcomes: readonly Outcome[], t: number): string {
  const m = metricsAt(outcomes, t);
  return table(
    ['threshold', 'positives', 'recall@1', 'negatives', 'false-positive rate'],
    [[t.toFixed(3), String(m.positives), pct(m.recall), String(m.negatives), pct(m.fpr)]],
  );
}

/** Recall per variation kind and alert rate per negative kind. */
export function kinds(outcomes: readonly Outcome[], t: number): string {
  const rows = perKind(outcomes, t).map((k) => [
    k.kind,
    k.negative ? 'negative' : 'positive',
    String(k.n),
    pct(k.rate, 1),
  ]);
  return table(['kind', 'type', 'n', 'recall@1 (positives) / alerts (negatives)'], rows);
}

/** Recall and FPR over a range of thresholds. */
export function sweep(outcomes: readonly Outcome[], thresholds: readonly number[]): string {
  const rows = thresholds.map((t) => {
    const m = metricsAt(outcomes, t);
    return [t.toFixed(3), pct(m.recall), pct(m.fpr)];
  });
  return table(['threshold', 'recall@1', 'FPR'], rows);
}

/** Mean, p50 and p99 query time in milliseconds. */
export function timingText(outcomes: readonly Outcome[]): string {
  const t = timing(outcomes);
  return `mean ${t.mean.toFixed(3)} ms, p50 ${t.p50.toFixed(3)} ms, p99 ${t.p99.toFixed(3)} ms`;
}

/** Up to `max` failures per kind, for tuning. */
export function misses(outcomes: readonly Outcome[], t: number, max: number): string {
  const lines: string[] = [];
  for (const kind of new Set(outcomes.map((o) => o.case.kind))) {
    const bad = outcomes.filter(
      (o) =>
        o.case.kind === kind &&
        (o.case.expected === undefined
          ? o.top >= t
          : !(o.accepted >= t && o.accepted >= o.top - 1e-9)),
    );
    for (const o of bad.slice(0, max)) {
      lines.push(
        `${kind}: "${o.case.name}" expected ${o.case.expected ?? '-'} got ${o.topEntry ?? '-'} top ${o.top.toFixed(3)} accepted ${o.accepted.toFixed(3)}`,
      );
    }
  }
  return lines.join('\n');
}
