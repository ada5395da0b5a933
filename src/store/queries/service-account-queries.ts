/**
 * Service accounts and their API keys: the half of the identity port that systems use.
 * `IdentityQueries` extends it with organizations, users and sessions.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { AuditContext, AuditEventInput } from '../../audit/audit-event.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import type { ApiKey, NewApiKey } from '../../identity/api-key.js';
import type { ApiKeyPrincipal } from '../../identity/identity-store.js';
import type { NewServiceAccount, ServiceAccount } from '../../identity/user.js';
import type { Database } from '../schema.js';
import { auditedWrite } from './audit-queries.js';
import type { Clock } from './audit-queries.js';
import { selectApiKeyPrincipal } from './identity-principals.js';
import { toApiKey, toServiceAccount } from './identity-rows.js';

/**
 * Stores service accounts and API keys; keys only as their SHA-256 hash.
 *
 * @example
 * const account = await queries.createServiceAccount({ organizationId, name: 'core-banking', clearance: 'unclassified' }, audit);
 */
export class ServiceAccountQueries {
  readonly #listeners = new Set<() => void>();

  constructor(
    protected readonly db: Kysely<Database>,
    protected readonly clock: Clock,
  ) {}

  /** {@inheritDoc IdentityStore.onChange} */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** {@inheritDoc IdentityStore.findApiKeyPrincipal} */
  findApiKeyPrincipal(id: string): Promise<ApiKeyPrincipal | undefined> {
    return selectApiKeyPrincipal(this.db, id);
  }

  /**
   * `auditedWrite`, then tells the change listeners. They run only after commit: a failed
   * write changed nothing.
   */
  protected async audited<T>(
    audit: AuditContext,
    write: (trx: Kysely<Database>, now: Date) => Promise<{ result: T; event: AuditEventInput }>,
  ): Promise<T> {
    const result = await auditedWrite(this.db, this.clock, audit, write);
    for (const listener of this.#listeners) {
      listener();
    }
    return result;
  }

  /** Creates a service account; `ConflictError` when the organization already has the name. */
  createServiceAccount(input: NewServiceAccount, audit: AuditContext): Promise<ServiceAccount> {
    return this.audited(audit, async (trx, now) => {
      const taken = await trx
        .selectFrom('service_account')
        .select('id')
        .where('organization_id', '=', input.organizationId)
        .where('name', '=', input.name)
        .executeTakeFirst();
      if (taken !== undefined) {
        throw new ConflictError(`a service account named "${input.name}" exists`, {
          field: 'name',
        });
      }
      const row = {
        id: randomUUID(),
        organization_id: input.organizationId,
        name: input.name,
        clearance: input.clearance,
        status: 'active',
        created_at: now.toISOString(),
      };
      await trx.insertInto('service_account').values(row).execute();
      const event = {
        action: 'service-account.create',
        targetType: 'service-account',
        targetId: row.id,
        details: { name: input.name },
      };
      return { result: toServiceAccount(row), event };
    });
  }

  /** One service account, or undefined. */
  async findServiceAccount(id: string): Promise<ServiceAccount | undefined> {
    const row = await this.db
      .selectFrom('service_account')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toServiceAccount(row);
  }

  /** Service accounts, by name; optionally of one organization. */
  async listServiceAccounts(organizationId?: string): Promise<readonly ServiceAccount[]> {
    const rows = await this.db
      .selectFrom('service_account')
      .selectAll()
      .$if(organizationId !== undefined, (q) => q.where('organization_id', '=', organizationId!))
      .orderBy('name')
      .execute();
    return rows.map(toServiceAccount);
  }

  /** Stores a new key (its hash); `NotFoundError` for an unknown service account. */
  createApiKey(input: NewApiKey, audit: AuditContext): Promise<ApiKey> {
    return this.audited(audit, async (trx, now) => {
      if ((await this.findAccountIn(trx, input.serviceAccountId)) === undefined) {
        throw new NotFoundError('service account', input.serviceAccountId);
      }
      const row = {
        id: input.id,
        service_account_id: input.serviceAccountId,
        name: input.name,
        key_hash: input.keyHash,
        permissions: JSON.stringify(input.permissions),
        created_at: now.toISOString(),
        expires_at: input.expiresAt,
        revoked_at: null,
        last_used_at: null,
      };
      await trx.insertInto('api_key').values(row).execute();
      const details = {
        serviceAccountId: input.serviceAccountId,
        permissions: input.permissions,
        expiresAt: input.expiresAt,
      };
      return {
        result: toApiKey(row),
        event: { action: 'api-key.create', targetType: 'api-key', targetId: input.id, details },
      };
    });
  }

  /** A key with its stored hash, or undefined. */
  async findApiKey(
    id: string,
  ): Promise<{ readonly key: ApiKey; readonly keyHash: string } | undefined> {
    const row = await this.db
      .selectFrom('api_key')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : { key: toApiKey(row), keyHash: row.key_hash };
  }

  /** Keys, newest first; optionally of one service account. */
  async listApiKeys(serviceAccountId?: string): Promise<readonly ApiKey[]> {
    const rows = await this.db
      .selectFrom('api_key')
      .selectAll()
      .$if(serviceAccountId !== undefined, (q) =>
        q.where('service_account_id', '=', serviceAccountId!),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toApiKey);
  }

  /** Revokes a key (idempotent: the first revocation time is kept). */
  revokeApiKey(id: string, at: string, audit: AuditContext): Promise<ApiKey> {
    return this.audited(audit, async (trx) => {
      await trx
        .updateTable('api_key')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
      const row = await trx
        .selectFrom('api_key')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (row === undefined) {
        throw new NotFoundError('API key', id);
      }
      return {
        result: toApiKey(row),
        event: { action: 'api-key.revoke', targetType: 'api-key', targetId: id },
      };
    });
  }

  /** Records the key's last use (not audited: every request would be an event). */
  async touchApiKey(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_key').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  private findAccountIn(trx: Kysely<Database>, id: string) {
    return trx.selectFrom('service_account').select('id').where('id', '=', id).executeTakeFirst();
  }
}
