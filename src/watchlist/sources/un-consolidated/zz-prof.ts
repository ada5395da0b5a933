import { readFileSync } from 'node:fs';
import { unConsolidatedSource } from './index.js';
const bytes = readFileSync('/work/shared/data/un/consolidated-2026-02-27.xml');
for (let round = 0; round < 4; round++) {
  const t = performance.now();
  unConsolidatedSource.parse([{ name: 'c.xml', origin: 'c.xml', bytes }]);
  console.log(Math.round(performance.now() - t));
}
