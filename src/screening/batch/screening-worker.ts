/**
 * A screening worker thread: builds its own index from the entries it is given (serialized once
 * by the pool into shared memory), then parses, screens and renders the chunks it receives and
 * posts back the text (`screen-chunk.ts`).
 *
 * @module
 */
import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { ValidationError } from '../../core/errors.js';
import type { WatchlistEntry } from '../../watchlist/watchlist-entry.js';
import { buildScreeningIndex } from '../screening-index.js';
import type { ScreeningOptions } from '../screening-types.js';
import { screenChunk, type ChunkOutcome, type ChunkTask } from './screen-chunk.js';

/** What the pool sends to a worker. */
export interface WorkerTask extends ChunkTask {
  readonly id: number;
}

/** Data a worker starts with. */
export interface WorkerInit {
  /** The entries, `v8.serialize`d into memory shared by every worker. */
  readonly entries: SharedArrayBuffer;
  readonly options: ScreeningOptions;
}

/** A chunk the worker could not screen (malformed CSV): the `ValidationError` to raise. */
export interface WorkerFailure {
  readonly message: string;
  readonly details: Record<string, unknown>;
}

/** What a worker posts back for a task. */
export type WorkerReply =
  | { readonly id: number; readonly outcome: ChunkOutcome }
  | { readonly id: number; readonly failure: WorkerFailure };

const port = parentPort;
if (port !== null) {
  const init = workerData as WorkerInit;
  const entries = deserialize(Buffer.from(init.entries)) as readonly WatchlistEntry[];
  const index = buildScreeningIndex(entries);
  port.on('message', (task: WorkerTask) => {
    let reply: WorkerReply;
    try {
      reply = { id: task.id, outcome: screenChunk(index, task, init.options) };
    } catch (error) {
      if (!(error instanceof ValidationError)) {
        throw error;
      }
      reply = { id: task.id, failure: { message: error.message, details: { ...error.details } } };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true });
}
