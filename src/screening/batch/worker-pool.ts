/**
 * A fixed pool of screening worker threads, one per core by default. Chunks are dispatched to
 * whichever worker is free, their bytes transferred (not copied); each comes back as rendered
 * text, and the caller orders them.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { ValidationError } from '../../core/errors.js';
import type { WatchlistEntry } from '../../watchlist/watchlist-entry.js';
import type { ScreeningOptions } from '../screening-types.js';
import type { ChunkOutcome, ChunkTask } from './screen-chunk.js';
import type { WorkerInit, WorkerReply, WorkerTask } from './screening-worker.js';

interface Pending {
  readonly resolve: (outcome: ChunkOutcome) => void;
  readonly reject: (error: Error) => void;
}

/** Worker threads that each hold a screening index. */
export class ScreeningWorkerPool {
  readonly size: number;
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #queue: { task: WorkerTask; pending: Pending }[] = [];
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;

  private constructor(size: number) {
    this.size = size;
  }

  /** Starts `size` workers (default: every core) and waits until each has built its index. */
  static async start(
    entries: readonly WatchlistEntry[],
    options: ScreeningOptions,
    size: number = availableParallelism(),
  ): Promise<ScreeningWorkerPool> {
    const pool = new ScreeningWorkerPool(Math.max(1, size));
    const init: WorkerInit = { entries: sharedEntries(entries), options };
    await Promise.all(Array.from({ length: pool.size }, () => pool.#spawn(init)));
    return pool;
  }

  /**
   * Screens a chunk on the next free worker. The chunk's buffer is transferred to the worker:
   * the caller must not use `task.bytes` afterwards.
   */
  run(task: ChunkTask): Promise<ChunkOutcome> {
    const withId: WorkerTask = { ...task, id: this.#nextId++ };
    return new Promise((resolve, reject) => {
      this.#queue.push({ task: withId, pending: { resolve, reject } });
      this.#dispatch();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #spawn(init: WorkerInit): Promise<void> {
    const worker = startWorker(init);
    this.#workers.push(worker);
    return new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (message: { ready?: boolean } | WorkerReply) => {
        if ('ready' in message) {
          worker.off('error', reject);
          worker.on('error', (error) => {
            this.#failAll(error);
          });
          this.#idle.push(worker);
          resolve();
          this.#dispatch();
          return;
        }
        this.#complete(worker, message as WorkerReply);
      });
    });
  }

  #complete(worker: Worker, reply: WorkerReply): void {
    const pending = this.#pending.get(reply.id);
    this.#pending.delete(reply.id);
    this.#idle.push(worker);
    if ('outcome' in reply) {
      pending?.resolve(reply.outcome);
    } else {
      pending?.reject(new ValidationError(reply.failure.message, reply.failure.details));
    }
    this.#dispatch();
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop()!;
      const next = this.#queue.shift()!;
      this.#pending.set(next.task.id, next.pending);
      worker.postMessage(next.task, [next.task.bytes.buffer as ArrayBuffer]);
    }
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) {
      pending.reject(error);
    }
    this.#pending.clear();
    for (const queued of this.#queue.splice(0)) {
      queued.pending.reject(error);
    }
  }
}

/**
 * The entries serialized once into shared memory: every worker reads the same bytes, instead of
 * the main thread cloning the whole list (tens of megabytes) once per worker.
 */
function sharedEntries(entries: readonly WatchlistEntry[]): SharedArrayBuffer {
  const bytes = serialize(entries);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return shared;
}

/**
 * Starts the worker script: the compiled `.js` beside this file, or — when running from the
 * TypeScript sources (development, tests) — the `.ts` file loaded through tsx's loader.
 */
function startWorker(init: WorkerInit): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./screening-worker.js', import.meta.url), { workerData: init });
  }
  const script = new URL('./screening-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(script)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(bootstrap, { eval: true, workerData: init });
}
