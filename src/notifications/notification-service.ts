/**
 * The notification use cases: publish events into the outbox, manage the organization's
 * webhook and e-mail subscriptions (integration credentials, so `api-key.manage`), read the
 * delivery log, requeue dead letters, and run the dispatcher.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';

import type { AuditContext } from '../audit/audit-event.js';
import { canonicalJson } from '../core/hash.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { Actor } from '../identity/actor.js';
import { requirePermission } from '../identity/actor.js';
import { Permission } from '../identity/permissions.js';
import { dispatchDue } from './notification-dispatcher.js';
import type { DispatchReport, DispatcherOptions } from './notification-dispatcher.js';
import { isNotificationEventType } from './notification-event.js';
import type { NotificationEvent, NotificationEventType } from './notification-event.js';
import type { OutboxQuery } from './notification-store.js';
import type { DeliveryAttempt, NewOutboxItem, OutboxItem } from './outbox.js';
import type {
  EmailSubscription,
  NotificationLanguage,
  WebhookSubscription,
} from './subscription.js';

/** A new webhook and its secret, shown this once. */
export interface CreatedWebhook {
  readonly subscription: WebhookSubscription;
  readonly secret: string;
}

/** What a caller asks for when subscribing a webhook. */
export interface WebhookRequest {
  readonly url: string;
  readonly description?: string;
  readonly events: readonly string[];
}

/** What a caller asks for when subscribing an e-mail address. */
export interface EmailRequest {
  readonly address: string;
  readonly language?: NotificationLanguage;
  readonly events: readonly string[];
}

