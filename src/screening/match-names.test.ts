import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { matchNames } from './match-names.js';

describe('matchNames', () => {
  it('scores identical names 1 whatever the order and accents', () => {
    expect(matchNames('Dairo Antonio Úsuga David', 'USUGA DAVID, Dairo Antonio').score).toBe(1);
  });

  it('reads an Arabic compound split by the comma in natural order too, and explains it', () => {
    const result = matchNames('Abdul Karim', 'KARIM, Abdul');
    expect(result.score).toBe(1);
    expect(result.explanation.summary).toContain('abdul karim = abdul karim (exact)');
    expect(matchNames('Karim Abdul', 'KARIM, Abdul').score).toBe(1);
    expect(matchNames('Abdul Rahman', 'KARIM, Abdul').score).toBeLessThan(0.5);
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

  it('joins a word, the Arabic article and the next word, with or without its letters', () => {
    for (const [latin, script] of [
      ['AZIZIRAHMAN ABDUL AHAD', 'عزیز الرحمان عبد الاحد'],
      ['RAMZI MOHAMED ABDULLAH BINALSHIBH', 'رمزي محمد عبد الله بن الشيبة'],
    ] as const) {
      for (const [a, b] of [
        [latin, script],
        [script, latin],
      ] as const) {
        const result = matchNames(a, b, { type: 'individual' });
        expect(result.explanation.unmatchedQuery).toEqual([]);
        expect(result.score).toBeGreaterThan(0.85);
      }
    }
  });

  it('meets one word read from Arabic script that joins two Latin words', () => {
    for (const [script, latin] of [
      ['سيف الله بن عمر بن محمد بنحسين', 'SEIFALLAH BEN OMAR BEN MOHAMED BEN HASSINE'],
      ['سليمان جاسم سليمان علي أبوغيث', 'SULAIMAN JASSEM SULAIMAN ALI ABO GHAITH'],
      ['حسن ظاهرعويس', 'HASSAN DAHIR AWEYS'],
    ] as const) {
      const result = matchNames(script, latin, { type: 'individual' });
      expect(result.explanation.unmatchedQuery).toEqual([]);
      expect(result.score).toBeGreaterThan(0.85);
    }
  });

  it('joins long words on three consonants, never a Latin pair so short', () => {
    expect(matchNames('RAHMATULLAH KAKAZADA', 'رحمت الله کاکا زاده').score).toBeGreaterThan(0.85);
    expect(matchNames('سليمان أبوغيث', 'SULAIMAN ABO GHAITH').score).toBeGreaterThan(0.85);
    // Two Latin query words joined on three consonants would reach too far.
    expect(matchNames('MELLI CIELO COMPANY', 'عبدالحميد المصلي').score).toBeLessThan(0.5);
    const hara = matchNames('دزمتري إوريفيتش هرا', 'HARA, Dzmitry Iurevich');
    expect(hara.explanation.unmatchedList).toEqual([]);
  });

  it('says which word met which, and how, and leaves no paired word unmatched', () => {
    for (const type of [undefined, 'individual'] as const) {
      const { explanation } = matchNames('Pedro Torres', 'TORRES, Pedro', type ? { type } : {});
      expect(explanation.tokens.map(({ query, list, method }) => [query, list, method])).toEqual([
        ['pedro', 'pedro', 'exact'],
        ['torres', 'torres', 'exact'],
      ]);
      expect(explanation.unmatchedQuery).toEqual([]);
      expect(explanation.unmatchedList).toEqual([]);
      expect(explanation.summary).toContain('pedro = pedro (exact), torres = torres (exact)');
    }
    const pairs: readonly (readonly [string, string])[] = [
      ['Pedro J. Torres', 'TORRES, Pedro José'],
      ['Mohammed Alrashid', 'AL RASHID, Mohammed'],
      ['Pedro de Torres', 'TORRES GOMEZ, Pedro'],
    ];
    for (const [query, listed] of pairs) {
      const { explanation } = matchNames(query, listed, { type: 'individual' });
      const paired = (side: 'query' | 'list') =>
        explanation.tokens.flatMap((token) => token[side].split(' '));
      for (const word of explanation.unmatchedQuery) {
        expect(paired('query'), `${query}: ${word}`).not.toContain(word);
      }
      for (const word of explanation.unmatchedList) {
        expect(paired('list'), `${listed}: ${word}`).not.toContain(word);
      }
      expect(explanation.tokens.length, query).toBeGreaterThanOrEqual(2);
    }
  });
});
