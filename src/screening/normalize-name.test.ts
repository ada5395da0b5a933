import { describe, expect, it } from 'vitest';
import { foldLatin, normalizeName } from './normalize-name.js';

const words = (raw: string) => normalizeName(raw).segments.map((s) => s.map((w) => w.text));

describe('normalizeName', () => {
  it('folds case and accents the way OFAC publishes names', () => {
    expect(words('Úsuga David, Dairo Antonio')).toEqual([
      ['usuga', 'david'],
      ['dairo', 'antonio'],
    ]);
    expect(foldLatin('NÚÑEZ Müller Straße Łódź')).toBe('nunez muller strasse lodz');
  });

  it('splits the Arabic article written together with an assimilated sun letter', () => {
    expect(words('SAMI BEN SALEH ELSSEID')).toEqual([['sami', 'ben', 'saleh', 'el', 'sseid']]);
    expect(words('Élsseid')).toEqual([['el', 'sseid']]);
    expect(words('ALLEN ELLIS ALLAH ESSAM ALTO')).toEqual([
      ['allen', 'ellis', 'allah', 'essam', 'alto'],
    ]);
  });

  it('applies compatibility normalization (full-width letters, ligatures)', () => {
    expect(words('ＭＡＲＩＡ ﬁdel')).toEqual([['maria', 'fidel']]);
  });

  it('collapses dotted acronyms and drops apostrophes', () => {
    expect(words("C.I. D'ALESSANDRO S.A.S.")).toEqual([['ci', 'dalessandro', 'sas']]);
    expect(words("ABU-'UMAR")).toEqual([['abu', 'umar']]);
    expect(words('J. Smith')).toEqual([['j', 'smith']]);
  });

  it('keeps comma segments (OFAC `SURNAMES, Given`)', () => {
    expect(words('RODRIGUEZ OREJUELA, Gilberto Jose')).toEqual([
      ['rodriguez', 'orejuela'],
      ['gilberto', 'jose'],
    ]);
  });

  it('transliterates other scripts word by word and records the script', () => {
    const name = normalizeName('Родригес صدام');
    expect(name.segments[0]!.map((w) => [w.text, w.script])).toEqual([
      ['rodriges', 'cyrillic'],
      ['sdam', 'arabic'],
    ]);
  });

  it('removes invisible format characters', () => {
    expect(words('Mu\u200Bhammad')).toEqual([['muhammad']]);
  });
});
