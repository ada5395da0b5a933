import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { matchNames } from './match-names.js';

describe('matchNames', () => {
  it('scores identical names 1 whatever the order and accents', () => {
    expect(matchNames('Dairo Antonio Úsuga David', 'USUGA DAVID, Dairo Antonio').score).toBe(1);
  });

  it('explains a partial match', () => {
    const result = matchNames('Dairo Usuga', 'USUGA DAVID, Dairo Antonio', { type: 'individual' });
    expect(result.score).toBeGreaterThan(0.75);
    expect(result.score).toBeLessThan(1);
    expect(result.explanation.unmatchedList).toEqual(['david', 'antonio']);
  });

  it('keeps sibling companies apart and legal forms equivalent', () => {
    expect(
      matchNames('INVERSIONES LA PRIMAVERA S.A.S.', 'INVERSIONES LA ESPERANZA S.A.S.').score,
    ).toBeLessThan(0.5);
    expect(
      matchNames('Inversiones La Esperanza SAS', 'INVERSIONES LA ESPERANZA S.A.S.').score,
    ).toBe(1);
  });

  it('validates both names', () => {
    expect(() => matchNames('', 'X')).toThrow(ValidationError);
    try {
      matchNames('Juan', 'Ju\u0007an');
    } catch (error) {
      expect((error as ValidationError).details.field).toBe('name2');
    }
  });

  it('pairs a misspelt legal form with the listed one, never a legal form alone', () => {
    expect(matchNames('VLEES MANAGEMTNT LDT', 'VELES MANAGEMENT LTD').score).toBeGreaterThan(0.85);
    expect(matchNames('LC PRCGOROD', 'LLC PROGOROD').score).toBeGreaterThan(0.85);
    expect(matchNames('LDT', 'VELES MANAGEMENT LTD').score).toBeLessThan(0.5);
  });

  it('finds a three-letter word written with two letters', () => {
    const result = matchNames(
      'JAMOALI, Imd Beb Bcehir Be Homda',
      'JAMMALI, Imed Ben Bechir Ben Hamda',
    );
    expect(result.explanation.unmatchedQuery).toEqual([]);
  });

  it('reads Arabic-script words as transliterations, not typos of ABD', () => {
    const result = matchNames('مهر ال اسد', 'AL-ASSAD, Maher');
    expect(result.explanation.unmatchedQuery).toEqual([]);
    expect(result.score).toBeGreaterThan(0.85);
  });

  it('meets a Latin word that joins two words read from Arabic script', () => {
    const result = matchNames('AHMAD JAN AKHUNDZADA', 'احمد جان آخوند زاده');
    expect(result.explanation.unmatchedQuery).toEqual([]);
    expect(result.score).toBeGreaterThan(0.8);
  });

  it('gives each word the partner it needs when two words could take the same one', () => {
    const result = matchNames('محمد شفیق محمدی', 'MOHAMMAD SHAFIQ MOHAMMADI');
    expect(result.explanation.unmatchedQuery).toEqual([]);
    expect(result.explanation.unmatchedList).toEqual([]);
  });

  it('treats spellings of one Arabic particle alike', () => {
    const result = matchNames('TARIQ ANWAR AL SAYED AHMED', 'TARIQ ANWAR EL SAYED AHMED');
    expect(result.explanation.unmatchedQuery).toEqual([]);
  });
});
