/**
 * What authentication reads on every request, in one query each: an API key with its service
 * account and organization, or a session with its user and organization.
 *
 * @module
 */
import type { Kysely } from 'kysely';

import type { ApiKeyPrincipal, SessionPrincipal } from '../../identity/identity-store.js';
import type { Database } from '../schema.js';
import { toApiKey, toOrganization, toServiceAccount, toSession, toUser } from './identity-rows.js';

/**
 * The key `id` joined with its service account and their organization, or undefined.
 *
 * @example
 * const principal = await selectApiKeyPrincipal(db, 'k3y1d');
 */
export async function selectApiKeyPrincipal(
  db: Kysely<Database>,
  id: string,
): Promise<ApiKeyPrincipal | undefined> {
  const row = await db
    .selectFrom('api_key as k')
    .innerJoin('service_account as a', 'a.id', 'k.service_account_id')
    .innerJoin('organization as o', 'o.id', 'a.organization_id')
    .selectAll('k')
    .select([
      'a.organization_id as account_organization_id',
      'a.name as account_name',
      'a.clearance as account_clearance',
      'a.status as account_status',
      'a.created_at as account_created_at',
      'o.name as organization_name',
      'o.kind as organization_kind',
      'o.country as organization_country',
      'o.created_at as organization_created_at',
    ])
    .where('k.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) {
    return undefined;
  }
  return {
    key: toApiKey(row),
    keyHash: row.key_hash,
    account: toServiceAccount({
      id: row.service_account_id,
      organization_id: row.account_organization_id,
      name: row.account_name,
      clearance: row.account_clearance,
      status: row.account_status,
      created_at: row.account_created_at,
    }),
    organization: toOrganization({
      id: row.account_organization_id,
      name: row.organization_name,
      kind: row.organization_kind,
      country: row.organization_country,
      created_at: row.organization_created_at,
    }),
  };
}

/**
 * The session of `tokenHash` joined with its user and the user's organization, or undefined.
 *
 * @example
 * const principal = await selectSessionPrincipal(db, hashToken(token));
 */
export async function selectSessionPrincipal(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<SessionPrincipal | undefined> {
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('organization as o', 'o.id', 'u.organization_id')
    .selectAll('u')
    .select([
      's.token_hash',
      's.created_at as session_created_at',
      's.last_seen_at',
      's.expires_at',
      's.ip',
      'o.name as organization_name',
      'o.kind as organization_kind',
      'o.country as organization_country',
      'o.created_at as organization_created_at',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (row === undefined) {
    return undefined;
  }
  return {
    session: toSession({
      token_hash: row.token_hash,
      user_id: row.id,
      created_at: row.session_created_at,
      last_seen_at: row.last_seen_at,
      expires_at: row.expires_at,
      ip: row.ip,
    }),
    user: toUser(row),
    organization: toOrganization({
      id: row.organization_id,
      name: row.organization_name,
      kind: row.organization_kind,
      country: row.organization_country,
      created_at: row.organization_created_at,
    }),
  };
}
