/**
 * The identity port over Kysely, identical for SQLite and PostgreSQL. Each write and its audit
 * event share one transaction (`auditedWrite`).
 *
 * @module
 */
import type { Kysely } from 'kysely';

import type { AuditContext } from '../../audit/audit-event.js';
import { ConflictError } from '../../core/errors.js';
import type { BootstrapInput, IdentityStore, UserChanges } from '../../identity/identity-store.js';
import type { NewOrganization, Organization } from '../../identity/organization.js';
import type { NewUser, User } from '../../identity/user.js';
import type { Database } from '../schema.js';
import type { Clock } from './audit-queries.js';
import { toOrganization, toUser } from './identity-rows.js';
import {
  insertOrganization,
  insertUser,
  updatePassword,
  updateUserRow,
} from './identity-writes.js';
import { CredentialQueries } from './credential-queries.js';

/**
 * Stores identities in the tables of `0002-identity-audit`.
 *
 * @example
 * const identity = new IdentityQueries(db);
 * const org = await identity.createOrganization({ name: 'DIJIN', kind: 'agency', country: 'COL' }, audit);
 */
export class IdentityQueries extends CredentialQueries implements IdentityStore {
  constructor(db: Kysely<Database>, clock: Clock = () => new Date()) {
    super(db, clock);
  }

  /** {@inheritDoc IdentityStore.bootstrap} */
  bootstrap(
    input: BootstrapInput,
    audit: AuditContext,
  ): Promise<{ organization: Organization; user: User }> {
    return this.audited(audit, async (trx, now) => {
      const anyone = await trx.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
      if (anyone !== undefined) {
        throw new ConflictError('Puente is already set up: an account exists');
      }
      const organization = await insertOrganization(trx, input.organization, now);
      const administrator = {
        ...input.administrator,
        organizationId: organization.id,
        roles: ['administrator' as const],
      };
      const user = await insertUser(trx, administrator, now);
      const details = { organizationId: organization.id, username: user.username };
      return {
        result: { organization, user },
        event: { action: 'identity.bootstrap', targetType: 'user', targetId: user.id, details },
      };
    });
  }

  /** {@inheritDoc IdentityStore.createOrganization} */
  createOrganization(input: NewOrganization, audit: AuditContext): Promise<Organization> {
    return this.audited(audit, async (trx, now) => {
      const organization = await insertOrganization(trx, input, now);
      const details = { name: input.name, kind: input.kind, country: input.country };
      return {
        result: organization,
        event: {
          action: 'organization.create',
          targetType: 'organization',
          targetId: organization.id,
          details,
        },
      };
    });
  }

  /** {@inheritDoc IdentityStore.findOrganization} */
  async findOrganization(id: string): Promise<Organization | undefined> {
    const row = await this.db
      .selectFrom('organization')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toOrganization(row);
  }

  /** {@inheritDoc IdentityStore.listOrganizations} */
  async listOrganizations(): Promise<readonly Organization[]> {
    const rows = await this.db.selectFrom('organization').selectAll().orderBy('name').execute();
    return rows.map(toOrganization);
  }

  /** {@inheritDoc IdentityStore.createUser} */
  createUser(input: NewUser, audit: AuditContext): Promise<User> {
    return this.audited(audit, async (trx, now) => {
      const user = await insertUser(trx, input, now);
      const details = {
        username: user.username,
        organizationId: user.organizationId,
        roles: user.roles,
        clearance: user.clearance,
      };
      return {
        result: user,
        event: { action: 'user.create', targetType: 'user', targetId: user.id, details },
      };
    });
  }

  /** {@inheritDoc IdentityStore.findUser} */
  async findUser(id: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toUser(row);
  }

  /** {@inheritDoc IdentityStore.findUserByUsername} */
  async findUserByUsername(username: string): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return row === undefined ? undefined : toUser(row);
  }

  /** {@inheritDoc IdentityStore.listUsers} */
  async listUsers(organizationId?: string): Promise<readonly User[]> {
    const rows = await this.db
      .selectFrom('app_user')
      .selectAll()
      .$if(organizationId !== undefined, (q) => q.where('organization_id', '=', organizationId!))
      .orderBy('username')
      .execute();
    return rows.map(toUser);
  }

  /** {@inheritDoc IdentityStore.updateUser} */
  updateUser(id: string, changes: UserChanges, audit: AuditContext): Promise<User> {
    return this.audited(audit, async (trx, now) => {
      const user = await updateUserRow(trx, id, changes, now);
      return {
        result: user,
        event: { action: 'user.update', targetType: 'user', targetId: id, details: { ...changes } },
      };
    });
  }

  /** {@inheritDoc IdentityStore.setPassword} */
  setPassword(
    id: string,
    passwordHash: string,
    mustChange: boolean,
    audit: AuditContext,
  ): Promise<void> {
    return this.audited(audit, async (trx, now) => {
      await updatePassword(trx, id, passwordHash, mustChange, now);
      const action = audit.actor.id === id ? 'user.password-change' : 'user.password-reset';
      return {
        result: undefined,
        event: { action, targetType: 'user', targetId: id, details: { mustChange } },
      };
    });
  }
}
