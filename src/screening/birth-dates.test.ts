import { describe, expect, it } from 'vitest';
import {
  compareBirthDates,
  listedBirthDate,
  parsePartialDate,
  type ListedBirthDate,
} from './birth-dates.js';

const listed = (value: string, kind: 'exact' | 'year' | 'approximate' = 'exact'): ListedBirthDate =>
  listedBirthDate({ kind, value, alternative: false, text: value, origin: 'test' })!;

describe('birth dates', () => {
  it('parses ISO partial dates and refuses impossible ones', () => {
    expect(parsePartialDate('1971-09-15')).toEqual({ year: 1971, month: 9, day: 15 });
    expect(parsePartialDate('1971')).toEqual({ year: 1971 });
    expect(parsePartialDate('2023-02-29')).toBeUndefined();
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('compares with tolerance', () => {
    const compare = (q: string, l: ListedBirthDate) =>
      compareBirthDates(parsePartialDate(q)!, [l]).outcome;
    expect(compare('1971-09-15', listed('1971-09-15'))).toBe('exact');
    expect(compare('1971', listed('1971-09-15'))).toBe('match');
    expect(compare('1972', listed('1971-09-15'))).toBe('close');
    expect(compare('1971-15-09'.replace('15-09', '09-15'), listed('1971-09-15'))).toBe('exact');
    expect(compare('1971-03-04', listed('1971-04-03'))).toBe('close');
    expect(compare('1971-02-01', listed('1971-09-15'))).toBe('same-year');
    expect(compare('1980', listed('1971-09-15'))).toBe('conflict');
    expect(compare('1973', listed('1971', 'approximate'))).toBe('close');
  });

  it('reads ranges', () => {
    const range = listedBirthDate({
      kind: 'range',
      from: '1960',
      to: '1962',
      alternative: false,
      text: 'DOB 1960 to 1962',
      origin: 'test',
    })!;
    expect(compareBirthDates({ year: 1961 }, [range]).outcome).toBe('match');
    expect(compareBirthDates({ year: 1970 }, [range]).outcome).toBe('conflict');
  });
});
