import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { screeningFixture } from '../../test/fixtures/screening/entries.js';
import { screen } from './screen.js';
import { buildScreeningIndex } from './screening-index.js';
import type { ScreeningOptions, ScreeningQuery } from './screening-types.js';

const index = buildScreeningIndex(screeningFixture());

/** The `details.field` of the ValidationError thrown by screening `query` with `options`. */
function refusedField(query: unknown, options: unknown = {}): unknown {
  try {
    screen(index, query as ScreeningQuery, options as ScreeningOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details.field;
  }
  throw new Error('expected a ValidationError');
}

describe('screening input validation', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', '   \t  '],
    ['10,000 characters', 'A'.repeat(10_000)],
    ['control characters', 'Juan\u0000Perez'],
    ['a newline', 'Juan\nPerez'],
    ['a bidi override', 'Juan \u202EzereP'],
    ['a lone surrogate', 'Juan \uD800 Perez'],
    ['a word mixing Latin and Cyrillic (homoglyph)', 'Mоhammed Ali'],
    ['no letters or digits', '--- ...'],
    ['a number instead of a string', 42],
  ])('refuses a name with %s', (_, name) => {
    expect(refusedField({ name })).toBe('name');
  });

  it('refuses a name longer than 512 characters once normalized', () => {
    const words = Array.from({ length: 120 }, (_, i) => `Nombre${i}`).join(' ');
    expect(refusedField({ name: words })).toBe('name');
  });

  it('accepts names in several scripts, one script per word', () => {
    expect(() => screen(index, { name: 'Saddam صدام' })).not.toThrow();
    expect(() => screen(index, { name: '田中さん' })).not.toThrow();
  });

  it.each(['2023-02-30', '1800', '1990-13', 'yesterday', '31/01/1939', '2999'])(
    'refuses the date %s',
    (dob) => {
      expect(refusedField({ name: 'Juan Perez', dob })).toBe('dob');
    },
  );

  it('refuses unknown countries, types and documents without digits or letters', () => {
    expect(refusedField({ name: 'Juan Perez', country: 'Narnia' })).toBe('country');
    expect(refusedField({ name: 'Juan Perez', type: 'person' })).toBe('type');
    expect(refusedField({ name: 'Juan Perez', document: '--' })).toBe('document');
  });

  it('refuses unknown query fields and options (typos must not pass silently)', () => {
    expect(refusedField({ name: 'Juan Perez', birthdate: '1980' })).toBe('birthdate');
    expect(refusedField({ name: 'Juan Perez' }, { program: ['SDNT'] })).toBe('program');
  });

  it.each([
    [{ threshold: 1.5 }, 'threshold'],
    [{ threshold: Number.NaN }, 'threshold'],
    [{ limit: 0 }, 'limit'],
    [{ limit: 2.5 }, 'limit'],
    [{ programs: ['SDNK'] }, 'programs'],
    [{ programs: [] }, 'programs'],
    [{ sources: ['eu-fsf'] }, 'sources'],
    [{ entityTypes: ['company'] }, 'entityTypes'],
    [{ countries: ['Atlantis'] }, 'countries'],
  ])('refuses the options %j', (options, field) => {
    expect(refusedField({ name: 'Juan Perez' }, options)).toBe(field);
  });

  it('accepts known filters case-insensitively and country codes or names', () => {
    const options = {
      programs: ['sdnt'],
      countries: ['co', 'Colombia'],
      entityTypes: ['individual'] as const,
    };
    expect(() =>
      screen(index, { name: 'Gilberto Rodriguez', country: 'CO' }, options),
    ).not.toThrow();
  });
});
