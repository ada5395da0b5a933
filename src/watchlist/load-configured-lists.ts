/**
 * First-start loading of the configured list sources: the official URLs by default, the local
 * folder when configured (`mode: local`) or when the official servers cannot be reached
 * (`mode: auto`), so a newcomer can screen a name a minute after starting the server.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { PuenteError } from '../core/errors.js';
import type { IngestReport, IngestRequest, WatchlistService } from './watchlist-service.js';

/** Where lists come from. */
export interface ListsSettings {
  readonly mode: 'auto' | 'official' | 'local';
  readonly localDir: string;
}

/** What happened, for the log. */
export interface LoadedLists {
  readonly origin: 'official' | 'local';
  readonly report: IngestReport;
  /** Why the official download was skipped or failed, in `auto` mode. */
  readonly fallbackReason?: string;
}

/** Loads the lists as configured; throws when no source could be read at all. */
export async function loadConfiguredLists(
  service: WatchlistService,
  settings: ListsSettings,
  request: IngestRequest = {},
): Promise<LoadedLists> {
  if (settings.mode === 'local') {
    return { origin: 'local', report: await service.ingestPath(settings.localDir, request) };
  }
  try {
    return { origin: 'official', report: await service.ingestOfficial(undefined, request) };
  } catch (error) {
    if (
      settings.mode === 'official' ||
      !(error instanceof PuenteError) ||
      error.code !== 'source_unavailable'
    ) {
      throw error;
    }
    if (!existsSync(settings.localDir)) {
      throw error;
    }
    const report = await service.ingestPath(settings.localDir, request);
    return { origin: 'local', report, fallbackReason: error.message };
  }
}
