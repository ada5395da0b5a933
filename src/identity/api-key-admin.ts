/**
 * Administration of service accounts and their API keys, within the actor's own organization.
 *
 * @module
 */
import type { AuditContext } from '../audit/audit-event.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { displayName } from './account-admin.js';
import { requirePermission } from './actor.js';
import type { Actor } from './actor.js';
import { apiKeyExpiry, validateScope } from './api-key.js';
import type { ApiKey } from './api-key.js';
import type { IdentityStore } from './identity-store.js';
import { Permission } from './permissions.js';
import { hashToken, newApiKey } from './secret-tokens.js';
import { validateClearance } from './user.js';
import type { ServiceAccount } from './user.js';

/** A new key: its record, and the secret shown this once. */
export interface IssuedApiKey {
  readonly key: ApiKey;
  readonly secret: string;
}

/** A key as the administration lists it: its record and its service account's name. */
export interface ListedApiKey extends ApiKey {
  readonly serviceAccountName: string;
}

/**
 * Service-account and API-key use cases (`api-key.manage`).
 *
 * @example
 * const keys = new ApiKeyAdmin(store.identity);
 * const { secret } = await keys.issueApiKey(actor, { serviceAccountId, name: 'prod', permissions: ['screening.run'], days: 90 }, context);
 */
export class ApiKeyAdmin {
  constructor(
    private readonly identity: IdentityStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Creates a service account in the actor's organization. */
  async createServiceAccount(
    actor: Actor,
    name: string,
    clearance: string,
    context: AuditContext,
  ): Promise<ServiceAccount> {
    requirePermission(actor, Permission.ApiKeyManage);
    const input = {
      organizationId: actor.organizationId,
      name: displayName(name),
      clearance: validateClearance(clearance),
    };
    return await this.identity.createServiceAccount(input, context);
  }

  /** Service accounts of the actor's organization. */
  async listServiceAccounts(actor: Actor): Promise<readonly ServiceAccount[]> {
    requirePermission(actor, Permission.ApiKeyManage);
    return await this.identity.listServiceAccounts(actor.organizationId);
  }

  /**
   * Keys of the service accounts of the actor's organization, newest first, each with its
   * account's name. Records only: the secret was never stored, and the hash is not in them.
   */
  async listApiKeys(actor: Actor): Promise<readonly ListedApiKey[]> {
    requirePermission(actor, Permission.ApiKeyManage);
    const accounts = await this.identity.listServiceAccounts(actor.organizationId);
    const names = new Map(accounts.map((account) => [account.id, account.name]));
    const keys = await this.identity.listApiKeys();
    return keys.flatMap((key) => {
      const serviceAccountName = names.get(key.serviceAccountId);
      return serviceAccountName === undefined ? [] : [{ ...key, serviceAccountName }];
    });
  }

  /**
   * Issues a key for a service account of the actor's organization. Its scope may not exceed
   * the actor's own permissions, so no one can mint more access than they hold.
   */
  async issueApiKey(
    actor: Actor,
    request: {
      serviceAccountId: string;
      name: string;
      permissions: readonly string[];
      days: number;
    },
    context: AuditContext,
  ): Promise<IssuedApiKey> {
    requirePermission(actor, Permission.ApiKeyManage);
    await this.ownServiceAccount(actor, request.serviceAccountId);
    const permissions = validateScope(request.permissions);
    const beyond = permissions.find((permission) => !actor.permissions.has(permission));
    if (beyond !== undefined) {
      throw new ValidationError(`a key cannot carry ${beyond}, which you do not hold`, {
        field: 'permissions',
      });
    }
    const { id, key: secret } = newApiKey();
    const input = {
      id,
      serviceAccountId: request.serviceAccountId,
      name: displayName(request.name),
      keyHash: hashToken(secret),
      permissions,
      expiresAt: apiKeyExpiry(this.clock(), request.days),
    };
    return { key: await this.identity.createApiKey(input, context), secret };
  }

  /** Revokes a key of the actor's organization. */
  async revokeApiKey(actor: Actor, keyId: string, context: AuditContext): Promise<ApiKey> {
    requirePermission(actor, Permission.ApiKeyManage);
    const found = await this.identity.findApiKey(keyId);
    if (found === undefined) {
      throw new NotFoundError('API key', keyId);
    }
    await this.ownServiceAccount(actor, found.key.serviceAccountId);
    return this.identity.revokeApiKey(keyId, this.clock().toISOString(), context);
  }

  private async ownServiceAccount(actor: Actor, id: string): Promise<ServiceAccount> {
    const account = await this.identity.findServiceAccount(id);
    if (account?.organizationId !== actor.organizationId) {
      throw new NotFoundError('service account', id);
    }
    return account;
  }
}
