/**
 * The one wiring point: configuration → store → domain services. The API, the CLI and the
 * server get their collaborators from here and nowhere else.
 *
 * @module
 */
import type { PuenteConfig } from './config.js';
import type { Logger } from './core/logger.js';
import { ScreeningService, type ListSnapshotSource } from './screening/screening-service.js';
import { openStore, type Store } from './store/index.js';
import type { WatchlistStore } from './watchlist/watchlist-store.js';
import { WatchlistService } from './watchlist/watchlist-service.js';

/** Everything the edges need. */
export interface Services {
  readonly config: PuenteConfig;
  readonly logger: Logger;
  readonly store: Store;
  readonly watchlists: WatchlistService;
  readonly screening: ScreeningService;
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
    screening: new ScreeningService(currentLists(store.watchlist)),
    close: () => store.close(),
  };
}

/** The screening index reads the current publication of every source from the store. */
function currentLists(store: WatchlistStore): ListSnapshotSource {
  return {
    currentVersions: async () =>
      (await store.currentPublications()).map((publication) => ({
        source: publication.source,
        publicationId: publication.id,
        publishedAt: publication.publishedAt,
        contentHash: publication.contentHash,
      })),
    entriesOf: async (versions) =>
      (
        await Promise.all(versions.map((version) => store.listEntries(version.publicationId)))
      ).flat(),
  };
}
