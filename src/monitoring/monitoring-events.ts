/**
 * Domain events of monitoring, for notifications (webhooks, e-mail), evidence and dashboards.
 * Events are emitted after the change is committed; a subscriber that fails does not undo it.
 *
 * @module
 */
import type { Alert, AlertDecision } from './alert.js';
import type { RescreenRun } from './rescreen-run.js';

/** Something that happened in monitoring. */
export type MonitoringEvent =
  | { readonly type: 'alert.raised'; readonly alert: Alert }
  | {
      readonly type: 'alert.decided';
      readonly alert: Alert;
      readonly decision: AlertDecision;
      /** `proposed` by the first reviewer, `approved` or `rejected` by the second. */
      readonly step: 'proposed' | 'approved' | 'rejected';
      readonly actorId: string;
    }
  | { readonly type: 'alert.closed'; readonly alert: Alert }
  | { readonly type: 'run.finished'; readonly run: RescreenRun };

/** Where monitoring sends its events. */
export interface MonitoringEvents {
  emit(event: MonitoringEvent): void | Promise<void>;
}

/** Discards every event. */
export const NO_MONITORING_EVENTS: MonitoringEvents = { emit: () => undefined };

/**
 * Fans events out to several subscribers; one failing subscriber neither stops the others nor
 * the monitoring operation (its error goes to `onError`).
 */
export class MonitoringEventBus implements MonitoringEvents {
  readonly #subscribers: MonitoringEvents[] = [];

  constructor(private readonly onError: (error: unknown) => void = () => undefined) {}

  /** Adds a subscriber. */
  subscribe(subscriber: MonitoringEvents): void {
    this.#subscribers.push(subscriber);
  }

  /** Delivers to every subscriber in order. */
  async emit(event: MonitoringEvent): Promise<void> {
    for (const subscriber of this.#subscribers) {
      try {
        await subscriber.emit(event);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
