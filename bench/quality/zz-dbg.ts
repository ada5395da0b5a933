import { loadRealLists } from './load-lists.js';
import { buildScreeningIndex } from '/work/main/src/screening/screening-index.js';
import { screen } from '/work/main/src/screening/screen.js';
const all = loadRealLists();
const idx = buildScreeningIndex(all);
for (const id of process.argv.slice(2).filter((a) => a.includes(':'))) { const e = all.find((x) => `${x.source}:${x.sourceId}` === id); console.log(id, e?.entityType, e?.name, '|', e?.aliases.map((a) => `${a.name}(${a.strength})`).join('; ')); }
for (const q of process.argv.slice(2).filter((a) => !a.includes(':'))) {
  const r = screen(idx, { name: q }, { threshold: 0.3, limit: 4 });
  console.log(`## ${q}`);
  for (const m of r) console.log('  ', m.score, m.entryId, m.matchedNameKind, '|', m.explanation.summary);
}
