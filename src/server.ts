/**
 * The main job: configuration → services → (first start: load the configured lists) → HTTP.
 *
 * @module
 */
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './api/app.js';
import type { Services } from './services.js';
import { loadConfiguredLists } from './watchlist/load-configured-lists.js';
import { startListRefresh } from './monitoring/list-refresh-schedule.js';
import { startCheckpointTimer } from './audit/checkpoint-timer.js';

/** A running server. */
export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Loads the configured lists when the store is empty, then listens. Resolves once listening.
 * @example
 * const server = await startServer(services); console.log(server.url);
 */
export async function startServer(services: Services): Promise<RunningServer> {
  await loadListsOnFirstStart(services);
  const app = createApp(services);
  const { host, port } = services.config.server;
  const server = await new Promise<ServerType>((resolve) => {
    const instance = serve({ fetch: app.fetch, hostname: host, port }, () => {
      resolve(instance);
    });
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
  services.logger.info({ url, store: services.store.kind }, 'puente server listening');
  const stopCheckpoints = startCheckpointTimer(
    services.store.audit,
    () => services.auditKey(),
    services.config.audit.checkpointEvery,
    (error) => {
      services.logger.warn({ err: error }, 'audit checkpoint failed');
    },
  );
  const stopRefresh = startMonitoring(services);
  return {
    url,
    close: () =>
      new Promise((resolve, reject) => {
        stopCheckpoints();
        stopRefresh();
        server.close((error) => {
          if (error) {
            reject(error);
          } else {
            resolve();
          }
        });
      }),
  };
}

/**
 * Finishes re-screening runs a previous process left unfinished and brings monitoring up to
 * the current lists, in the background; then, when `monitoring.listRefreshMinutes` is set,
 * refreshes the lists and re-screens on that schedule.
 */
function startMonitoring(services: Services): () => void {
  const onError = (error: unknown) => {
    services.logger.error({ err: error }, 'monitoring re-screen failed');
  };
  void services.monitoring
    .resumeUnfinished()
    .then(() => services.monitoring.syncWithLists())
    .catch(onError);
  return startListRefresh(services.config.monitoring.listRefreshMinutes * 60_000, {
    refresh: () => loadConfiguredLists(services.watchlists, services.config.lists, {}),
    sync: () => services.monitoring.syncWithLists(),
    onError,
  });
}

async function loadListsOnFirstStart(services: Services): Promise<void> {
  const { lists } = services.config;
  if (!lists.loadOnStart || !(await services.watchlists.isEmpty())) {
    return;
  }
  const log = services.logger;
  log.info({ mode: lists.mode, localDir: lists.localDir }, 'empty store: loading list sources');
  try {
    const loaded = await loadConfiguredLists(services.watchlists, lists, {
      onPublication: (done, total, label) => {
        log.info({ done, total, label }, 'ingesting publication');
      },
    });
    if (loaded.fallbackReason !== undefined) {
      log.warn(
        { reason: loaded.fallbackReason, localDir: lists.localDir },
        'official lists unreachable; loaded the local folder',
      );
    }
    log.info(
      {
        origin: loaded.origin,
        publications: loaded.report.outcomes.length,
        unclaimed: loaded.report.unclaimed,
      },
      'lists loaded',
    );
  } catch (error) {
    log.error({ err: error }, 'could not load any list source; the server starts without lists');
  }
}
