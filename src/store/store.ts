/**
 * The store as the rest of the application sees it: one field per domain port, whatever the
 * database behind it.
 *
 * @module
 */
import type { Kysely } from 'kysely';

import type { MarkingStore } from '../access/marking-store.js';
import type { AuditStore } from '../audit/audit-store.js';
import type { IdentityStore } from '../identity/identity-store.js';
import type { MonitoringStore } from '../monitoring/monitoring-store.js';
import type { JobStore } from '../jobs/job-store.js';
import type { NotificationStore } from '../notifications/notification-store.js';
import type { WatchlistStore } from '../watchlist/watchlist-store.js';
import { AuditQueries } from './queries/audit-queries.js';
import { IdentityQueries } from './queries/identity-queries.js';
import { MonitoringQueries } from './queries/monitoring-queries.js';
import { JobQueries } from './queries/job-queries.js';
import { MarkingChangeQueries } from './queries/marking-change-queries.js';
import { NotificationQueries } from './queries/notification-queries.js';
import { WatchlistQueries } from './queries/watchlist-queries.js';
import type { Database } from './schema.js';

/** Which database a store runs on. */
export type StoreKind = 'sqlite' | 'postgres';

/**
 * An open store. Later features add their ports as further fields.
 *
 * @example
 * const store = await openStore('./puente.db');
 * try {
 *   await store.watchlist.currentPublications();
 * } finally {
 *   await store.close();
 * }
 */
export interface Store {
  readonly kind: StoreKind;
  readonly watchlist: WatchlistStore;
  /** Organizations, users, sessions, service accounts and API keys; every write audited. */
  readonly identity: IdentityStore;
  /** The hash-chained audit trail. */
  readonly audit: AuditStore;
  /** Portfolios, counterparties, re-screening runs and alerts; every write audited. */
  readonly monitoring: MonitoringStore;
  /** Webhook and e-mail subscriptions, the delivery outbox and its log. */
  readonly notifications: NotificationStore;
  /** The job table of the in-process queue. */
  readonly jobs: JobStore;
  /** Current markings of stored entries and their changes; every change audited. */
  readonly markings: MarkingStore;
  /** Closes every connection; the store is unusable afterwards. */
  close(): Promise<void>;
}

/**
 * Builds every port over an open, migrated connection. Both adapters call this, so a new port
 * is wired in exactly one place.
 *
 * @example
 * const store = assembleStore('sqlite', db);
 */
export function assembleStore(kind: StoreKind, db: Kysely<Database>): Store {
  return {
    kind,
    watchlist: new WatchlistQueries(db),
    identity: new IdentityQueries(db),
    audit: new AuditQueries(db),
    monitoring: new MonitoringQueries(db),
    notifications: new NotificationQueries(db),
    jobs: new JobQueries(db),
    markings: new MarkingChangeQueries(db),
    close: () => db.destroy(),
  };
}
