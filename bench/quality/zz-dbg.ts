import { readFileSync } from 'node:fs';
import { buildScreeningIndex } from '../../src/screening/screening-index.js';
import { screen } from '../../src/screening/screen.js';
import type { WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';
import { scriptOnly } from './eval-set.js';
let all: WatchlistEntry[] = JSON.parse(readFileSync('/tmp/puente-quick/entries.json', 'utf8'));
if (process.env.SCRIPT_ONLY) all = scriptOnly(all);
const idx = buildScreeningIndex(all);
for (const id of process.argv.slice(2).filter((a) => a.includes(':'))) {
  const e = all.find((x) => `${x.source}:${x.sourceId}` === id);
  console.log(
    id,
    e?.entityType,
    e?.name,
    '|',
    e?.aliases.map((a) => `${a.name}(${a.strength})`).join('; '),
  );
}
for (const q of process.argv.slice(2).filter((a) => !a.includes(':'))) {
  const r = screen(idx, { name: q }, { threshold: 0.3, limit: 4 });
  console.log(`## ${q}`);
  for (const m of r)
    console.log('  ', m.score, m.entryId, m.matchedNameKind, '|', m.explanation.summary);
}
