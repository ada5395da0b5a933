/**
 * The events subscribers hear about. The monitoring core raises them (an alert opened, a
 * decision taken); this module only fans them out, so an event is plain data.
 *
 * @module
 */

/** Every event type a subscription may choose. */
export const NOTIFICATION_EVENT_TYPES = [
  'alert.raised',
  'alert.decided',
  'alert.closed',
  'rescreen.completed',
] as const;

/** One event type, e.g. `alert.raised`. */
export type NotificationEventType = (typeof NOTIFICATION_EVENT_TYPES)[number];

/**
 * One event. `id` is stable: publishing the same event twice (after a crash) never delivers it
 * twice to the same subscriber.
 */
export interface NotificationEvent {
  readonly id: string;
  readonly type: NotificationEventType;
  /** Only this organization's subscriptions hear it. */
  readonly organizationId: string;
  /** ISO 8601. */
  readonly occurredAt: string;
  /** Small JSON-safe facts: ids, names, states, scores; never secrets. */
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * True for one of `NOTIFICATION_EVENT_TYPES`.
 *
 * @example
 * isNotificationEventType('alert.raised'); // true
 */
export function isNotificationEventType(value: unknown): value is NotificationEventType {
  return (
    typeof value === 'string' && (NOTIFICATION_EVENT_TYPES as readonly string[]).includes(value)
  );
}
