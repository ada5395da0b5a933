import { readFileSync } from 'node:fs';
import { buildScreeningIndex } from '../../src/screening/screening-index.js';
const all = JSON.parse(readFileSync('/tmp/puente-quick/entries.json', 'utf8'));
for (let i = 0; i < 3; i++) {
  const c = process.cpuUsage();
  const t = performance.now();
  buildScreeningIndex(all);
  const u = process.cpuUsage(c);
  console.log(
    'build wall',
    (performance.now() - t).toFixed(0),
    'cpu user+sys',
    ((u.user + u.system) / 1000).toFixed(0),
  );
}