const EMAIL = /^[^\s@<>()",;]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$/;

/**
 * Publishing, subscriptions and delivery.
 *
 * @example
 * await notifications.publish({ id: 'alert-12-raised', type: 'alert.raised', … });
 */
export class NotificationService {
  constructor(private readonly options: DispatcherOptions & { readonly allowHttp: boolean }) {}

  /**
   * Enqueues one delivery per active subscriber of the event's organization and type. Returns
   * how many were new (re-publishing an event adds none).
   */
  async publish(event: NotificationEvent): Promise<number> {
    const { store } = this.options;
    const { webhooks, emails } = await store.subscribersOf(event.organizationId, event.type);
    const payload = canonicalJson(event);
    const item = (channel: NewOutboxItem['channel'], subscriptionId: string): NewOutboxItem => ({
      organizationId: event.organizationId,
      channel,
      subscriptionId,
      eventId: event.id,
      eventType: event.type,
      payload,
    });
    const items = [
      ...webhooks.map((w) => item('webhook', w.id)),
      ...emails.map((e) => item('email', e.id)),
    ];
    return items.length === 0 ? 0 : store.enqueue(items, this.now());
  }

  /** Sends everything due now; see `dispatchDue`. */
  dispatch(): Promise<DispatchReport> {
    return dispatchDue(this.options);
  }

  /** Subscribes a webhook; the secret is returned once and stored encrypted. */
  async createWebhook(
    actor: Actor,
    request: WebhookRequest,
    audit: AuditContext,
  ): Promise<CreatedWebhook> {
    requirePermission(actor, Permission.ApiKeyManage);
    const url = this.checkUrl(request.url);
    const events = checkEvents(request.events);
    const secret = newSecret();
    const subscription = await this.options.store.createWebhook(
      {
        organizationId: actor.organizationId,
        url,
        description: (request.description ?? '').slice(0, 200),
        events,
        secretCiphertext: this.options.secrets().seal(secret),
      },
      audit,
    );
    return { subscription, secret };
  }

  /** The organization's webhooks. */
  listWebhooks(actor: Actor): Promise<readonly WebhookSubscription[]> {
    requirePermission(actor, Permission.ApiKeyManage);
    return this.options.store.listWebhooks(actor.organizationId);
  }

  /** Replaces a webhook's secret; the new one is returned once. */
  async rotateSecret(actor: Actor, id: string, audit: AuditContext): Promise<CreatedWebhook> {
    await this.ownWebhook(actor, id);
    const secret = newSecret();
    const subscription = await this.options.store.rotateWebhookSecret(
      id,
      this.options.secrets().seal(secret),
      audit,
    );
    return { subscription, secret };
  }

  /** Stops deliveries to a webhook; what was pending is dead-lettered. */
  async disableWebhook(
    actor: Actor,
    id: string,
    audit: AuditContext,
  ): Promise<WebhookSubscription> {
    await this.ownWebhook(actor, id);
    return this.options.store.disableWebhook(id, audit);
  }

  /** Subscribes an e-mail address. */
  createEmail(
    actor: Actor,
    request: EmailRequest,
    audit: AuditContext,
  ): Promise<EmailSubscription> {
    requirePermission(actor, Permission.ApiKeyManage);
    if (!EMAIL.test(request.address)) {
      throw new ValidationError('address: not an e-mail address', { field: 'address' });
    }
    return this.options.store.createEmailSubscription(
      {
        organizationId: actor.organizationId,
        address: request.address,
        language: request.language ?? 'es',
        events: checkEvents(request.events),
      },
      audit,
    );
  }

  /** The organization's e-mail recipients. */
  listEmails(actor: Actor): Promise<readonly EmailSubscription[]> {
    requirePermission(actor, Permission.ApiKeyManage);
    return this.options.store.listEmailSubscriptions(actor.organizationId);
  }

  /** Stops e-mails to a recipient. */
  async disableEmail(actor: Actor, id: string, audit: AuditContext): Promise<EmailSubscription> {
    requirePermission(actor, Permission.ApiKeyManage);
    const found = await this.options.store.findEmailSubscription(id);
    if (found?.organizationId !== actor.organizationId) {
      throw new NotFoundError('e-mail subscription', id);
    }
    return this.options.store.disableEmailSubscription(id, audit);
  }

  /** Deliveries of the organization, newest first. */
  listDeliveries(
    actor: Actor,
    query: Omit<OutboxQuery, 'organizationId'>,
  ): Promise<readonly OutboxItem[]> {
    requirePermission(actor, Permission.ApiKeyManage);
    return this.options.store.listOutbox({ ...query, organizationId: actor.organizationId });
  }

  /** One delivery and every attempt of it. */
  async delivery(
    actor: Actor,
    id: string,
  ): Promise<{ item: OutboxItem; attempts: readonly DeliveryAttempt[] }> {
    const item = await this.ownDelivery(actor, id);
    return { item, attempts: await this.options.store.listAttempts(id) };
  }

  /** Puts a dead delivery back in the queue. */
  async requeue(actor: Actor, id: string, audit: AuditContext): Promise<OutboxItem> {
    await this.ownDelivery(actor, id);
    return this.options.store.requeue(id, this.now(), audit);
  }

  private async ownWebhook(actor: Actor, id: string): Promise<WebhookSubscription> {
    requirePermission(actor, Permission.ApiKeyManage);
    const found = await this.options.store.findWebhook(id);
    // Another organization's webhook is reported as missing, never as forbidden.
    if (found?.subscription.organizationId !== actor.organizationId) {
      throw new NotFoundError('webhook', id);
    }
    return found.subscription;
  }

  private async ownDelivery(actor: Actor, id: string): Promise<OutboxItem> {
    requirePermission(actor, Permission.ApiKeyManage);
    const item = await this.options.store.findOutboxItem(id);
    if (item?.organizationId !== actor.organizationId) {
      throw new NotFoundError('notification', id);
    }
    return item;
  }

  private checkUrl(raw: string): string {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ValidationError('url: not a valid URL', { field: 'url' });
    }
    const allowed =
      url.protocol === 'https:' || (this.options.allowHttp && url.protocol === 'http:');
    if (!allowed || url.username !== '' || url.password !== '') {
      throw new ValidationError(
        `url: must be https${this.options.allowHttp ? ' or http' : ''} without credentials`,
        { field: 'url' },
      );
    }
    return url.toString();
  }

  private now(): Date {
    return (this.options.clock ?? (() => new Date()))();
  }
}

function checkEvents(events: readonly string[]): NotificationEventType[] {
  if (events.length === 0) {
    throw new ValidationError('events: choose at least one event type', { field: 'events' });
  }
  const unknown = events.find((event) => !isNotificationEventType(event));
  if (unknown !== undefined) {
    throw new ValidationError(`events: unknown event type "${unknown}"`, { field: 'events' });
  }
  return [...new Set(events as NotificationEventType[])];
}

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
