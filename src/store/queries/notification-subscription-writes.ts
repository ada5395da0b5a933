/**
 * Audited writes of webhook and e-mail subscriptions.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { AuditContext } from '../../audit/audit-event.js';
import { NotFoundError } from '../../core/errors.js';
import type {
  EmailSubscription,
  NewEmailSubscription,
  NewWebhookSubscription,
  WebhookSubscription,
} from '../../notifications/subscription.js';
import type { Database } from '../schema.js';
import { auditedWrite } from './audit-queries.js';
import type { Clock } from './audit-queries.js';
import { toEmailSubscription, toWebhook } from './notification-rows.js';

/** Inserts a webhook subscription and its audit event. */
export function insertWebhook(
  db: Kysely<Database>,
  clock: Clock,
  input: NewWebhookSubscription,
  audit: AuditContext,
): Promise<WebhookSubscription> {
  return auditedWrite(db, clock, audit, async (trx, now) => {
    const at = now.toISOString();
    const row = {
      id: randomUUID(),
      organization_id: input.organizationId,
      url: input.url,
      description: input.description,
      events: JSON.stringify(input.events),
      secret_ciphertext: input.secretCiphertext,
      status: 'active',
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('webhook_subscription').values(row).execute();
    return {
      result: toWebhook(row),
      event: {
        action: 'webhook.create',
        targetType: 'webhook',
        targetId: row.id,
        details: { url: input.url, events: input.events },
      },
    };
  });
}

/** Changes a webhook (secret or status) and records `action`. */
export function updateWebhook(
  db: Kysely<Database>,
  clock: Clock,
  id: string,
  change: { readonly secretCiphertext?: string; readonly status?: 'disabled' },
  action: string,
  audit: AuditContext,
): Promise<WebhookSubscription> {
  return auditedWrite(db, clock, audit, async (trx, now) => {
    const at = now.toISOString();
    const row = await trx
      .updateTable('webhook_subscription')
      .set({
        updated_at: at,
        ...(change.secretCiphertext === undefined
          ? {}
          : { secret_ciphertext: change.secretCiphertext }),
        ...(change.status === undefined ? {} : { status: change.status }),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) {
      throw new NotFoundError('webhook', id);
    }
    if (change.status === 'disabled') {
      await deadLetterPending(trx, id, at, 'subscription disabled');
    }
    return { result: toWebhook(row), event: { action, targetType: 'webhook', targetId: id } };
  });
}

/** Inserts an e-mail subscription and its audit event. */
export function insertEmailSubscription(
  db: Kysely<Database>,
  clock: Clock,
  input: NewEmailSubscription,
  audit: AuditContext,
): Promise<EmailSubscription> {
  return auditedWrite(db, clock, audit, async (trx, now) => {
    const at = now.toISOString();
    const row = {
      id: randomUUID(),
      organization_id: input.organizationId,
      address: input.address,
      language: input.language,
      events: JSON.stringify(input.events),
      status: 'active',
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('email_subscription').values(row).execute();
    return {
      result: toEmailSubscription(row),
      event: {
        action: 'email-subscription.create',
        targetType: 'email-subscription',
        targetId: row.id,
        details: { events: input.events },
      },
    };
  });
}

/** Disables an e-mail subscription and dead-letters what was pending for it. */
export function disableEmail(
  db: Kysely<Database>,
  clock: Clock,
  id: string,
  audit: AuditContext,
): Promise<EmailSubscription> {
  return auditedWrite(db, clock, audit, async (trx, now) => {
    const at = now.toISOString();
    const row = await trx
      .updateTable('email_subscription')
      .set({ status: 'disabled', updated_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) {
      throw new NotFoundError('e-mail subscription', id);
    }
    await deadLetterPending(trx, id, at, 'subscription disabled');
    return {
      result: toEmailSubscription(row),
      event: {
        action: 'email-subscription.disable',
        targetType: 'email-subscription',
        targetId: id,
      },
    };
  });
}

async function deadLetterPending(
  trx: Kysely<Database>,
  subscriptionId: string,
  at: string,
  reason: string,
): Promise<void> {
  await trx
    .updateTable('notification_outbox')
    .set({ status: 'dead', last_error: reason, lease_until: null, updated_at: at })
    .where('subscription_id', '=', subscriptionId)
    .where('status', '=', 'pending')
    .execute();
}
