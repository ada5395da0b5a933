import { readFileSync } from 'node:fs';
import { buildScreeningIndex } from '../../src/screening/screening-index.js';
import { screen } from '../../src/screening/screen.js';
import { buildEvalSet } from './eval-set.js';
const all = JSON.parse(readFileSync('/tmp/puente-quick/entries.json', 'utf8'));
const idx = buildScreeningIndex(all);
const cases = buildEvalSet(all, { seed: 7, perKind: 150, negativesPerKind: 300 }).filter(
  (c) => c.index === 'main',
);
for (const c of cases.slice(0, 300)) screen(idx, { name: c.name });
(globalThis as any).gc?.();
const times: [number, string][] = [];
const t0 = performance.now();
for (let r = 0; r < 2; r++)
  for (const c of cases) {
    const t = performance.now();
    screen(idx, { name: c.name });
    times.push([performance.now() - t, c.name]);
  }
console.log('mean', (performance.now() - t0) / times.length);
const sorted = times.map((x) => x[0]).sort((a, b) => a - b);
console.log(
  'p50',
  sorted[Math.floor(sorted.length / 2)],
  'p90',
  sorted[Math.floor(sorted.length * 0.9)],
  'p99',
  sorted[Math.floor(sorted.length * 0.99)],
);
console.log(
  times
    .sort((a, b) => b[0] - a[0])
    .slice(0, 12)
    .map(([t, n]) => `${t.toFixed(2)} ${n}`)
    .join('\n'),
);
