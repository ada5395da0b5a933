/**
 * The notification port over Kysely: subscriptions, the outbox and its delivery log.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { AuditContext } from '../../audit/audit-event.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import type { NotificationEventType } from '../../notifications/notification-event.js';
import type {
  NotificationStore,
  OutboxQuery,
  WebhookTarget,
} from '../../notifications/notification-store.js';
import type {
  AttemptResult,
  DeliveryAttempt,
  NewOutboxItem,
  OutboxItem,
} from '../../notifications/outbox.js';
import type {
  EmailSubscription,
  NewEmailSubscription,
  NewWebhookSubscription,
  WebhookSubscription,
} from '../../notifications/subscription.js';
import type { Database } from '../schema.js';
import { auditedWrite } from './audit-queries.js';
import type { Clock } from './audit-queries.js';
import {
  toDeliveryAttempt,
  toEmailSubscription,
  toOutboxItem,
  toWebhook,
} from './notification-rows.js';
import {
  disableEmail,
  insertEmailSubscription,
  insertWebhook,
  updateWebhook,
} from './notification-subscription-writes.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/**
 * Stores notifications in `webhook_subscription`, `email_subscription`, `notification_outbox`
 * and `notification_delivery`.
 *
 * @example
 * const notifications = new NotificationQueries(db);
 * await notifications.claimDue(new Date(), 10, 60_000);
 */
