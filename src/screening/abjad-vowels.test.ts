import { describe, expect, it } from 'vitest';
import { abjadVowelsCompatible } from './abjad-vowels.js';
import { deletionHashes, HashedKeys, keyHash, pairHash } from './hashed-keys.js';

describe('abjadVowelsCompatible', () => {
  it('requires the long vowels Arabic writes', () => {
    expect(abjadVowelsCompatible('mnsur', 'mansour')).toBe(true);
    expect(abjadVowelsCompatible('mnsur', 'amanecer')).toBe(false);
    expect(abjadVowelsCompatible('hsin', 'hussein')).toBe(true);
    expect(abjadVowelsCompatible('hsin', 'hassan')).toBe(false);
    expect(abjadVowelsCompatible('mhmd', 'mohammed')).toBe(true);
    expect(abjadVowelsCompatible('kstiiu', 'castillo')).toBe(true);
    expect(abjadVowelsCompatible('kstiiu', 'castro')).toBe(false);
    expect(abjadVowelsCompatible('aisi', 'isa')).toBe(true);
    expect(abjadVowelsCompatible('aisi', 'aso')).toBe(false);
  });
});

describe('HashedKeys', () => {
  it('finds ids by key hash, including deletion neighbourhoods', () => {
    const words = ['gomez', 'gomes', 'perez'];
    const keys = HashedKeys.build(words.length, (id) => deletionHashes(words[id]!));
    expect(new Set(keys.idsOf(keyHash('gomz')))).toEqual(new Set([0]));
    expect(new Set(keys.idsOf(keyHash('gome')))).toEqual(new Set([0, 1]));
    expect(keys.idsOf(keyHash('xyz'))).toEqual([]);
    expect(pairHash('abu', 'marzook')).toBe(keyHash('abumarzook'));
  });
});
