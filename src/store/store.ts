/**
 * The store as the rest of the application sees it: one field per domain port, whatever the
 * database behind it.
 *
 * @module
 */
import type { Kysely } from 'kysely';

import type { WatchlistStore } from '../watchlist/watchlist-store.js';
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
    close: () => db.destroy(),
  };
}
