/**
 * `npm run bench:ingest`: ingest time and peak RSS of the 2024-05-03 SDN publication and of the
 * UN list, on SQLite and PostgreSQL, each case in a fresh process, median of N runs.
 * Targets (SQLite): under 3 s and 300 MB RSS each.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { dataPath } from '../test/support/data-dir.js';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const cases = [
  ['OFAC SDN 2024-05-03', dataPath('ofac', 'history', 'sdn-2024-05-03.csv.gz')],
  ['UN consolidated 2026-02-27', dataPath('un', 'consolidated-2026-02-27.xml')],
] as const;
const stores = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',');

interface Sample {
  ms: number;
  maxRssMb: number;
  rssBeforeMb: number;
  entries: number;
}

function measure(kind: string, path: string): Sample {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const out = execFileSync(tsx, ['bench/ingest-case.ts', kind, path], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Sample;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; ${new Date().toISOString()}`,
);
console.log(
  '| list | store | entries | ingest time (median) | peak RSS (median) | RSS before ingest | target met |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [label, path] of cases) {
  for (const kind of stores) {
    const samples = Array.from({ length: runs }, () => measure(kind, path));
    const ms = median(samples.map((s) => s.ms));
    const rss = median(samples.map((s) => s.maxRssMb));
    const before = median(samples.map((s) => s.rssBeforeMb));
    const met = kind === 'sqlite' ? (ms < 3000 && rss < 300 ? 'yes' : 'NO') : 'n/a';
    console.log(
      `| ${label} | ${kind} | ${samples[0]?.entries} | ${(ms / 1000).toFixed(2)} s | ${rss.toFixed(0)} MB | ${before.toFixed(0)} MB | ${met} |`,
    );
  }
}
