/**
 * Cuts a batch input file into chunks of whole records without parsing them, so the main
 * thread only moves bytes and the worker threads parse, screen and render. A record ends at a
 * newline outside double quotes (CSV: a quoted name may hold a newline; an escaped `""` toggles
 * twice); a JSON line ends at every newline. UTF-8 never uses the bytes of `"` or a newline
 * inside a multi-byte character, so bytes are scanned directly. The scan is linear however long
 * a record is. For CSV the header record is read first and its column names go with every chunk.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { parseCsvHeader, type BatchInputFormat } from './batch-input.js';

/** A chunk of whole records: its bytes (own buffer, transferable) and where it starts. */
export interface RawChunk {
  readonly bytes: Uint8Array;
  /** Line of the file on which the chunk starts (1-based). */
  readonly firstLine: number;
  /** CSV column names; absent for JSON lines. */
  readonly columns?: readonly string[];
}

const NEWLINE = 10;
const QUOTE = 34;

/** Streams `path` as chunks of about `recordsPerChunk` records (a blank line counts as one). */
export async function* readBatchChunks(
  path: string,
  format: BatchInputFormat,
  recordsPerChunk: number,
): AsyncGenerator<RawChunk> {
  const csv = format === 'csv';
  // Until the CSV header is known, records are cut one at a time.
  const cutter = new RecordCutter(csv, csv ? 1 : recordsPerChunk);
  const ready: RawChunk[] = [];
  let columns: string[] | undefined;
  let line = 1;
  const onCut = (bytes: Uint8Array, lines: number): void => {
    const firstLine = line;
    line += lines;
    if (csv && columns === undefined) {
      columns = parseCsvHeader(Buffer.from(bytes).toString('utf8'), path);
      cutter.limit = columns === undefined ? 1 : recordsPerChunk;
      return;
    }
    ready.push(columns === undefined ? { bytes, firstLine } : { bytes, firstLine, columns });
  };
  for await (const buffer of createReadStream(path) as AsyncIterable<Buffer>) {
    cutter.push(buffer, onCut);
    yield* ready.splice(0);
  }
  cutter.end(onCut);
  yield* ready.splice(0);
}

type OnCut = (bytes: Uint8Array, lines: number) => void;

/** Accumulates bytes and cuts them after every `limit`-th record end. */
class RecordCutter {
  /** Records per cut. */
  limit: number;
  readonly #quotes: boolean;
  #parts: Uint8Array[] = [];
  #size = 0;
  #inQuotes = false;
  /** Record ends and newlines in the pending bytes. */
  #records = 0;
  #lines = 0;

  constructor(quotes: boolean, limit: number) {
    this.#quotes = quotes;
    this.limit = limit;
  }

  /** Adds a buffer, handing every chunk it completes to `onCut`. */
  push(buffer: Uint8Array, onCut: OnCut): void {
    let from = 0;
    for (let at = 0; at < buffer.length; at++) {
      const byte = buffer[at]!;
      if (byte === QUOTE && this.#quotes) {
        this.#inQuotes = !this.#inQuotes;
      } else if (byte === NEWLINE) {
        this.#lines += 1;
        if (!this.#inQuotes && ++this.#records >= this.limit) {
          this.#take(buffer.subarray(from, at + 1), onCut);
          from = at + 1;
        }
      }
    }
    if (from < buffer.length) {
      this.#parts.push(buffer.subarray(from));
      this.#size += buffer.length - from;
    }
  }

  /** Hands over the bytes after the last cut (a last record without a final newline), if any. */
  end(onCut: OnCut): void {
    if (this.#size > 0) {
      this.#take(new Uint8Array(0), onCut);
    }
  }

  #take(tail: Uint8Array, onCut: OnCut): void {
    // A fresh buffer: never a slice of Node's shared pool, so it can be transferred.
    const bytes = new Uint8Array(this.#size + tail.length);
    let offset = 0;
    for (const part of this.#parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    bytes.set(tail, offset);
    const lines = this.#lines;
    this.#parts = [];
    this.#size = 0;
    this.#records = 0;
    this.#lines = 0;
    onCut(bytes, lines);
  }
}
