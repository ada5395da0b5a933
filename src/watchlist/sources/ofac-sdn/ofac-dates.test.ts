import { describe, expect, it } from 'vitest';
import { parseDateStatement, parseOfacDate } from './ofac-dates.js';

describe('parseOfacDate', () => {
  it.each([
    ['15 Sep 1971', '1971-09-15', 'day'],
    ['01 Jan 2008', '2008-01-01', 'day'],
    ['5 May 1980', '1980-05-05', 'day'],
    ['10 October 1969', '1969-10-10', 'day'],
    ['Sep 1971', '1971-09', 'month'],
    ['Sept 1971', '1971-09', 'month'],
    ['1971', '1971', 'year'],
  ])('reads %s as %s', (text, iso, precision) => {
    expect(parseOfacDate(text)).toEqual({ iso, precision });
  });

  it.each([
    '',
    '31 Feb 1970',
    '32 Jan 1970',
    'Foo 1970',
    '15 Sep 71',
    '1971-09-15',
    'circa 1960',
    'x y z w',
  ])('refuses %j', (text) => {
    expect(parseOfacDate(text)).toBeUndefined();
  });
});

describe('parseDateStatement', () => {
  it('reads exact, month and year dates', () => {
    expect(parseDateStatement('15 Sep 1971')).toEqual({ kind: 'exact', value: '1971-09-15' });
    expect(parseDateStatement('Sep 1971')).toEqual({ kind: 'month', value: '1971-09' });
    expect(parseDateStatement('1971')).toEqual({ kind: 'year', value: '1971' });
  });

  it('reads ranges of years and of full dates', () => {
    expect(parseDateStatement('1960 to 1962')).toEqual({ kind: 'range', from: '1960', to: '1962' });
    expect(parseDateStatement('01 Jan 1960 to 31 Dec 1962')).toEqual({
      kind: 'range',
      from: '1960-01-01',
      to: '1962-12-31',
    });
  });

  it('reads circa dates and circa spans as approximate', () => {
    expect(parseDateStatement('circa 1960')).toEqual({ kind: 'approximate', value: '1960' });
    expect(parseDateStatement('circa 01 Jan 1960')).toEqual({
      kind: 'approximate',
      value: '1960-01-01',
    });
    expect(parseDateStatement('circa 1960-1962')).toEqual({
      kind: 'approximate',
      from: '1960',
      to: '1962',
    });
  });

  it('refuses statements with a part that is no date', () => {
    expect(parseDateStatement('unknown')).toBeUndefined();
    expect(parseDateStatement('1960 to later')).toBeUndefined();
    expect(parseDateStatement('circa')).toBeUndefined();
  });
});
