import { describe, expect, it } from 'vitest';
import { WatchlistParseError } from '../../../core/errors.js';
import { decodeXmlReferences } from './element-reader.js';
import {
  checkPublishedAt,
  isIsoDate,
  isoDatePart,
  partialDatePrecision,
} from '../shared/iso-dates.js';
import { detectScript } from './map-aliases.js';
import { documentTypeCode } from './map-documents.js';
import { decodeUtf8, LineIndex } from '../shared/text-input.js';

describe('decodeUtf8', () => {
  it('drops a byte-order mark', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFsí'), 'f')).toBe('sí');
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
  ])('names the line of %s', (_what, bytes) => {
    const input = Buffer.concat([
      Buffer.from('one\ntwo\nth'),
      Buffer.from(bytes),
      Buffer.from('ree\n'),
    ]);
    expect(() => decodeUtf8(input, 'f.xml')).toThrow(WatchlistParseError);
    expect(() => decodeUtf8(input, 'f.xml')).toThrow(/^f\.xml:3: invalid UTF-8/);
  });
});

describe('LineIndex', () => {
  it('maps offsets to 1-based lines', () => {
    const lines = new LineIndex('ab\ncd\n\nef');
    expect([0, 2, 3, 6, 7, 9, 100].map((offset) => lines.lineAt(offset))).toEqual([
      1, 1, 2, 3, 4, 4, 4,
    ]);
  });
});

describe('ISO dates', () => {
  it('accepts only calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('20230101')).toBe(false);
  });

  it('tells the precision of partial dates', () => {
    expect(
      ['1970', '1970-07', '1970-07-04', '1970-7', '70', '1970-00'].map(partialDatePrecision),
    ).toEqual(['year', 'month', 'day', undefined, undefined, undefined]);
  });

  it('takes the date part of zoned dates and timestamps', () => {
    expect(isoDatePart('2015-04-07-04:00')).toBe('2015-04-07');
    expect(isoDatePart('2026-02-27T00:00:09.554Z')).toBe('2026-02-27');
    expect(isoDatePart('2026-02-27Z')).toBe('2026-02-27');
    expect(isoDatePart('2026-02-31')).toBeUndefined();
    expect(isoDatePart('27/02/2026')).toBeUndefined();
  });

  it('checks caller-supplied publication dates', () => {
    expect(checkPublishedAt('2026-02-27T10:00:00Z')).toBe('2026-02-27T10:00:00Z');
    expect(() => checkPublishedAt('yesterday')).toThrow(/publishedAt/);
  });
});

describe('decodeXmlReferences', () => {
  it('decodes predefined entities and character references only', () => {
    expect(
      decodeXmlReferences('A &amp; B &lt;&gt;&quot;&apos; &#233;&#xE9; &nbsp; &#0; &#x110000;'),
    ).toBe('A & B <>"\' éé &nbsp; &#0; &#x110000;');
  });
});

describe('detectScript', () => {
  it('returns ISO 15924 codes for non-Latin names', () => {
    expect(
      [
        'Ahmad',
        'José Núñez',
        'أحمد',
        'Иван',
        '김정은',
        '金正恩',
        'カタカナ',
        'Ἀλέξανδρος',
        'ሰላም',
      ].map(detectScript),
    ).toEqual([undefined, undefined, 'Arab', 'Cyrl', 'Hang', 'Hani', 'Jpan', 'Grek', 'Ethi']);
  });
});

describe('documentTypeCode', () => {
  it.each([
    ['Passport', undefined, 'passport'],
    ['Numéro de passeport', undefined, 'passport'],
    ['National Identification Number', 'United States Social Security Number:', 'ssn'],
    ['National Identification Number', 'Italian Fiscal Code:', 'tax-id'],
    ['National Identification Number', 'Birth certificate', 'birth-certificate'],
    ['National Identification Number', 'Other ID', 'national-id'],
    ['Passport', 'number:', 'passport'],
    [undefined, 'Residential card number 665', 'residence-permit'],
    [undefined, 'Something else', 'other'],
  ])('%s / %s → %s', (type, type2, code) => {
    expect(documentTypeCode(type2, type)).toBe(code);
  });
});
