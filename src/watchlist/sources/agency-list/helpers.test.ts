import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/errors.js';
import { csvFieldName, headerColumns } from './csv-list.js';
import { documentTypeCode } from './document-types.js';
import { jsonFieldName } from './json-list.js';
import { entryOffsets } from './json-offsets.js';
import { checkSourceId } from './source-id.js';

describe('entryOffsets', () => {
  it('finds where each element of the top-level entries array starts', () => {
    const json =
      '{"label":"entries","tags":["a","b"],"entries":[ {"id":"[x]"} ,\n{"id":"a\\"b"}, "s", [1]],"more":[1,2]}';
    const offsets = entryOffsets(json);
    expect(offsets.map((offset) => json.slice(offset, offset + 5))).toEqual([
      '{"id"',
      '{"id"',
      '"s", ',
      '[1]],',
    ]);
  });

  it('ignores nested entries keys and keeps the last top-level one', () => {
    expect(entryOffsets('{"x":{"entries":[1,2]}}')).toEqual([]);
    expect(entryOffsets('{"entries":[1],"entries":[ 2 ]}')).toEqual([27]);
  });
});

describe('checkSourceId', () => {
  it('accepts lowercase ids of 2 to 40 characters', () => {
    expect(checkSourceId('kingpins-col', 'source')).toBe('kingpins-col');
    expect(checkSourceId('a1', 'source')).toBe('a1');
  });

  it.each(['a', '1abc', 'Kingpins', 'kingpins_col', 'x'.repeat(41), 'un', 'ofac-sdn'])(
    'refuses %s',
    (id) => {
      expect(() => checkSourceId(id, 'source')).toThrow(ValidationError);
    },
  );
});

describe('documentTypeCode', () => {
  it.each([
    ['Cédula de Ciudadanía', 'cedula'],
    ['CC', 'cedula'],
    ['Pasaporte', 'passport'],
    ['NIT', 'nit'],
    ["Driver's License", 'driver-license'],
    ['RFC', 'rfc'],
    ['  ', 'other'],
  ])('%s → %s', (type, code) => {
    expect(documentTypeCode(type)).toBe(code);
  });
});

describe('field names', () => {
  it('names zod paths for JSON and CSV', () => {
    expect(jsonFieldName(['documents', 1, 'number'])).toBe('documents[1].number');
    expect(jsonFieldName([])).toBe('entry');
    expect(csvFieldName(['birthDates', 0])).toBe('birth_dates[0]');
    expect(csvFieldName(['addresses', 0, 'postalCode'])).toBe('postal_code');
    expect(csvFieldName(['name'])).toBe('name');
  });

  it('reads header columns for sniffing', () => {
    expect(headerColumns('"ID", Name ,birth_dates')).toEqual(['id', 'name', 'birth_dates']);
  });
});
