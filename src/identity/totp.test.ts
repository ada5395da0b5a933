import { describe, expect, it } from 'vitest';

import { base32Decode, base32Encode } from './base32.js';
import { DEFAULT_TOTP, hotp, matchTotp, newTotpSecret, totp, totpUri } from './totp.js';
import type { TotpAlgorithm } from './totp.js';

// RFC 6238 Appendix B seeds: the ASCII digits repeated to the hash's block-friendly length.
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};

// RFC 6238 Appendix B, 8 digits, 30 s steps.
const RFC6238: readonly [number, TotpAlgorithm, string][] = [
  [59, 'sha1', '94287082'],
  [59, 'sha256', '46119246'],
  [59, 'sha512', '90693936'],
  [1111111109, 'sha1', '07081804'],
  [1111111109, 'sha256', '68084774'],
  [1111111109, 'sha512', '25091201'],
  [1111111111, 'sha1', '14050471'],
  [1111111111, 'sha256', '67062674'],
  [1111111111, 'sha512', '99943326'],
  [1234567890, 'sha1', '89005924'],
  [1234567890, 'sha256', '91819424'],
  [1234567890, 'sha512', '93441116'],
  [2000000000, 'sha1', '69279037'],
  [2000000000, 'sha256', '90698825'],
  [2000000000, 'sha512', '38618901'],
  [20000000000, 'sha1', '65353130'],
  [20000000000, 'sha256', '77737706'],
  [20000000000, 'sha512', '47863826'],
];

// RFC 4226 Appendix D, counters 0–9, 6 digits.
const RFC4226 = [
  '755224',
  '287082',
  '359152',
  '969429',
  '338314',
  '254676',
  '287922',
  '162583',
  '399871',
  '520489',
];

describe('HOTP (RFC 4226)', () => {
  it.each(RFC4226.map((code, counter) => [counter, code] as const))(
    'counter %i gives %s',
    (counter, code) => {
      expect(hotp(SEEDS.sha1, BigInt(counter), 6, 'sha1')).toBe(code);
    },
  );
});

describe('TOTP (RFC 6238)', () => {
  it.each(RFC6238)('T=%i %s gives %s', (time, algorithm, code) => {
    expect(totp(SEEDS[algorithm], time, { ...DEFAULT_TOTP, digits: 8, algorithm })).toBe(code);
  });

  it('matches within one step of drift and names the step', () => {
    const code = totp(SEEDS.sha1, 1111111109);
    expect(matchTotp(SEEDS.sha1, code, 1111111109)).toBe(Math.floor(1111111109 / 30));
    expect(matchTotp(SEEDS.sha1, code, 1111111109 + 30)).toBe(Math.floor(1111111109 / 30));
    expect(matchTotp(SEEDS.sha1, code, 1111111109 + 90)).toBeUndefined();
  });

  it('refuses malformed codes', () => {
    for (const code of ['', '12345', '1234567', 'abcdef', '12 456', "1' OR 1=1"]) {
      expect(matchTotp(SEEDS.sha1, code, 59)).toBeUndefined();
    }
  });

  it('makes 160-bit base32 secrets and otpauth URIs', () => {
    const secret = newTotpSecret();
    expect(base32Decode(secret)).toHaveLength(20);
    expect(totpUri(secret, 'ana', 'Puente')).toMatch(/^otpauth:\/\/totp\/Puente%3Aana\?secret=/);
  });
});

describe('base32 (RFC 4648 test vectors)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%s ⇄ %s', (text, encoded) => {
    expect(base32Encode(Buffer.from(text))).toBe(encoded);
    expect(base32Decode(encoded).toString()).toBe(text);
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => base32Decode('MZ1W')).toThrow(/base32/);
  });
});
