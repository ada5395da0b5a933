/**
 * People and service accounts. A user logs in with a password (and optionally TOTP); a service
 * account never logs in and acts only through its API keys.
 *
 * @module
 */
import type { ClassificationLevel } from '../core/classification.js';
import { isClassificationLevel } from '../core/classification.js';
import { ValidationError } from '../core/errors.js';
import { isRole } from './permissions.js';
import type { Role } from './permissions.js';

/** Whether an account may authenticate. */
export type AccountStatus = 'active' | 'disabled';

/** A stored user, without secrets. */
export interface User {
  readonly id: string;
  readonly organizationId: string;
  /** Unique, lower case. */
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  /** Highest classification this person may read. */
  readonly clearance: ClassificationLevel;
  readonly status: AccountStatus;
  /** Set by an administrator's reset: the next login must choose a new password. */
  readonly mustChangePassword: boolean;
  readonly totpEnabled: boolean;
  readonly createdAt: string;
}

/** What creating a user needs; `passwordHash` comes from `hashPassword`. */
export interface NewUser {
  readonly organizationId: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly clearance: ClassificationLevel;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
}

/** A system identity of an organization; its API keys carry the permissions. */
export interface ServiceAccount {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly clearance: ClassificationLevel;
  readonly status: AccountStatus;
  readonly createdAt: string;
}

/** What creating a service account needs. */
export interface NewServiceAccount {
  readonly organizationId: string;
  readonly name: string;
  readonly clearance: ClassificationLevel;
}

const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

/**
 * Lower-cases and checks a username: 2–64 characters of letters, digits and `._@-`.
 *
 * @throws ValidationError for anything else.
 * @example
 * normalizeUsername(' Ana.Gomez '); // 'ana.gomez'
 */
export function normalizeUsername(username: string): string {
  const normalized = username.trim().toLowerCase();
  if (!USERNAME.test(normalized)) {
    throw new ValidationError('username must be 2–64 characters: letters, digits, . _ @ -', {
      field: 'username',
    });
  }
  return normalized;
}

/**
 * Checks a role list: at least one role, each known, no repeats.
 *
 * @throws ValidationError naming the first bad role.
 * @example
 * validateRoles(['analyst']);
 */
export function validateRoles(roles: readonly string[]): readonly Role[] {
  if (roles.length === 0) {
    throw new ValidationError('at least one role is required', { field: 'roles' });
  }
  const bad = roles.find((role) => !isRole(role));
  if (bad !== undefined) {
    throw new ValidationError(`unknown role "${bad}"`, { field: 'roles' });
  }
  return [...new Set(roles as readonly Role[])];
}

/**
 * Checks a clearance level.
 *
 * @throws ValidationError for an unknown level.
 * @example
 * validateClearance('secret');
 */
export function validateClearance(level: string): ClassificationLevel {
  if (!isClassificationLevel(level)) {
    throw new ValidationError(`unknown clearance "${level}"`, { field: 'clearance' });
  }
  return level;
}
