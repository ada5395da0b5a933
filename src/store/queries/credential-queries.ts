/**
 * Credentials and sessions: the half of the identity port that login uses. `IdentityQueries`
 * extends it with organizations and users.
 *
 * @module
 */
import { sql } from 'kysely';

import type { AuditContext } from '../../audit/audit-event.js';
import type { SessionPrincipal, UserCredentials } from '../../identity/identity-store.js';
import type { LockoutState } from '../../identity/lockout.js';
import type { Session } from '../../identity/session.js';
import { selectSessionPrincipal } from './identity-principals.js';
import { toCredentials, toSession } from './identity-rows.js';
import { ServiceAccountQueries } from './service-account-queries.js';

/**
 * Stores password state, lock-out counters, TOTP factors and sessions.
 *
 * @example
 * await queries.startSession(session, null, audit);
 */
export class CredentialQueries extends ServiceAccountQueries {
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
    return this.audited(audit, async (trx) => {
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
    return this.audited(audit, async (trx) => {
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

  /** {@inheritDoc IdentityStore.countLoginAttempt} */
  async countLoginAttempt(
    key: string,
    now: string,
    windowStartsAfter: string,
  ): Promise<{ readonly attempts: number; readonly windowStart: string }> {
    // One statement: concurrent attempts from several processes each see their own count.
    const expired = sql<boolean>`login_throttle.window_start <= ${windowStartsAfter}`;
    const row = await this.db
      .insertInto('login_throttle')
      .values({ key, window_start: now, attempts: 1 })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          attempts: sql<number>`case when ${expired} then 1 else login_throttle.attempts + 1 end`,
          window_start: sql<string>`case when ${expired} then excluded.window_start else login_throttle.window_start end`,
        }),
      )
      .returning(['attempts', 'window_start'])
      .executeTakeFirstOrThrow();
    return { attempts: row.attempts, windowStart: row.window_start };
  }

  /** {@inheritDoc IdentityStore.resetLoginAttempts} */
  async resetLoginAttempts(key: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('key', '=', key).execute();
  }

  /** {@inheritDoc IdentityStore.pruneLoginAttempts} */
  async pruneLoginAttempts(before: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('window_start', '<=', before).execute();
  }

  /** {@inheritDoc IdentityStore.findSessionPrincipal} */
  findSessionPrincipal(tokenHash: string): Promise<SessionPrincipal | undefined> {
    return selectSessionPrincipal(this.db, tokenHash);
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
    return this.audited(audit, async (trx) => {
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
    return this.audited(audit, async (trx, now) => {
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
