/**
 * What a worker thread does with one chunk of input: parse its records, screen each row and
 * render the output text. Rendering here rather than on the main thread keeps the main thread
 * free for reading and writing, and a result crosses the thread boundary as one string instead
 * of a structured clone of every match (cloning would also build every match's explanation,
 * which a CSV output never prints).
 *
 * @module
 */
import type { ScreeningIndex } from '../screening-index.js';
import type { ScreeningOptions } from '../screening-types.js';
import { parseBatchChunk, type ChunkSource } from './batch-input.js';
import { renderResults, type BatchOutputFormat } from './batch-output.js';
import { screenRow } from './batch-result.js';

/** One chunk to screen. */
export interface ChunkTask extends ChunkSource {
  /** UTF-8 text of whole records. */
  readonly bytes: Uint8Array;
  /** Rows at the start of the chunk that an earlier run already wrote (resume). */
  readonly skip: number;
  readonly output: BatchOutputFormat;
}

/** A bad row, by line. */
export interface RowError {
  readonly line: number;
  readonly error: string;
}

/** The rendered results of a chunk and its tallies. */
export interface ChunkOutcome {
  /** Output text of the chunk's rows, in input order (no CSV header). */
  readonly text: string;
  readonly rows: number;
  readonly withMatches: number;
  readonly errors: readonly RowError[];
}

/** Decodes a chunk's bytes without copying them. */
export function chunkText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Parses, screens and renders one chunk. Throws `ValidationError` for malformed CSV. */
export function screenChunk(
  index: ScreeningIndex,
  task: ChunkTask,
  options: ScreeningOptions,
): ChunkOutcome {
  const rows = parseBatchChunk(chunkText(task.bytes), task).slice(task.skip);
  const results = rows.map((row) => screenRow(index, row, options));
  const errors: RowError[] = [];
  let withMatches = 0;
  for (const result of results) {
    if (result.error !== undefined) {
      errors.push({ line: result.line, error: result.error });
    } else if ((result.matches?.length ?? 0) > 0) {
      withMatches += 1;
    }
  }
  return {
    text: renderResults(results, task.output, false),
    rows: results.length,
    withMatches,
    errors,
  };
}
