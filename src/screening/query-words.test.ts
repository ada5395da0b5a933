import { describe, expect, it } from 'vitest';
import { emptyEntry } from '../watchlist/watchlist-entry.js';
import { screeningFixture } from '../../test/fixtures/screening/entries.js';
import { analyzeName } from './name-tokens.js';
import { QueryWordCache } from './query-words.js';
import { screen } from './screen.js';
import { buildScreeningIndex, patchScreeningIndex } from './screening-index.js';
import { expandToken } from './token-expansion.js';

describe('query word cache', () => {
  const entries = screeningFixture();
  const index = buildScreeningIndex(entries);
  const tokens = analyzeName('Gilberto Rodrigez Orejuela Abu Marzook').tokens;

  it('gives what a fresh expansion gives, for words and for pairs written as one', () => {
    const cache = new QueryWordCache();
    const data = index.data;
    for (const token of tokens) {
      const fresh = expandToken(data.vocabulary, data.scratch.tokenMarks, token, false);
      expect([...cache.word(data, token).expansions.map]).toEqual([...fresh]);
      expect(cache.word(data, token)).toBe(cache.word(data, token));
    }
    const [abu, marzook] = [cache.word(data, tokens[3]!), cache.word(data, tokens[4]!)];
    const joined = { ...tokens[3]!, text: 'abumarzook' };
    const fresh = expandToken(data.vocabulary, data.scratch.tokenMarks, joined, true);
    expect([...(cache.pair(data, abu, marzook)?.map ?? new Map())]).toEqual([...fresh]);
  });

  it('stays correct when emptied for its bound', () => {
    const cache = new QueryWordCache();
    const data = index.data;
    const before = tokens.map((t) => cache.word(data, t));
    const pairBefore = cache.pair(data, before[0]!, before[1]!);
    for (let i = 0; i < 50_000; i++) {
      cache.word(data, { ...tokens[0]!, text: `zz${i}` });
    }
    expect(cache.size).toBeLessThanOrEqual(50_000);
    const after = tokens.map((t) => cache.word(data, t));
    expect(after[0]).not.toBe(before[0]);
    expect(after.map((w) => w.weight)).toEqual(before.map((w) => w.weight));
    expect(cache.pair(data, after[0]!, after[1]!)).toEqual(pairBefore);
  });

  it('belongs to one index: a patched index does not reuse the old words', () => {
    const added = {
      ...emptyEntry('ofac-sdn', '99998', 'individual', 'ZZYZX QWERTYUIOP'),
      programs: ['SDNT'],
    };
    expect(screen(index, { name: 'Zzyzx Qwertyuiop' })).toEqual([]);
    const patched = patchScreeningIndex(index, { added: [added] });
    expect(patched.data.scratch.queryWords).not.toBe(index.data.scratch.queryWords);
    expect(screen(patched, { name: 'Zzyzx Qwertyuiop' })[0]?.entryId).toBe('ofac-sdn:99998');
  });
});
