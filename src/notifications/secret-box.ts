/**
 * Webhook secrets at rest. A signing secret must be recoverable (the dispatcher signs every
 * delivery with it), so it cannot be hashed like a password or an API key; it is encrypted with
 * AES-256-GCM under a key kept outside the database, so a copy of the database alone does not
 * reveal it.
 *
 * @module
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { ConfigError, PuenteError } from '../core/errors.js';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const FORMAT = 'v1';

/** Encrypts and decrypts short secrets with one key. */
export interface SecretBox {
  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  seal(plaintext: string): string;
  /** The plaintext of `sealed`; throws when it was sealed under another key or altered. */
  open(sealed: string): string;
}

/**
 * A box over a 32-byte key.
 *
 * @example
 * const box = secretBox(randomBytes(32));
 * box.open(box.seal('whsec_…')) === 'whsec_…';
 */
export function secretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) {
    throw new ConfigError(`the secrets key must be ${KEY_BYTES} bytes, not ${key.length}`);
  }
  return {
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));
      return [FORMAT, ...parts].join('.');
    },
    open(sealed) {
      const [format, iv, tag, body] = sealed.split('.');
      if (format !== FORMAT || iv === undefined || tag === undefined || body === undefined) {
        throw new PuenteError('internal_error', 'a stored secret has an unknown format');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([
          decipher.update(Buffer.from(body, 'base64url')),
          decipher.final(),
        ]);
        return plain.toString('utf8');
      } catch (error) {
        throw new PuenteError(
          'internal_error',
          'a stored secret cannot be decrypted: was the secrets key replaced?',
          {},
          error,
        );
      }
    },
  };
}

/**
 * Reads the key file at `path`, creating it (mode 0600, 32 random bytes, base64) when missing.
 *
 * @throws ConfigError when the file exists but does not hold a 32-byte key.
 * @example
 * const box = secretBox(loadOrCreateSecretsKey('~/.puente/secrets.key'));
 */
export function loadOrCreateSecretsKey(path: string): Buffer {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, `${randomBytes(KEY_BYTES).toString('base64')}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
    chmodSync(path, 0o600);
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new ConfigError(`the secrets key file ${path} does not hold a ${KEY_BYTES}-byte key`, {
      field: 'notifications.secretsKeyPath',
    });
  }
  return key;
}
