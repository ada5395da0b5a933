/**
 * Checks on an OFAC CSV file before tokenising: strict UTF-8 and the DOS end-of-file marker,
 * plus a byte-offset → line-number index for messages.
 *
 * @module
 */
import { WatchlistParseError } from '../../../core/errors.js';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
// OFAC files end with a DOS end-of-file (SUB) byte after the last line.
const END_OF_FILE_MARK = 0x1a;
const TRAILING_NOISE: ReadonlySet<number> = new Set([END_OF_FILE_MARK, NEWLINE, CARRIAGE_RETURN]);
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Decodes strictly: a replacement character would silently corrupt a name. Throws
 * `WatchlistParseError` naming the first line that is not UTF-8. Drops a byte-order mark.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new WatchlistParseError(
      'invalid UTF-8 byte sequence (OFAC files are ASCII/UTF-8)',
      { file, line: firstInvalidLine(bytes) },
      error,
    );
  }
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

// 0x0A never occurs inside a multi-byte UTF-8 sequence, so each line can be checked alone;
// this only runs once the whole file is known to be bad.
function firstInvalidLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; ; line += 1) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline === -1 ? bytes.length : newline;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    if (newline === -1) {
      return line;
    }
    start = end + 1;
  }
}

/** The text without the trailing SUB marker and the line breaks around it. */
export function withoutEndOfFileMark(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_NOISE.has(text.charCodeAt(end - 1))) {
    end -= 1;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** Maps byte offsets to 1-based line numbers (binary search over line starts). */
export class ByteLineIndex {
  readonly #starts: number[] = [0];
  readonly #bytes: Buffer;

  /** Indexes the line starts of `bytes` once. */
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
    for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) {
      this.#starts.push(at + 1);
    }
  }

  /** The line of the first byte at or after `offset` that is not a line break. */
  lineOfRecordAt(offset: number): number {
    let at = offset;
    while (at < this.#bytes.length && isLineBreak(this.#bytes[at]!)) {
      at += 1;
    }
    return this.lineAt(at);
  }

  /** The 1-based line holding the byte at `offset`. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.#starts[middle]! <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low + 1;
  }
}

function isLineBreak(byte: number): boolean {
  return byte === NEWLINE || byte === CARRIAGE_RETURN;
}
