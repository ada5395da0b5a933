import { describe, expect, it } from 'vitest';
import { abjadVowelsCompatible, abjadVowelsShared } from './abjad-vowels.js';
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

describe('abjadVowelsShared', () => {
  it('lets one Latin vowel stand for two like long vowels, never for a missing class', () => {
    expect(abjadVowelsCompatible('dbiski', 'dabski')).toBe(false);
    expect(abjadVowelsShared('dbiski', 'dabski')).toBe(true);
    expect(abjadVowelsShared('dbiski', 'dibiski')).toBe(true);
    expect(abjadVowelsShared('mnsur', 'amanecer')).toBe(false);
    expect(abjadVowelsShared('hsin', 'hassan')).toBe(false);
    // Only one vowel may be shared, and only between two of the same class.
    expect(abjadVowelsShared('kiiri', 'kari')).toBe(false);
    expect(abjadVowelsShared('kuri', 'kari')).toBe(false);
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
