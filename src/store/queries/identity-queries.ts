/**
 * The identity port over Kysely, identical for SQLite and PostgreSQL. Each write and its audit
 * event share one transaction (`auditedWrite`).
 *
 * @module
 */
import type { Kysely } from 'kysely';

import type { AuditContext } from '../../audit/audit-event.js';
import { ConflictError } from '../../core/errors.js';
import type {
  BootstrapInput,
  IdentityStore,
  UserChanges,
  UserCredentials,
} from '../../identity/identity-store.js';
import type { LockoutState } from '../../identity/lockout.js';
import type { NewOrganization, Organization } from '../../identity/organization.js';
import type { Session } from '../../identity/session.js';
import type { NewUser, User } from '../../identity/user.js';
import type { Database } from '../schema.js';
import { auditedWrite } from './audit-queries.js';
import type { Clock } from './audit-queries.js';
import { toCredentials, toOrganization, toSession, toUser } from './identity-rows.js';
import {
  insertOrganization,
  insertUser,
  updatePassword,
  updateUserRow,
} from './identity-writes.js';
import { ServiceAccountQueries } from './service-account-queries.js';

/**
 * Stores identities in the tables of `0002-identity-audit`.
 *
 * @example
 * const identity = new IdentityQueries(db);
 * const org = await identity.createOrganization({ name: 'DIJIN', kind: 'agency', country: 'COL' }, audit);
 */
export class IdentityQueries extends ServiceAccountQueries implements IdentityStore {
  constructor(db: Kysely<Database>, clock: Clock = () => new Date()) {
    super(db, clock);
  }

  /** {@inheritDoc IdentityStore.bootstrap} */
  bootstrap(
    input: BootstrapInput,
    audit: AuditContext,
  ): Promise<{ organization: Organization; user: User }> {
    return auditedWrite(this.db, this.clock, audit, async (trx, now) => {
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
    return auditedWrite(this.db, this.clock, audit, async (trx, now) => {
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
    return auditedWrite(this.db, this.clock, audit, async (trx, now) => {
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
    return auditedWrite(this.db, this.clock, audit, async (trx, now) => {
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
    return auditedWrite(this.db, this.clock, audit, async (trx, now) => {
      await updatePassword(trx, id, passwordHash, mustChange, now);
      const action = audit.actor.id === id ? 'user.password-change' : 'user.password-reset';
      return {
        result: undefined,
        event: { action, targetType: 'user', targetId: id, details: { mustChange } },
      };
    });
  }

  /** {@inheritDoc IdentityStore.findCredentials} */
  async findCredentials(userId: string): Promise<UserCredentials | undefined> {
    const row = await this.db
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirst();
    return row === undefined ? undefined : toCredentials(row);
  }

  /** {@inheritDoc IdentityStore.recordLoginFailure} */
  recordLoginFailure(userId: string, state: LockoutState, audit: AuditContext): Promise<void> {
    return auditedWrite(this.db, this.clock, audit, async (trx) => {
      await trx
        .updateTable('app_user')
        .set({ failed_logins: state.failedLogins, locked_until: state.lockedUntil })
        .where('id', '=', userId)
        .execute();
      const details = { lockedUntil: state.lockedUntil };
      return {
        result: undefined,
        event: {
          action: 'session.login',
          targetType: 'user',
          targetId: userId,
          outcome: 'failure',
          details,
        },
      };
    });
  }

  /** {@inheritDoc IdentityStore.startSession} */
  startSession(session: Session, totpStep: number | null, audit: AuditContext): Promise<void> {
    return auditedWrite(this.db, this.clock, audit, async (trx) => {
      await trx
        .insertInto('user_session')
        .values({
          token_hash: session.tokenHash,
          user_id: session.userId,
          created_at: session.createdAt,
          last_seen_at: session.lastSeenAt,
          expires_at: session.expiresAt,
          ip: session.ip,
        })
        .execute();
      await trx
        .updateTable('app_user')
        .set({
          failed_logins: 0,
          locked_until: null,
          ...(totpStep === null ? {} : { totp_last_step: totpStep }),
        })
        .where('id', '=', session.userId)
        .execute();
      // The audit trail names a session by a prefix of its hash: enough to correlate, useless to replay.
      const details = { session: session.tokenHash.slice(0, 12), expiresAt: session.expiresAt };
      return {
        result: undefined,
        event: { action: 'session.login', targetType: 'user', targetId: session.userId, details },
      };
    });
  }

  /** {@inheritDoc IdentityStore.findSession} */
  async findSession(tokenHash: string): Promise<Session | undefined> {
    const row = await this.db
      .selectFrom('user_session')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row === undefined ? undefined : toSession(row);
  }

  /** {@inheritDoc IdentityStore.touchSession} */
  async touchSession(tokenHash: string, at: string): Promise<void> {
    await this.db
      .updateTable('user_session')
      .set({ last_seen_at: at })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  /** {@inheritDoc IdentityStore.endSession} */
  endSession(tokenHash: string, audit: AuditContext): Promise<void> {
    return auditedWrite(this.db, this.clock, audit, async (trx) => {
      const row = await trx
        .deleteFrom('user_session')
        .where('token_hash', '=', tokenHash)
        .returning('user_id')
        .executeTakeFirst();
      const targetId = row?.user_id ?? audit.actor.id;
      return {
        result: undefined,
        event: {
          action: 'session.logout',
          targetType: 'user',
          targetId,
          details: { session: tokenHash.slice(0, 12) },
        },
      };
    });
  }

  /** {@inheritDoc IdentityStore.setTotp} */
  setTotp(
    userId: string,
    secret: string | null,
    enabled: boolean,
    step: number | null,
    audit: AuditContext,
  ): Promise<void> {
    return auditedWrite(this.db, this.clock, audit, async (trx, now) => {
      await trx
        .updateTable('app_user')
        .set({
          totp_secret: secret,
          totp_enabled: enabled ? 1 : 0,
          totp_last_step: step,
          updated_at: now.toISOString(),
        })
        .where('id', '=', userId)
        .execute();
      const action =
        secret === null ? 'user.totp-remove' : enabled ? 'user.totp-enable' : 'user.totp-enrol';
      return { result: undefined, event: { action, targetType: 'user', targetId: userId } };
    });
  }
}
