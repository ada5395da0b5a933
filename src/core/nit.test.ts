import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { nitCheckDigit, validateNit } from './nit.js';

// Test vectors of docs/domain/colombia.md §4 (body, check digit).
const VECTORS: readonly (readonly [string, number])[] = [
  ['213123435', 1],
  ['16215230', 1],
  ['800197268', 4],
  ['900123456', 8],
  ['123456789', 6],
  ['830000000', 1],
];

describe('nitCheckDigit', () => {
  it.each(VECTORS)('computes the check digit of %s as %i', (body, digit) => {
    expect(nitCheckDigit(body)).toBe(digit);
  });

  it('ignores dots, dashes and spaces in the body', () => {
    expect(nitCheckDigit('800.197.268')).toBe(4);
    expect(nitCheckDigit('213 123 435')).toBe(1);
  });

  it('gives r itself when r is 0 or 1, and 11 - r otherwise', () => {
    // 830000000: s = 439, r = 10 -> 1; a single 0 digit: s = 0 -> 0.
    expect(nitCheckDigit('0')).toBe(0);
    expect(nitCheckDigit('1')).toBe(8); // s = 3, r = 3 -> 8
  });

  it('accepts up to 15 body digits and refuses more, none or non-digits', () => {
    expect(() => nitCheckDigit('123456789012345')).not.toThrow();
    expect(() => nitCheckDigit('1234567890123456')).toThrow(ValidationError);
    expect(() => nitCheckDigit('')).toThrow(ValidationError);
    expect(() => nitCheckDigit('80019726A')).toThrow(ValidationError);
  });
});

describe('validateNit', () => {
  it.each(VECTORS)('accepts %s with its check digit %i', (body, digit) => {
    expect(validateNit(`${body}-${digit}`)).toEqual({ body, checkDigit: digit, valid: true });
  });

  it('accepts dotted bodies and a bare digit string (last digit = check digit)', () => {
    expect(validateNit('800.197.268-4')).toEqual({
      body: '800197268',
      checkDigit: 4,
      valid: true,
    });
    expect(validateNit('8001972684')).toEqual({ body: '800197268', checkDigit: 4, valid: true });
  });

  it('flags a wrong check digit', () => {
    expect(validateNit('800197268-5')).toEqual({ body: '800197268', checkDigit: 5, valid: false });
    expect(validateNit('16215230-2').valid).toBe(false);
  });

  it('reports text that is no NIT as invalid without throwing', () => {
    expect(validateNit('ABC').valid).toBe(false);
    expect(validateNit('7').valid).toBe(false);
    expect(validateNit('1234567890123456-7')).toMatchObject({ valid: false });
  });
});
