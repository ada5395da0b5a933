/**
 * TOTP secrets at rest. A second-factor secret must be recoverable (every login computes codes
 * from it), so it cannot be hashed; it is encrypted with a key kept outside the database
 * (`auth.totpKeyPath`), so a copy of the database alone yields no usable second factor.
 *
 * @module
 */

/** Encrypts and decrypts short secrets with one key (AES-256-GCM in production wiring). */
export interface SecretSealer {
  seal(plaintext: string): string;
  /** @throws when `sealed` was sealed under another key or altered. */
  open(sealed: string): string;
}

/** Keeps secrets as they are: only for use cases built by hand in unit tests. */
export const UNSEALED: SecretSealer = { seal: (plaintext) => plaintext, open: (sealed) => sealed };

/**
 * The base32 secret of a stored value. Sealed values contain dots (`v1.<iv>.<tag>.<body>`) and
 * base32 never does, so secrets stored before encryption was introduced still open.
 *
 * @example
 * const secret = openTotpSecret(sealer, credentials.totpSecret);
 */
export function openTotpSecret(sealer: SecretSealer, stored: string): string {
  return stored.includes('.') ? sealer.open(stored) : stored;
}
