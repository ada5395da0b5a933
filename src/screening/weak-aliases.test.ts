import { describe, expect, it } from 'vitest';
import {
  WEAK_ALIAS_FACTOR,
  WEAK_ALIAS_MIN_WEIGHT,
  WeakAliasClass,
  weakAliasClass,
  weakAliasScore,
} from './weak-aliases.js';

describe('weakAliasClass', () => {
  it('keeps long rare weak aliases, and short rare ones for exact matches only', () => {
    expect(weakAliasClass(WEAK_ALIAS_MIN_WEIGHT, 7)).toBe(WeakAliasClass.distinctive);
    expect(weakAliasClass(WEAK_ALIAS_MIN_WEIGHT, 5)).toBe(WeakAliasClass.shortExact);
    expect(weakAliasClass(WEAK_ALIAS_MIN_WEIGHT, 4)).toBe(WeakAliasClass.shortExact);
    expect(weakAliasClass(WEAK_ALIAS_MIN_WEIGHT, 3)).toBe(WeakAliasClass.none);
    expect(weakAliasClass(WEAK_ALIAS_MIN_WEIGHT - 1, 12)).toBe(WeakAliasClass.none);
  });
});

describe('weakAliasScore', () => {
  it('counts a short weak alias of a company only when matched exactly and in full', () => {
    expect(weakAliasScore(1, 1, WeakAliasClass.shortExact, true)).toBe(WEAK_ALIAS_FACTOR);
    expect(weakAliasScore(0.97, 1, WeakAliasClass.shortExact, true)).toBe(0);
    expect(weakAliasScore(1, 1, WeakAliasClass.shortExact, false)).toBe(0);
  });

  it('counts a distinctive weak alias the query covers, whoever bears it', () => {
    expect(weakAliasScore(0.9, 0.95, WeakAliasClass.distinctive, false)).toBeCloseTo(
      0.9 * WEAK_ALIAS_FACTOR,
    );
    expect(weakAliasScore(0.9, 0.8, WeakAliasClass.distinctive, true)).toBe(0);
    expect(weakAliasScore(1, 1, WeakAliasClass.none, true)).toBe(0);
  });
});
