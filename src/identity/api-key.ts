/**
 * API keys of service accounts: shown once, stored as a SHA-256 hash, scoped to a set of
 * permissions, revocable and always expiring.
 *
 * @module
 */
import { ValidationError } from '../core/errors.js';
import { isPermission } from './permissions.js';
import type { Permission } from './permissions.js';

/** Longest lifetime a key may be given: keys that never expire are forgotten, not revoked. */
export const MAX_API_KEY_DAYS = 366;

/** A stored API key (without its secret). */
export interface ApiKey {
  /** Public id, the middle part of the key string. */
  readonly id: string;
  readonly serviceAccountId: string;
  readonly name: string;
  readonly permissions: readonly Permission[];
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

/** A key about to be stored. */
export interface NewApiKey {
  readonly id: string;
  readonly serviceAccountId: string;
  readonly name: string;
  readonly keyHash: string;
  readonly permissions: readonly Permission[];
  readonly expiresAt: string;
}

/**
 * Why a key cannot be used now, or undefined when it can.
 *
 * @example
 * apiKeyProblem(key, new Date()); // 'revoked' | 'expired' | undefined
 */
export function apiKeyProblem(key: ApiKey, now: Date): 'revoked' | 'expired' | undefined {
  if (key.revokedAt !== null) {
    return 'revoked';
  }
  return now.getTime() >= Date.parse(key.expiresAt) ? 'expired' : undefined;
}

/**
 * Checks a requested scope: at least one known permission, none repeated.
 *
 * @throws ValidationError naming the first unknown permission.
 * @example
 * validateScope(['list.read', 'screening.run']);
 */
export function validateScope(permissions: readonly string[]): readonly Permission[] {
  if (permissions.length === 0) {
    throw new ValidationError('an API key needs at least one permission', { field: 'permissions' });
  }
  const bad = permissions.find((permission) => !isPermission(permission));
  if (bad !== undefined) {
    throw new ValidationError(`unknown permission "${bad}"`, { field: 'permissions' });
  }
  return [...new Set(permissions as readonly Permission[])];
}

/**
 * The expiry of a key valid for `days` days from `now`.
 *
 * @throws ValidationError when `days` is not 1 to `MAX_API_KEY_DAYS`.
 * @example
 * apiKeyExpiry(new Date(), 90);
 */
export function apiKeyExpiry(now: Date, days: number): string {
  if (!Number.isInteger(days) || days < 1 || days > MAX_API_KEY_DAYS) {
    throw new ValidationError(`an API key lives 1 to ${MAX_API_KEY_DAYS} days`, { field: 'days' });
  }
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000).toISOString();
}
