import { describe, expect, it } from 'vitest';
import { correctLegalWord, findLegalForms, legalReading } from './legal-forms.js';
import { analyzeName } from './name-tokens.js';

const legal = (name: string) =>
  analyzeName(name, 'entity')
    .tokens.filter((t) => t.kind === 'legal')
    .map((t) => t.text);

describe('legal forms', () => {
  it('maps every spelling of a form to one token', () => {
    expect(legal('X S.A.S.')).toEqual(['#sas']);
    expect(legal('X SAS')).toEqual(['#sas']);
    expect(legal('X Sociedad por Acciones Simplificada')).toEqual(['#sas']);
    expect(legal('X LTDA.')).toEqual(legal('X LIMITADA'));
    expect(legal('X, S.A. DE C.V.')).toEqual(legal('X SOCIEDAD ANONIMA DE CAPITAL VARIABLE'));
    expect(legal('X CIA.')).toEqual(legal('X COMPAÑIA'));
    expect(legal('C.I. X')).toEqual(['#ci']);
    expect(legal('X INC.')).toEqual(legal('X INCORPORATED'));
    expect(legal('X LLC')).toEqual(legal('LIMITED LIABILITY COMPANY X'));
    expect(legal('X GMBH')).toEqual(['#gmbh']);
  });

  it('reads the Russian OOO however its two adjectives are spelt', () => {
    expect(legal('OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU VALMA')).toEqual(['#ooo']);
  });

  it('recognises ambiguous short forms only at the end of a name', () => {
    expect(legal('SA DE LA PAZ LTDA')).toEqual(['#ltda']);
    expect(legal('BANCO X S.A.')).toEqual(['#sa']);
    expect(findLegalForms(['sa'])).toEqual([]);
  });

  it('keeps legal forms out of people’s names', () => {
    expect(analyzeName('SA, Corp', 'individual').tokens.every((t) => t.kind !== 'legal')).toBe(
      true,
    );
  });

  it('corrects a misspelt legal word', () => {
    expect(correctLegalWord('liimted')).toBe('limited');
    expect(correctLegalWord('compayn')).toBe('company');
    expect(correctLegalWord('esperanza')).toBe('esperanza');
  });

  it('corrects only into words one typo away, and never into a three-letter abbreviation', () => {
    expect(correctLegalWord('opne')).toBe('open');
    expect(correctLegalWord('isca')).toBe('isca');
    expect(correctLegalWord('iar')).toBe('iar');
  });

  it('reads short words as one-word legal forms, with one typo from three letters on', () => {
    expect(legalReading('co')).toEqual({ id: 'cia', exact: true });
    expect(legalReading('ldt')).toEqual({ id: 'ltd', exact: false });
    expect(legalReading('lc')).toEqual({ id: 'llc', exact: false });
    expect(legalReading('oo')).toEqual({ id: 'ooo', exact: false });
    expect(legalReading('limitde')).toEqual({ id: 'ltd', exact: false });
    expect(legalReading('sx')).toBeUndefined();
    expect(legalReading('garcia')).toBeUndefined();
  });
});
