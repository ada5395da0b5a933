/**
 * The one wiring point: configuration → store → domain services. The API, the CLI and the
 * server get their collaborators from here and nowhere else.
 *
 * @module
 */
import type { PuenteConfig } from './config.js';
import type { Logger } from './core/logger.js';
import { openStore, type Store } from './store/index.js';
import { WatchlistService } from './watchlist/watchlist-service.js';

/** Everything the edges need. */
export interface Services {
  readonly config: PuenteConfig;
  readonly logger: Logger;
  readonly store: Store;
  readonly watchlists: WatchlistService;
  /** Closes the store; call once on shutdown. */
  close(): Promise<void>;
}

/** Opens the configured store (running migrations) and builds the services over it. */
export async function createServices(config: PuenteConfig, logger: Logger): Promise<Services> {
  const store = await openStore(config.db);
  const watchlists = new WatchlistService({
    store: store.watchlist,
    limits: { maxFileBytes: config.lists.maxFileBytes },
    fetch: {
      maxFileBytes: config.lists.maxFileBytes,
      timeoutMs: config.lists.fetchTimeoutMs,
      urlOverrides: config.lists.urls,
    },
  });
  return {
    config,
    logger,
    store,
    watchlists,
    close: () => store.close(),
  };
}
