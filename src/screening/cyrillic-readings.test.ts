import { describe, expect, it } from 'vitest';
import { cyrillicLatinReadings } from './cyrillic-readings.js';

describe('cyrillicLatinReadings', () => {
  it('gives the Latin spellings of sounds Russian writes with several letters', () => {
    expect(cyrillicLatinReadings('dzhokhn')).toEqual(['john']);
    expect(cyrillicLatinReadings('khassansadekh')).toEqual(['hassansadeh']);
    expect(cyrillicLatinReadings('ksia')).toEqual(['xia']);
  });

  it('gives nothing for a token without such sounds', () => {
    expect(cyrillicLatinReadings('ivanov')).toEqual([]);
  });
});
