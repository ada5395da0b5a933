import { readFileSync } from 'node:fs';
import { buildScreeningIndex } from '../../src/screening/screening-index.js';
import { prepareQuery } from '../../src/screening/prepared-query.js';
import { generateCandidates } from '../../src/screening/candidate-generation.js';
import { scoreName } from '../../src/screening/score-name.js';
import { methodOf, similarityOf } from '../../src/screening/token-expansion.js';
import { scriptOnly } from './eval-set.js';
const all = scriptOnly(JSON.parse(readFileSync('/tmp/puente-quick/entries.json', 'utf8')));
const idx = buildScreeningIndex(all);
const v = idx.data.vocabulary;
for (const q of process.argv.slice(2)) {
  const p = prepareQuery(idx.data, q);
  for (const t of p.tokens)
    console.log(
      t.token.text,
      t.weight.toFixed(2),
      [...t.expansions]
        .map(([id, x]) => `${v.texts[id]}:${methodOf(x)}:${similarityOf(x).toFixed(2)}`)
        .join(' '),
    );
  const c = generateCandidates(idx.data, p, 0.3);
  for (const x of c.slice(0, 3))
    console.log(
      ' cand',
      idx.data.names.display[x.nameId],
      x.bound.toFixed(3),
      scoreName(idx.data, p, x.nameId).score.toFixed(3),
    );
}
import { skeletonVariants } from '../../src/screening/spanish-phonetic.js';
console.log(
  skeletonVariants('wassiq'),
  skeletonVariants('wthiq'),
  skeletonVariants('fazal'),
  skeletonVariants('fdhl'),
);
const id = v.lookup.get('wthiq')!;
console.log(id, v.abjad[id], v.bySkeleton.get('wsk'), v.bySkeleton.get('wtk'));
