/**
 * The Ed25519 key that signs audit checkpoints. It is generated on first use into a file
 * outside the repository (mode 0600, never committed) and only ever read from there; the store
 * keeps signatures, never the private key, so whoever can rewrite the database still cannot
 * forge a checkpoint.
 *
 * @module
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { ConfigError } from '../core/errors.js';
import { sha256Hex } from '../core/hash.js';

/** A loaded key pair. */
export interface AuditSigningKey {
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER). */
  readonly keyId: string;
  /** The public key as PEM, for auditors who verify elsewhere. */
  readonly publicKeyPem: string;
  /** Signs bytes; base64 signature. */
  sign(data: string): string;
  /** Checks a base64 signature made by this key. */
  verify(data: string, signature: string): boolean;
}

/**
 * Reads the PKCS#8 PEM private key at `path`, creating folder and key when missing.
 *
 * @throws ConfigError when the file exists but is not an Ed25519 private key.
 * @example
 * const key = loadOrCreateSigningKey('/var/lib/puente/audit-ed25519.pem');
 */
export function loadOrCreateSigningKey(path: string): AuditSigningKey {
  if (!existsSync(path)) {
    createKeyFile(path);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(path));
  } catch {
    throw new ConfigError(`audit signing key ${path} is not a PEM private key`, {
      field: 'audit.signingKeyPath',
    });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError(`audit signing key ${path} is not an Ed25519 key`, {
      field: 'audit.signingKeyPath',
    });
  }
  return fromPrivateKey(privateKey);
}

function createKeyFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  try {
    // `wx` fails if another process created the key meanwhile; that key is then used.
    writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
  }
}

function fromPrivateKey(privateKey: KeyObject): AuditSigningKey {
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    keyId: sha256Hex(der).slice(0, 16),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (data) => sign(null, Buffer.from(data, 'utf8'), privateKey).toString('base64'),
    verify: (data, signature) => safeVerify(publicKey, data, signature),
  };
}

function safeVerify(publicKey: KeyObject, data: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(data, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
