/**
 * Colombian NIT (Número de Identificación Tributaria) check digit, as DIAN computes it:
 * weights 3, 7, 13, 17, … applied from the rightmost digit of the body, `s mod 11`, and the
 * check digit is `r` when `r` is 0 or 1, else `11 − r`. See docs/domain/colombia.md §4.
 *
 * @module
 */
import { ValidationError } from './errors.js';

// Prime weights from the rightmost body digit leftwards; 15 of them bound the body length.
const WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71] as const;
const MAX_BODY_DIGITS = WEIGHTS.length;
// Separators people write inside a NIT: `800.197.268-4`, `800 197 268 - 4`.
const SEPARATORS = /[.\s-]/g;
const DIGITS_ONLY = /^\d+$/;
// A body and its check digit, as written with a separating dash.
const BODY_DASH_DIGIT = /^([\d.\s]+)-\s*(\d)$/;

/** A NIT split into body and check digit, with the verdict of the check. */
export interface NitCheck {
  /** The body digits without separators. */
  readonly body: string;
  /** The check digit as written, when one was written. */
  readonly checkDigit?: number;
  /** True when a check digit was written and it matches the body. */
  readonly valid: boolean;
}

/**
 * The check digit of a NIT body (1–15 digits; `.`, `-` and spaces are ignored).
 * Throws `ValidationError` for anything else.
 * @example
 * nitCheckDigit('800197268'); // 4
 */
export function nitCheckDigit(body: string): number {
  const digits = body.replace(SEPARATORS, '');
  if (!DIGITS_ONLY.test(digits) || digits.length > MAX_BODY_DIGITS) {
    throw new ValidationError(`a NIT body is 1 to ${MAX_BODY_DIGITS} digits: "${body}"`, {
      field: 'nit',
    });
  }
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    sum += Number(digits[digits.length - 1 - i]) * WEIGHTS[i]!;
  }
  const remainder = sum % 11;
  return remainder < 2 ? remainder : 11 - remainder;
}

/**
 * Splits a written NIT into body and check digit and checks it. Accepts `800197268-4`,
 * `800.197.268-4` and a bare body followed by its digit (`8001972684`, read as body + digit).
 * Text that is not a NIT at all yields `valid: false` with whatever digits it held as body.
 * @example
 * validateNit('NIT 16215230-1'.slice(4)); // { body: '16215230', checkDigit: 1, valid: true }
 */
export function validateNit(text: string): NitCheck {
  const trimmed = text.trim();
  const dashed = BODY_DASH_DIGIT.exec(trimmed);
  if (dashed !== null) {
    return check(dashed[1]!.replace(SEPARATORS, ''), Number(dashed[2]));
  }
  const digits = trimmed.replace(SEPARATORS, '');
  if (!DIGITS_ONLY.test(digits) || digits.length < 2) {
    return { body: digits.replace(/\D/g, ''), valid: false };
  }
  return check(digits.slice(0, -1), Number(digits.slice(-1)));
}

function check(body: string, checkDigit: number): NitCheck {
  if (body.length === 0 || body.length > MAX_BODY_DIGITS) {
    return { body, checkDigit, valid: false };
  }
  return { body, checkDigit, valid: nitCheckDigit(body) === checkDigit };
}
