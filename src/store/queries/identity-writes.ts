/**
 * Identity writes that run inside a caller's transaction (so they can share it with the audit
 * event and with each other, as `bootstrap` does).
 *
 * @module
 */
import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import { ConflictError, NotFoundError } from '../../core/errors.js';
import type { NewOrganization, Organization } from '../../identity/organization.js';
import type { User, NewUser } from '../../identity/user.js';
import type { UserChanges } from '../../identity/identity-store.js';
import type { Database } from '../schema.js';
import { toOrganization, toUser } from './identity-rows.js';

/**
 * Inserts an organization with a new id.
 *
 * @throws ConflictError when the name is taken.
 */
export async function insertOrganization(
  trx: Kysely<Database>,
  input: NewOrganization,
  now: Date,
): Promise<Organization> {
  const taken = await trx
    .selectFrom('organization')
    .select('id')
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (taken !== undefined) {
    throw new ConflictError(`an organization named "${input.name}" exists`, { field: 'name' });
  }
  const row = { id: randomUUID(), ...input, created_at: now.toISOString() };
  await trx.insertInto('organization').values(row).execute();
  return toOrganization(row);
}

/**
 * Inserts a user with a new id.
 *
 * @throws ConflictError when the username is taken; NotFoundError for an unknown organization.
 */
export async function insertUser(trx: Kysely<Database>, input: NewUser, now: Date): Promise<User> {
  const organization = await trx
    .selectFrom('organization')
    .select('id')
    .where('id', '=', input.organizationId)
    .executeTakeFirst();
  if (organization === undefined) {
    throw new NotFoundError('organization', input.organizationId);
  }
  const taken = await trx
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (taken !== undefined) {
    throw new ConflictError(`the username "${input.username}" is taken`, { field: 'username' });
  }
  const at = now.toISOString();
  const row = {
    id: randomUUID(),
    organization_id: input.organizationId,
    username: input.username,
    display_name: input.displayName,
    roles: JSON.stringify(input.roles),
    clearance: input.clearance,
    status: 'active',
    password_hash: input.passwordHash,
    must_change_password: input.mustChangePassword ? 1 : 0,
    failed_logins: 0,
    locked_until: null,
    totp_secret: null,
    totp_enabled: 0,
    totp_last_step: null,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('app_user').values(row).execute();
  return toUser(row);
}

/**
 * Applies `changes` to a user; disabling also ends the user's sessions.
 *
 * @throws NotFoundError for an unknown user.
 */
export async function updateUserRow(
  trx: Kysely<Database>,
  id: string,
  changes: UserChanges,
  now: Date,
): Promise<User> {
  const row = await trx
    .updateTable('app_user')
    .set({
      updated_at: now.toISOString(),
      ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
      ...(changes.roles === undefined ? {} : { roles: JSON.stringify(changes.roles) }),
      ...(changes.clearance === undefined ? {} : { clearance: changes.clearance }),
      ...(changes.status === undefined ? {} : { status: changes.status }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (row === undefined) {
    throw new NotFoundError('user', id);
  }
  if (changes.status === 'disabled') {
    await trx.deleteFrom('user_session').where('user_id', '=', id).execute();
  }
  return toUser(row);
}

/**
 * Replaces the password hash, clears the lock-out and ends every session.
 *
 * @throws NotFoundError for an unknown user.
 */
export async function updatePassword(
  trx: Kysely<Database>,
  id: string,
  passwordHash: string,
  mustChange: boolean,
  now: Date,
): Promise<void> {
  const result = await trx
    .updateTable('app_user')
    .set({
      password_hash: passwordHash,
      must_change_password: mustChange ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    throw new NotFoundError('user', id);
  }
  await trx.deleteFrom('user_session').where('user_id', '=', id).execute();
}
