/**
 * Screens a whole file on every core: rows stream in, chunks go to the worker pool, results are
 * written in input order. Re-running with the same output file resumes after the rows already
 * written, so an interrupted batch never starts over and never duplicates a row.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import type { WatchlistEntry } from '../../watchlist/watchlist-entry.js';
import type { ScreeningOptions } from '../screening-types.js';
import { batchFormat, readBatchRows, type BatchRow } from './batch-input.js';
import { countWrittenRows, renderResults, type BatchOutputFormat } from './batch-output.js';
import type { BatchResult } from './batch-result.js';
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
  const sink = outputSink(request, resumedAfter === 0);
  try {
    await pipeline(
      request,
      pool,
      resumedAfter,
      (results) => sink(tally.add(results)),
      (done) => {
        request.onProgress?.(done, Math.max(total, done));
      },
    );
  } finally {
    await pool.close();
  }
  return { ...tally.summary(), seconds: (Date.now() - started) / 1000 };
}

async function pipeline(
  request: BatchRunRequest,
  pool: ScreeningWorkerPool,
  skip: number,
  emit: (results: BatchResult[]) => Promise<void>,
  progress: (done: number) => void,
): Promise<void> {
  const chunkSize = request.chunkSize ?? 256;
  const inFlight: Promise<BatchResult[]>[] = [];
  let chunk: BatchRow[] = [];
  let seen = 0;
  let done = skip;
  const flushOldest = async () => {
    const results = await inFlight.shift()!;
    await emit(results);
    done += results.length;
    progress(done);
  };
  for await (const row of readBatchRows(request.input)) {
    seen += 1;
    if (seen <= skip) {
      continue;
    }
    chunk.push(row);
    if (chunk.length === chunkSize) {
      inFlight.push(pool.run(chunk));
      chunk = [];
      if (inFlight.length >= pool.size * 2) {
        await flushOldest();
      }
    }
  }
  if (chunk.length > 0) {
    inFlight.push(pool.run(chunk));
  }
  while (inFlight.length > 0) {
    await flushOldest();
  }
}

function outputSink(
  request: BatchRunRequest,
  fresh: boolean,
): (results: BatchResult[]) => Promise<void> {
  let withHeader = fresh;
  return async (results) => {
    const text = renderResults(results, request.format, withHeader);
    withHeader = false;
    if (request.output === undefined) {
      request.write?.(text);
    } else {
      await appendFile(request.output, text);
    }
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

  add(results: BatchResult[]): BatchResult[] {
    for (const result of results) {
      this.#rows += 1;
      if (result.error !== undefined) {
        this.#errorCount += 1;
        if (this.#errors.length < MAX_KEPT_ERRORS) {
          this.#errors.push({ line: result.line, error: result.error });
        }
      } else if ((result.matches?.length ?? 0) > 0) {
        this.#withMatches += 1;
      }
    }
    return results;
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
