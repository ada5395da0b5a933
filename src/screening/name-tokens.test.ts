import { describe, expect, it } from 'vitest';
import { analyzeName, naturalOrderCompoundReading } from './name-tokens.js';

const tokens = (name: string, type?: Parameters<typeof analyzeName>[1]) =>
  analyzeName(name, type).tokens.map((t) => `${t.text}/${t.kind}/${t.role}`);

describe('analyzeName', () => {
  it('reads OFAC `SURNAMES, Given` order into roles', () => {
    const name = analyzeName('ALCOCER GARCIA, Veronica del Socorro', 'individual');
    expect(name.surnameFirst).toBe(true);
    expect(tokens('ALCOCER GARCIA, Veronica del Socorro', 'individual')).toEqual([
      'alcocer/word/family',
      'garcia/word/family',
      'veronica/word/given',
      'del/particle/given',
      'socorro/word/given',
    ]);
  });

  it('marks particles, initials, titles and generic company words', () => {
    expect(tokens('Maria E. de la Cruz', 'individual')).toEqual([
      'maria/word/unknown',
      'e/initial/unknown',
      'de/particle/unknown',
      'la/particle/unknown',
      'cruz/word/unknown',
    ]);
    expect(tokens('Sheikh Ahmed')[0]).toBe('sheikh/title/unknown');
    expect(tokens('FELICIANO DELOS REYES JR.', 'individual')[3]).toBe('jr/title/unknown');
    expect(tokens('INVERSIONES LA ESPERANZA S.A.S.', 'entity')).toEqual([
      'inversiones/generic/unknown',
      'la/particle/unknown',
      'esperanza/word/unknown',
      '#sas/legal/unknown',
    ]);
  });

  it('writes Arabic compound names one way however they are split', () => {
    const one = (name: string) => analyzeName(name).tokens.map((t) => t.text);
    expect(one('ABD AL-MALIK')).toEqual(one('Abdulmalik'));
    expect(one('Abdel Rahman')).toEqual(one('ABDURRAHMAN'));
    expect(one('SIRAJ AL-DIN')).toEqual(one('Sirajuddin'));
    expect(one('بشير الدن')[0]).toMatch(/uddin$/);
    expect(one('NUR ALLAH')).toEqual(one('Nurullah'));
    expect(one('عبد الله')[0]).toMatch(/^abdul/);
    // ABDU is a name of its own before another ABD… word.
    expect(one("'ABDU, Abdallah")).toEqual(['abdu', 'abdullah']);
  });

  it('corrects misspelt legal words only when they are not known names', () => {
    const known = (word: string) => word === 'stork';
    const read = (name: string) =>
      analyzeName(name, 'entity', { knownWord: known }).tokens.map((t) => t.text);
    expect(read('ARTEKS LIMTED')).toEqual(['arteks', '#ltd']);
    expect(read('STORK TRADING')).toEqual(['stork', 'trading']);
  });
});

describe('naturalOrderCompoundReading', () => {
  const reading = (raw: string) => naturalOrderCompoundReading(raw, analyzeName(raw, 'individual'));

  it('puts the surnames last when the given names end with a bare abd… word', () => {
    expect(reading('KARIM, Abdul')).toBe('Abdul KARIM');
    expect(reading('RAHIM, Mufti Abdul')).toBe('Mufti Abdul RAHIM');
    expect(analyzeName('Abdul KARIM', 'individual').tokens.map((t) => t.text)).toEqual([
      'abdulkarim',
    ]);
  });

  it('gives no second reading to other names', () => {
    expect(reading('Abdul Karim')).toBeUndefined();
    expect(reading('KARIM, Abdul Hamid')).toBeUndefined();
    expect(reading('RODRIGUEZ OREJUELA, Gilberto Jose')).toBeUndefined();
  });
});
