import { readFileSync } from 'node:fs';
import { buildScreeningIndex } from '../../src/screening/screening-index.js';
import { expandToken, similarityOf, methodOf } from '../../src/screening/token-expansion.js';
import { analyzeName } from '../../src/screening/name-tokens.js';
const all = JSON.parse(readFileSync('/tmp/puente-quick/entries.json', 'utf8'));
const idx = buildScreeningIndex(all);
for (const q of process.argv.slice(2)) {
  for (const t of analyzeName(q).tokens) {
    const e = expandToken(idx.data.vocabulary, idx.data.scratch.tokenMarks, t);
    console.log(
      t.text,
      [...e]
        .map(
          ([id, p]) =>
            `${idx.data.vocabulary.texts[id]}:${methodOf(p)}:${similarityOf(p).toFixed(2)}`,
        )
        .join(' '),
    );
  }
}
