import { describe, expect, it } from 'vitest';
import type { Alias, EntryLink } from '../../watchlist-entry.js';
import { normaliseName, resolveLinks, type LinkHolder } from './link-resolver.js';

const link = (name: string): EntryLink => ({
  relation: 'linked-to',
  name,
  text: `Linked To: ${name}`,
  origin: 'remarks',
});

const alias = (name: string): Alias => ({
  name,
  type: 'aka',
  strength: 'strong',
  origin: 'alt.csv',
});

function holder(
  sourceId: string,
  name: string,
  aliases: string[] = [],
  links: string[] = [],
): LinkHolder {
  return { sourceId, name, aliases: aliases.map(alias), links: links.map(link) };
}

describe('normaliseName', () => {
  it('uppercases, folds accents and punctuation, joins dotted abbreviations', () => {
    expect(normaliseName('Úsuga David, Dairo Antonio')).toBe('USUGA DAVID DAIRO ANTONIO');
    expect(normaliseName('RED MUNDIAL INMOBILIARIA, S.A. DE C.V.')).toBe(
      'RED MUNDIAL INMOBILIARIA SA DE CV',
    );
    expect(normaliseName("  AL-GAMA'AT  ")).toBe('AL GAMAAT');
    expect(normaliseName('...')).toBe('');
  });
});

describe('resolveLinks', () => {
  it('resolves a name that is the primary name of exactly one entry, whatever its punctuation', () => {
    const holders = [
      holder('1', 'RED MUNDIAL INMOBILIARIA, S.A. DE C.V.'),
      holder('2', 'PEREZ, Juan', [], ['Red Mundial Inmobiliaria S.A. de C.V.']),
    ];
    resolveLinks(holders);
    expect(holders[1]!.links[0]!.targetSourceId).toBe('1');
  });

  it('falls back to aliases only when no primary name matches', () => {
    const holders = [
      holder('1', 'SOCIO LARGO, Pedro', ['EL SOCIO']),
      holder('2', 'EL SOCIO'),
      holder('3', 'X', [], ['EL SOCIO']),
      holder('4', 'OTHER', ['LA FINCA']),
      holder('5', 'Y', [], ['LA FINCA']),
    ];
    resolveLinks(holders);
    expect(holders[2]!.links[0]!.targetSourceId).toBe('2');
    expect(holders[4]!.links[0]!.targetSourceId).toBe('4');
  });

  it('leaves ambiguous and unknown names unresolved', () => {
    const holders = [
      holder('1', 'GRUPO DUPLICADO S.A.'),
      holder('2', 'GRUPO DUPLICADO S.A.'),
      holder('3', 'A', ['SHARED ALIAS']),
      holder('4', 'B', ['SHARED ALIAS']),
      holder('5', 'C', [], ['GRUPO DUPLICADO SA', 'SHARED ALIAS', 'NOBODY']),
    ];
    resolveLinks(holders);
    expect(holders[4]!.links.map((each) => each.targetSourceId)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(holders[4]!.links[0]).not.toHaveProperty('targetSourceId');
  });
});
