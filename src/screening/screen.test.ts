import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { arabicOnlyEntry, screeningFixture } from '../../test/fixtures/screening/entries.js';
import { screen } from './screen.js';
import { buildScreeningIndex } from './screening-index.js';
import { DEFAULT_THRESHOLD } from './threshold.js';
import { emptyEntry, type Alias } from '../watchlist/watchlist-entry.js';

const index = buildScreeningIndex(screeningFixture());

function top(name: string, extra: Record<string, string> = {}) {
  return screen(index, { name, ...extra }, { threshold: 0 })[0];
}

describe('screen', () => {
  it('finds a name in natural order as listed in OFAC order', () => {
    const match = top('Gilberto Jose Rodriguez Orejuela')!;
    expect(match.entryId).toBe('ofac-sdn:4107');
    expect(match.score).toBe(1);
    expect(match.explanation.listNameOrder).toBe('surname-first');
  });

  it('tolerates a dropped second surname and a dropped middle name', () => {
    const match = top('Gilberto Rodriguez')!;
    expect(match.entryId).toBe('ofac-sdn:4107');
    expect(match.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(match.explanation.unmatchedList).toEqual(['orejuela', 'jose']);
  });

  it('matches Spanish spelling variants (b/v, s/z, silent h) phonetically', () => {
    const match = top('Jilberto Rodrigues Orejuela')!;
    expect(match.entryId).toBe('ofac-sdn:4107');
    expect(match.explanation.tokens.map((t) => t.method)).toContain('phonetic');
    expect(top('Dairo Antonio Usuga Dabid')!.entryId).toBe('ofac-sdn:11900');
  });

  it('finds a name with a typo in every word', () => {
    const match = top('Gilbreto Rodriguex Orejula')!;
    expect(match.entryId).toBe('ofac-sdn:4107');
    expect(match.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('treats legal forms as equivalent but never as enough', () => {
    const match = top('Inversiones La Esperanza Sociedad por Acciones Simplificada')!;
    expect(match.entryId).toBe('ofac-sdn:20001');
    expect(match.explanation.tokens.find((t) => t.method === 'legal-form')?.list).toBe('sas');
    expect(screen(index, { name: 'Transportes Cordillera S.A.S.' })).toEqual([]);
  });

  it('tells sibling companies apart by their distinctive word', () => {
    expect(screen(index, { name: 'INVERSIONES LA PRIMAVERA S.A.S.' })).toEqual([]);
    expect(screen(index, { name: 'COMERCIALIZADORA EL CEDRO LTDA.' })).toEqual([]);
  });

  it('counts distinctive weak aliases only', () => {
    const otoniel = top('Otoniel')!;
    expect(otoniel.entryId).toBe('ofac-sdn:11900');
    expect(otoniel.matchedNameKind).toBe('weak-alias');
    expect(otoniel.score).toBeLessThan(1);
    expect(screen(index, { name: 'Mike' })).toEqual([]);
  });

  it('counts a short weak alias of a company written exactly and in full, never a nickname', () => {
    const weak = (name: string): Alias => ({ name, type: 'aka', strength: 'weak', origin: 'test' });
    // Sixty other entries, so that MAX and AI are as rare as in the real lists (high IDF).
    const others = Array.from({ length: 60 }, (_, n) =>
      emptyEntry('test', `${n}`, 'entity', `TRADING HOUSE ${n + 100}`),
    );
    const withShort = buildScreeningIndex([
      ...screeningFixture(),
      ...others,
      {
        ...emptyEntry('ofac-sdn', '40912', 'entity', 'MAXIMA TECHNOLOGIES LLC'),
        aliases: [weak('MAX AI')],
      },
      {
        ...emptyEntry('ofac-sdn', '45749', 'individual', 'LEE, Dong Jin'),
        aliases: [weak('NG, Ken')],
      },
    ]);
    const exact = screen(withShort, { name: 'Max AI' })[0]!;
    expect(exact.entryId).toBe('ofac-sdn:40912');
    expect(exact.matchedNameKind).toBe('weak-alias');
    expect(exact.score).toBeLessThan(1);
    expect(screen(withShort, { name: 'Max AIE' })).toEqual([]);
    expect(screen(withShort, { name: 'Max AI Solutions' })).toEqual([]);
    expect(screen(withShort, { name: 'Ken Ng' })).toEqual([]);
  });

  it('reads a name in hanja in Korean as well as in pinyin, both ways', () => {
    const latin = emptyEntry('un', 'KPi.035', 'individual', 'KIM CHOL SAM');
    const hanja = emptyEntry('un', 'KPi.999', 'individual', '崔龍海');
    const korean = buildScreeningIndex([...screeningFixture(), latin, hanja]);
    expect(screen(korean, { name: '金铁三' })[0]?.entryId).toBe('un:KPi.035');
    const fromLatin = screen(korean, { name: 'Choe Ryong Hae' })[0]!;
    expect(fromLatin.entryId).toBe('un:KPi.999');
    expect(fromLatin.name).toBe('崔龍海');
    expect(screen(korean, { name: 'Cui Long Hai' })[0]?.entryId).toBe('un:KPi.999');
  });

  it('finds an Arabic compound split by the OFAC comma, in either order', () => {
    const karim = emptyEntry('ofac-sdn', '90001', 'individual', 'KARIM, Abdul');
    const rahim = emptyEntry('ofac-sdn', '90002', 'individual', 'RAHIM, Mufti Abdul');
    const arabic = buildScreeningIndex([...screeningFixture(), karim, rahim]);
    const natural = screen(arabic, { name: 'Abdul Karim' })[0]!;
    expect(natural.entryId).toBe('ofac-sdn:90001');
    expect(natural.score).toBe(1);
    expect(natural.name).toBe('KARIM, Abdul');
    expect(natural.explanation.summary).toContain('abdul karim = abdul karim (exact)');
    expect(screen(arabic, { name: 'Karim Abdul' })[0]?.entryId).toBe('ofac-sdn:90001');
    expect(screen(arabic, { name: 'Abdul Kareem' })[0]?.entryId).toBe('ofac-sdn:90001');
    expect(screen(arabic, { name: 'Mufti Abdul Rahim' })[0]).toMatchObject({
      entryId: 'ofac-sdn:90002',
      score: 1,
    });
    const unrelated = screen(arabic, { name: 'Abdul Rahman' }, { threshold: 0 });
    expect(unrelated.find((m) => m.entryId === 'ofac-sdn:90001')?.score ?? 0).toBeLessThan(
      DEFAULT_THRESHOLD,
    );
  });

  it('lowers the score for a conflicting date of birth and raises it for a matching one', () => {
    const plain = top('Gilberto Rodriguez')!.score;
    const same = top('Gilberto Rodriguez', { dob: '1939-01-31' })!;
    const other = top('Gilberto Rodriguez', { dob: '1975' })!;
    expect(same.score).toBeGreaterThan(plain);
    expect(other.score).toBeLessThan(plain);
    expect(other.explanation.facts.find((f) => f.fact === 'dob')?.outcome).toBe('conflict');
    expect(top('Gilberto Rodriguez', { dob: '1940' })!.score).toBe(plain);
  });

  it('treats an identical document as decisive, whatever the name', () => {
    const match = top('Pedro Perez', { document: '800.018.928' })!;
    expect(match.entryId).toBe('ofac-sdn:20001');
    expect(match.score).toBe(1);
    expect(match.explanation.decisive).toBe('document');
  });

  it('uses the country and the entity type', () => {
    const plain = top('Inversiones La Esperanza')!.score;
    expect(top('Inversiones La Esperanza', { country: 'CO' })!.score).toBeGreaterThan(plain);
    expect(top('Inversiones La Esperanza', { country: 'Peru' })!.score).toBeLessThan(plain);
    expect(
      screen(index, { name: 'Inversiones La Esperanza', type: 'individual' }, { threshold: 0 })[0]!
        .score,
    ).toBeLessThan(plain);
  });

  it('finds a Latin name from Cyrillic and an Arabic original-script name from Latin', () => {
    expect(top('Алексей Говырин')!.entryId).toBe('ofac-sdn:30001');
    expect(top('صدام حسين التكريتي')!.entryId).toBe('un:IQi.001');
    const arabicOnly = buildScreeningIndex([arabicOnlyEntry()]);
    const match = screen(arabicOnly, { name: 'Abdul Haq Wasiq' })[0]!;
    expect(match.entryId).toBe('un:TAi.082');
    expect(match.explanation.tokens.every((t) => t.method === 'transliteration')).toBe(true);
  });

  it('filters by program, source, type and country', () => {
    const narco = screen(
      index,
      { name: 'Rodriguez Orejuela' },
      { threshold: 0, programs: ['SDNTK'] },
    );
    expect(narco.every((m) => m.programs.includes('SDNTK'))).toBe(true);
    expect(screen(index, { name: 'Saddam Hussein' }, { sources: ['ofac-sdn'] })).toEqual([]);
    expect(
      screen(index, { name: 'Inversiones La Esperanza' }, { entityTypes: ['individual'] }),
    ).toEqual([]);
    expect(
      screen(index, { name: 'Inversiones La Esperanza' }, { countries: ['Colombia'] }),
    ).toHaveLength(1);
  });

  it('refuses unknown filters', () => {
    expect(() => screen(index, { name: 'x y' }, { programs: ['SDNK'] })).toThrow(ValidationError);
    expect(() => screen(index, { name: 'x y' }, { sources: ['eu'] })).toThrow(/unknown sources/);
  });

  it('explains each match in one line', () => {
    const match = top('Gilberto Rodriguez', { dob: '1939' })!;
    expect(match.explanation.summary).toContain('RODRIGUEZ OREJUELA, Gilberto Jose');
    expect(match.explanation.summary).toContain('gilberto = gilberto (exact)');
    expect(match.explanation.summary).toContain('not in query: orejuela, jose');
    expect(match.explanation.summary).toMatch(/DOB 1939/);
  });

  it('ranks best first and respects the limit', () => {
    const matches = screen(index, { name: 'Rodriguez Orejuela' }, { threshold: 0, limit: 1 });
    expect(matches).toHaveLength(1);
    const all = screen(index, { name: 'Miguel Angel Rodriguez Orejuela' }, { threshold: 0 });
    expect(all[0]!.entryId).toBe('ofac-sdn:4108');
    expect(all.map((m) => m.score)).toEqual([...all.map((m) => m.score)].sort((a, b) => b - a));
  });
});