export class NotificationQueries implements NotificationStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = () => new Date(),
  ) {}

  /** {@inheritDoc NotificationStore.createWebhook} */
  createWebhook(input: NewWebhookSubscription, audit: AuditContext): Promise<WebhookSubscription> {
    return insertWebhook(this.db, this.clock, input, audit);
  }

  /** {@inheritDoc NotificationStore.listWebhooks} */
  async listWebhooks(organizationId: string): Promise<readonly WebhookSubscription[]> {
    const rows = await this.db
      .selectFrom('webhook_subscription')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toWebhook);
  }

  /** {@inheritDoc NotificationStore.findWebhook} */
  async findWebhook(id: string): Promise<WebhookTarget | undefined> {
    const row = await this.db
      .selectFrom('webhook_subscription')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined
      ? undefined
      : { subscription: toWebhook(row), secretCiphertext: row.secret_ciphertext };
  }

  /** {@inheritDoc NotificationStore.rotateWebhookSecret} */
  rotateWebhookSecret(
    id: string,
    secretCiphertext: string,
    audit: AuditContext,
  ): Promise<WebhookSubscription> {
    return updateWebhook(
      this.db,
      this.clock,
      id,
      { secretCiphertext },
      'webhook.rotate-secret',
      audit,
    );
  }

  /** {@inheritDoc NotificationStore.disableWebhook} */
  disableWebhook(id: string, audit: AuditContext): Promise<WebhookSubscription> {
    return updateWebhook(this.db, this.clock, id, { status: 'disabled' }, 'webhook.disable', audit);
  }

  /** {@inheritDoc NotificationStore.createEmailSubscription} */
  createEmailSubscription(
    input: NewEmailSubscription,
    audit: AuditContext,
  ): Promise<EmailSubscription> {
    return insertEmailSubscription(this.db, this.clock, input, audit);
  }

  /** {@inheritDoc NotificationStore.listEmailSubscriptions} */
  async listEmailSubscriptions(organizationId: string): Promise<readonly EmailSubscription[]> {
    const rows = await this.db
      .selectFrom('email_subscription')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toEmailSubscription);
  }

  /** {@inheritDoc NotificationStore.findEmailSubscription} */
  async findEmailSubscription(id: string): Promise<EmailSubscription | undefined> {
    const row = await this.db
      .selectFrom('email_subscription')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toEmailSubscription(row);
  }

  /** {@inheritDoc NotificationStore.disableEmailSubscription} */
  disableEmailSubscription(id: string, audit: AuditContext): Promise<EmailSubscription> {
    return disableEmail(this.db, this.clock, id, audit);
  }

  /** {@inheritDoc NotificationStore.subscribersOf} */
  async subscribersOf(organizationId: string, type: NotificationEventType) {
    const [webhooks, emails] = await Promise.all([
      this.listWebhooks(organizationId),
      this.listEmailSubscriptions(organizationId),
    ]);
    const wants = (s: { status: string; events: readonly string[] }) =>
      s.status === 'active' && s.events.includes(type);
    return { webhooks: webhooks.filter(wants), emails: emails.filter(wants) };
  }

  /** {@inheritDoc NotificationStore.enqueue} */
  enqueue(items: readonly NewOutboxItem[], now: Date): Promise<number> {
    const at = now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      let added = 0;
      for (const item of items) {
        const result = await trx
          .insertInto('notification_outbox')
          .values({
            id: randomUUID(),
            organization_id: item.organizationId,
            channel: item.channel,
            subscription_id: item.subscriptionId,
            event_id: item.eventId,
            event_type: item.eventType,
            payload: item.payload,
            status: 'pending',
            attempts: 0,
            next_attempt_at: at,
            lease_until: null,
            last_error: null,
            created_at: at,
            updated_at: at,
          })
          .onConflict((conflict) => conflict.columns(['event_id', 'subscription_id']).doNothing())
          .executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
      return added;
    });
  }

  /** {@inheritDoc NotificationStore.claimDue} */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<readonly OutboxItem[]> {
    const at = now.toISOString();
    const candidates = await this.db
      .selectFrom('notification_outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const claimed: OutboxItem[] = [];
    for (const { id } of candidates) {
      // The condition is re-checked by the update itself, so of two claimers only one wins.
      const row = await this.db
        .updateTable('notification_outbox')
        .set({ lease_until: leaseUntil })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]))
        .returningAll()
        .executeTakeFirst();
      if (row !== undefined) {
        claimed.push(toOutboxItem(row));
      }
    }
    return claimed;
  }

  /** {@inheritDoc NotificationStore.recordAttempt} */
  recordAttempt(id: string, result: AttemptResult, now: Date): Promise<OutboxItem> {
    const at = now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('notification_outbox')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (current === undefined) {
        throw new NotFoundError('notification', id);
      }
      const attempt = current.attempts + 1;
      await trx
        .insertInto('notification_delivery')
        .values({
          id: randomUUID(),
          outbox_id: id,
          attempt,
          at,
          outcome: result.outcome,
          status_code: result.statusCode,
          error: result.error,
        })
        .execute();
      const status =
        result.outcome === 'delivered' ? 'delivered' : result.retryAt === null ? 'dead' : 'pending';
      const row = await trx
        .updateTable('notification_outbox')
        .set({
          status,
          attempts: attempt,
          lease_until: null,
          last_error: result.error,
          next_attempt_at: result.retryAt?.toISOString() ?? current.next_attempt_at,
          updated_at: at,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toOutboxItem(row);
    });
  }

  /** {@inheritDoc NotificationStore.listOutbox} */
  async listOutbox(query: OutboxQuery): Promise<readonly OutboxItem[]> {
    const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
    const rows = await this.db
      .selectFrom('notification_outbox')
      .selectAll()
      .where('organization_id', '=', query.organizationId)
      .$if(query.status !== undefined, (q) => q.where('status', '=', query.status!))
      .$if(query.subscriptionId !== undefined, (q) =>
        q.where('subscription_id', '=', query.subscriptionId!),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toOutboxItem);
  }

  /** {@inheritDoc NotificationStore.findOutboxItem} */
  async findOutboxItem(id: string): Promise<OutboxItem | undefined> {
    const row = await this.db
      .selectFrom('notification_outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toOutboxItem(row);
  }

  /** {@inheritDoc NotificationStore.listAttempts} */
  async listAttempts(outboxId: string): Promise<readonly DeliveryAttempt[]> {
    const rows = await this.db
      .selectFrom('notification_delivery')
      .selectAll()
      .where('outbox_id', '=', outboxId)
      .orderBy('attempt')
      .execute();
    return rows.map(toDeliveryAttempt);
  }

  /** {@inheritDoc NotificationStore.requeue} */
  requeue(id: string, now: Date, audit: AuditContext): Promise<OutboxItem> {
    return auditedWrite(
      this.db,
      () => now,
      audit,
      async (trx) => {
        const row = await trx
          .updateTable('notification_outbox')
          .set({ status: 'pending', next_attempt_at: now.toISOString(), lease_until: null })
          .where('id', '=', id)
          .where('status', '=', 'dead')
          .returningAll()
          .executeTakeFirst();
        if (row === undefined) {
          const exists = await trx
            .selectFrom('notification_outbox')
            .select('status')
            .where('id', '=', id)
            .executeTakeFirst();
          throw exists === undefined
            ? new NotFoundError('notification', id)
            : new ConflictError(`notification ${id} is ${exists.status}, not dead`, { id });
        }
        return {
          result: toOutboxItem(row),
          event: { action: 'notification.requeue', targetType: 'notification', targetId: id },
        };
      },
    );
  }
}
