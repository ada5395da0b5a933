import { describe, expect, it } from 'vitest';

import { PrincipalCache } from './principal-cache.js';

describe('PrincipalCache', () => {
  it('answers within the lifetime and forgets after it', () => {
    const cache = new PrincipalCache<string>(1_000);
    cache.set('k', 'ana', cache.generation, 10_000);
    expect(cache.get('k', 10_999)).toBe('ana');
    expect(cache.get('k', 11_000)).toBeUndefined();
    // A clock that went backwards does not extend trust either.
    cache.set('k', 'ana', cache.generation, 10_000);
    expect(cache.get('k', 9_000)).toBeUndefined();
  });

  it('refuses a value read before an invalidation', () => {
    const cache = new PrincipalCache<string>(1_000);
    const before = cache.generation;
    cache.invalidate();
    cache.set('k', 'stale', before, 0);
    expect(cache.get('k', 1)).toBeUndefined();
    cache.set('k', 'fresh', cache.generation, 0);
    expect(cache.get('k', 1)).toBe('fresh');
    cache.invalidate();
    expect(cache.get('k', 1)).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest; update keeps the age', () => {
    const cache = new PrincipalCache<number>(1_000, 2);
    cache.set('a', 1, cache.generation, 0);
    cache.set('b', 2, cache.generation, 0);
    cache.set('c', 3, cache.generation, 0);
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)]).toEqual([undefined, 2, 3]);
    cache.update('b', 20);
    expect(cache.get('b', 999)).toBe(20);
    expect(cache.get('b', 1_000)).toBeUndefined();
    cache.update('gone', 5);
    expect(cache.get('gone', 1)).toBeUndefined();
  });

  it('stores nothing with a zero lifetime', () => {
    const cache = new PrincipalCache<string>(0);
    cache.set('k', 'ana', cache.generation, 0);
    expect(cache.get('k', 0)).toBeUndefined();
  });
});
