/**
 * Screens a whole file on every core: the main thread cuts the input into chunks of whole
 * records (`batch-chunks.ts`), worker threads parse, screen and render them
 * (`screen-chunk.ts`), and the main thread writes the text back in input order. Re-running with
 * the same output file resumes after the rows already written, so an interrupted batch never
 * starts over and never duplicates a row.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { WatchlistEntry } from '../../watchlist/watchlist-entry.js';
import type { ScreeningOptions } from '../screening-types.js';
import { readBatchChunks, type RawChunk } from './batch-chunks.js';
import { batchFormat, parseBatchChunk, type BatchInputFormat } from './batch-input.js';
import { countWrittenRows, renderResults, type BatchOutputFormat } from './batch-output.js';
import { chunkText, type ChunkOutcome } from './screen-chunk.js';
import { ScreeningWorkerPool } from './worker-pool.js';

/** What to screen and where to write. */
export interface BatchRunRequest {
  readonly input: string;
  /** Output file; results are appended (resume). Absent: `write` receives the text. */
  readonly output?: string;
  readonly write?: (text: string) => void;
  readonly format: BatchOutputFormat;
  readonly options: ScreeningOptions;
  readonly workers?: number;
  /** Records per chunk sent to a worker (default 500). */
  readonly chunkSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Totals of a run. */
export interface BatchSummary {
  readonly rows: number;
  readonly resumedAfter: number;
  readonly withMatches: number;
  readonly errors: readonly { readonly line: number; readonly error: string }[];
  readonly errorCount: number;
  readonly seconds: number;
}

const MAX_KEPT_ERRORS = 1000;
const DEFAULT_CHUNK_SIZE = 500;

/** Runs the batch; see the module doc for resume semantics. */
export async function runBatchFile(
  entries: readonly WatchlistEntry[],
  request: BatchRunRequest,
): Promise<BatchSummary> {
  const started = Date.now();
  const resumedAfter =
    request.output === undefined ? 0 : countWrittenRows(request.output, request.format);
  const total = await countDataLines(request.input, batchFormat(request.input));
  const pool = await ScreeningWorkerPool.start(entries, request.options, request.workers);
  const tally = new Tally(resumedAfter);
  const sink = await outputSink(request, resumedAfter === 0);
  try {
    await pipeline(
      request,
      pool,
      resumedAfter,
      (outcome) => sink.write(tally.add(outcome)),
      (done) => {
        request.onProgress?.(done, Math.max(total, done));
      },
    );
  } finally {
    await sink.close();
    await pool.close();
  }
  return { ...tally.summary(), seconds: (Date.now() - started) / 1000 };
}

async function pipeline(
  request: BatchRunRequest,
  pool: ScreeningWorkerPool,
  skip: number,
  emit: (outcome: ChunkOutcome) => Promise<void>,
  progress: (done: number) => void,
): Promise<void> {
  const format = batchFormat(request.input);
  const inFlight: Promise<ChunkOutcome>[] = [];
  let toSkip = skip;
  let done = skip;
  const flushOldest = async () => {
    const outcome = await inFlight.shift()!;
    await emit(outcome);
    done += outcome.rows;
    progress(done);
  };
  try {
    const chunkSize = request.chunkSize ?? DEFAULT_CHUNK_SIZE;
    for await (const chunk of readBatchChunks(request.input, format, chunkSize)) {
      const skipHere = toSkip === 0 ? 0 : Math.min(toSkip, rowCount(request.input, format, chunk));
      toSkip -= skipHere;
      inFlight.push(
        pool.run({ ...chunk, path: request.input, format, skip: skipHere, output: request.format }),
      );
      if (inFlight.length >= pool.size * 2) {
        await flushOldest();
      }
    }
    while (inFlight.length > 0) {
      await flushOldest();
    }
  } finally {
    // Chunks still in flight after a failure: nobody awaits them, so silence their rejections.
    for (const pending of inFlight) {
      pending.catch(() => undefined);
    }
  }
}

/** Rows in a chunk, counted on the main thread only while skipping rows already written. */
function rowCount(path: string, format: BatchInputFormat, chunk: RawChunk): number {
  return parseBatchChunk(chunkText(chunk.bytes), { ...chunk, path, format }).length;
}

interface OutputSink {
  write(outcome: ChunkOutcome): Promise<void>;
  close(): Promise<void>;
}

/** Appends to the output file (or hands text to `write`); the CSV header precedes the first rows. */
async function outputSink(request: BatchRunRequest, fresh: boolean): Promise<OutputSink> {
  let header = fresh && request.format === 'csv' ? renderResults([], 'csv', true) : '';
  const file = request.output === undefined ? undefined : await open(request.output, 'a');
  return {
    write: async (outcome) => {
      if (outcome.rows === 0) {
        return;
      }
      const text = header + outcome.text;
      header = '';
      if (file === undefined) {
        request.write?.(text);
      } else {
        await file.write(text);
      }
    },
    close: async () => {
      await file?.close();
    },
  };
}

class Tally {
  readonly #resumed: number;
  #rows: number;
  #withMatches = 0;
  #errorCount = 0;
  readonly #errors: { line: number; error: string }[] = [];

  constructor(resumed: number) {
    this.#resumed = resumed;
    this.#rows = resumed;
  }

  add(outcome: ChunkOutcome): ChunkOutcome {
    this.#rows += outcome.rows;
    this.#withMatches += outcome.withMatches;
    this.#errorCount += outcome.errors.length;
    for (const error of outcome.errors) {
      if (this.#errors.length >= MAX_KEPT_ERRORS) {
        break;
      }
      this.#errors.push(error);
    }
    return outcome;
  }

  summary(): Omit<BatchSummary, 'seconds'> {
    return {
      rows: this.#rows,
      resumedAfter: this.#resumed,
      withMatches: this.#withMatches,
      errors: this.#errors,
      errorCount: this.#errorCount,
    };
  }
}

/** Counts non-empty lines (minus a CSV header) for the progress bar's total. */
async function countDataLines(path: string, format: 'csv' | 'jsonl'): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (byte === 10 && last !== 10) {
        lines += 1;
      }
      last = byte;
    }
  }
  if (last !== 10) {
    lines += 1;
  }
  return format === 'csv' ? Math.max(0, lines - 1) : lines;
}
