import { readFileSync } from 'node:fs';
import { buildScreeningIndex } from '../../src/screening/screening-index.js';
import { screen } from '../../src/screening/screen.js';
import { prepareQuery } from '../../src/screening/prepared-query.js';
import { generateCandidates } from '../../src/screening/candidate-generation.js';
const all = JSON.parse(readFileSync('/tmp/puente-quick/entries.json', 'utf8'));
const idx = buildScreeningIndex(all);
for (const q of process.argv.slice(2)) {
  for (let i = 0; i < 20; i++) screen(idx, { name: q });
  const t = performance.now();
  for (let i = 0; i < 100; i++) screen(idx, { name: q });
  const p = prepareQuery(idx.data, q);
  const c = generateCandidates(idx.data, p, 0.73);
  console.log(
    q,
    ((performance.now() - t) / 100).toFixed(3),
    'ms; candidates',
    c.length,
    p.tokens.map((t) => `${t.token.text}:${t.expansions.size}:${t.weight.toFixed(1)}`).join(' '),
  );
}
