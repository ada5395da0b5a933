/**
 * A screening worker thread: builds its own index from the entries it is given, then screens
 * the chunks of rows it receives and posts the results back.
 *
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WatchlistEntry } from '../../watchlist/watchlist-entry.js';
import { buildScreeningIndex } from '../screening-index.js';
import type { ScreeningOptions } from '../screening-types.js';
import type { BatchRow } from './batch-input.js';
import { screenRow } from './batch-result.js';

/** What the pool sends to a worker. */
export interface WorkerTask {
  readonly id: number;
  readonly rows: readonly BatchRow[];
}

/** Data a worker starts with. */
export interface WorkerInit {
  readonly entries: readonly WatchlistEntry[];
  readonly options: ScreeningOptions;
}

const port = parentPort;
if (port !== null) {
  const init = workerData as WorkerInit;
  const index = buildScreeningIndex(init.entries);
  port.on('message', (task: WorkerTask) => {
    const results = task.rows.map((row) => screenRow(index, row, init.options));
    port.postMessage({ id: task.id, results });
  });
  port.postMessage({ ready: true });
}
