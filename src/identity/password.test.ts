import { describe, expect, it } from 'vitest';

import {
  MIN_SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  validateNewPassword,
  verifyPassword,
} from './password.js';

describe('passwords (scrypt)', () => {
  it('hashes with a random salt and verifies only the right password', async () => {
    const first = await hashPassword('correct horse battery', MIN_SCRYPT_PARAMS);
    const second = await hashPassword('correct horse battery', MIN_SCRYPT_PARAMS);
    expect(first).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterY', first)).toBe(false);
    expect(await verifyPassword('', first)).toBe(false);
  });

  it('uses the production parameters by default: N=2^15, r=8, p=3', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored.startsWith('scrypt$15$8$3$')).toBe(true);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
  });

  it('treats malformed or abusive stored hashes as mismatches', async () => {
    for (const stored of [
      '',
      'plain',
      'bcrypt$x',
      'scrypt$30$8$1$c2FsdA==$a2V5',
      'scrypt$10$8$1$c2FsdA==',
    ]) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
    expect(await verifyPassword('x'.repeat(2000), await hashPassword('x', MIN_SCRYPT_PARAMS))).toBe(
      false,
    );
  });

  it('asks to rehash weaker hashes', async () => {
    expect(needsRehash(await hashPassword('correct horse battery', MIN_SCRYPT_PARAMS))).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });

  it('enforces length and refuses the username inside the password', () => {
    expect(() => {
      validateNewPassword('short', 'ana');
    }).toThrow(/12 to 1024/);
    expect(() => {
      validateNewPassword('my name is ana gomez', 'ana');
    }).toThrow(/username/);
    expect(() => {
      validateNewPassword('a sufficiently long phrase', 'ana.g');
    }).not.toThrow();
  });
});
