/**
 * Base32 (RFC 4648 §6), the encoding authenticator apps expect for TOTP secrets.
 *
 * @module
 */
import { ValidationError } from '../core/errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Encodes bytes as unpadded base32.
 *
 * @example
 * base32Encode(Buffer.from('foobar')); // 'MZXW6YTBOI'
 */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += ALPHABET.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  return bits > 0 ? output + ALPHABET.charAt((value << (5 - bits)) & 31) : output;
}

/**
 * Decodes base32, ignoring case, spaces and padding.
 *
 * @throws ValidationError for a character outside the alphabet.
 * @example
 * base32Decode('MZXW6YTBOI').toString(); // 'foobar'
 */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const output: number[] = [];
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) {
      throw new ValidationError('not a base32 secret', { field: 'secret' });
    }
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      output.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(output);
}
