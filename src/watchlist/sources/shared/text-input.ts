/**
 * Turning input bytes into text and offsets into line numbers. Every list source needs both
 * to report problems as `file:line`.
 *
 * @module
 */
import { isUtf8 } from 'node:buffer';
import { WatchlistParseError } from '../../../core/errors.js';

const BYTE_ORDER_MARK = '\uFEFF';
const NEWLINE_BYTE = 0x0a;

/**
 * Decodes UTF-8 strictly (a replacement character would silently corrupt a name) and drops a
 * leading byte-order mark. Throws `WatchlistParseError` naming the first line that is not UTF-8.
 */
export function decodeUtf8(bytes: Buffer, file: string): string {
  if (!isUtf8(bytes)) {
    throw new WatchlistParseError('invalid UTF-8 byte sequence', {
      file,
      line: firstInvalidLine(bytes),
    });
  }
  const text = bytes.toString('utf8');
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

// The byte 0x0A never occurs inside a multi-byte UTF-8 sequence, so each line can be checked
// on its own; this only runs once the whole buffer is known to be bad.
function firstInvalidLine(bytes: Buffer): number {
  let start = 0;
  let line = 1;
  for (;;) {
    const newline = bytes.indexOf(NEWLINE_BYTE, start);
    const end = newline === -1 ? bytes.length : newline;
    if (!isUtf8(bytes.subarray(start, end)) || newline === -1) {
      return line;
    }
    start = end + 1;
    line += 1;
  }
}

/** Maps character offsets of a text to 1-based line numbers (binary search over line starts). */
export class LineIndex {
  readonly #starts: number[] = [0];

  /** Indexes the line starts of `text` once. */
  constructor(text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
      this.#starts.push(at + 1);
    }
  }

  /** The 1-based line holding the character at `offset`. */
  lineAt(offset: number): number {
    return lineOfOffset(this.#starts, offset);
  }
}

/**
 * The 1-based line holding `offset`, given the ascending offsets at which lines start (the
 * first is 0): a binary search, shared by character and byte indexes.
 */
export function lineOfOffset(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle]! <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low + 1;
}
