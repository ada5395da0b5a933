/**
 * Checks on an OFAC CSV file before tokenising: the DOS end-of-file marker (strict UTF-8
 * decoding is shared with the other sources),
 * plus a byte-offset → line-number index for messages.
 *
 * @module
 */
import { lineOfOffset } from '../shared/text-input.js';

export { decodeUtf8 } from '../shared/text-input.js';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
// OFAC files end with a DOS end-of-file (SUB) byte after the last line.
const END_OF_FILE_MARK = 0x1a;
const TRAILING_NOISE: ReadonlySet<number> = new Set([END_OF_FILE_MARK, NEWLINE, CARRIAGE_RETURN]);
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
    return lineOfOffset(this.#starts, offset);
  }
}

function isLineBreak(byte: number): boolean {
  return byte === NEWLINE || byte === CARRIAGE_RETURN;
}
