import { describe, expect, it } from 'vitest';
import {
  boundedEditDistance,
  editSimilarity,
  jaroWinkler,
  typoBudget,
} from './token-similarity.js';

describe('boundedEditDistance', () => {
  it('counts substitutions, insertions, deletions and swaps as one edit', () => {
    expect(boundedEditDistance('gomez', 'gomes', 2)).toBe(1);
    expect(boundedEditDistance('gomez', 'gomz', 2)).toBe(1);
    expect(boundedEditDistance('gomez', 'gomeez', 2)).toBe(1);
    expect(boundedEditDistance('gomez', 'gmoez', 2)).toBe(1);
    expect(boundedEditDistance('gomez', 'gomez', 2)).toBe(0);
    expect(boundedEditDistance('rodriges', 'rodriguez', 2)).toBe(2);
  });

  it('stops at the bound', () => {
    expect(boundedEditDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(boundedEditDistance('a'.repeat(500), 'b'.repeat(500), 1)).toBe(2);
  });
});

describe('jaroWinkler', () => {
  it('matches the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', '')).toBe(0);
  });
});

describe('typo budget and similarity', () => {
  it('allows no typo in short words and more in long ones', () => {
    expect(typoBudget(2)).toBe(0);
    expect(typoBudget(5)).toBe(1);
    expect(typoBudget(9)).toBe(2);
    expect(editSimilarity(1, 8, 8)).toBeGreaterThan(editSimilarity(1, 4, 4));
  });
});
