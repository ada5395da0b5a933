/**
 * Reads list input from the file system: a file or a folder (recursively), decompressing gzip
 * with a size cap. Sources never read files themselves; they get `InputFile`s from here or
 * from `fetch-official.ts`.
 *
 * @module
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InputTooLargeError, NotFoundError, WatchlistParseError } from '../core/errors.js';
import type { InputFile } from './list-source.js';

/** Limits applied while reading input. */
export interface LoadLimits {
  /** Largest accepted file, after decompression, in bytes. */
  readonly maxFileBytes: number;
}

/** Default cap: the largest real list file is ≈ 5 MB; 256 MB leaves room for growth. */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

/** File endings a list source may understand; everything else in a folder is ignored. */
const LIST_FILE = /\.(csv|xml|json|jsonl)(\.gz)?$/i;

/**
 * Reads one file or every list-looking file below a folder, sorted by path.
 * @example
 * const files = await loadInputFiles('../shared/data/ofac/2021-07', { maxFileBytes: 1e8 });
 */
export async function loadInputFiles(path: string, limits: LoadLimits): Promise<InputFile[]> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) {
    throw new NotFoundError('file or folder', path);
  }
  const paths = info.isDirectory() ? await listFiles(path) : [path];
  const files: InputFile[] = [];
  for (const filePath of paths) {
    files.push(await readInputFile(filePath, limits));
  }
  return files;
}

async function listFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  const items = await readdir(folder, { withFileTypes: true });
  for (const item of items.sort((a, b) => a.name.localeCompare(b.name))) {
    if (item.name.startsWith('.')) {
      continue;
    }
    const path = join(folder, item.name);
    if (item.isDirectory()) {
      found.push(...(await listFiles(path)));
    } else if (item.isFile() && LIST_FILE.test(item.name)) {
      found.push(path);
    }
  }
  return found;
}

async function readInputFile(path: string, limits: LoadLimits): Promise<InputFile> {
  const info = await stat(path);
  if (info.size > limits.maxFileBytes) {
    throw new InputTooLargeError(path, info.size, limits.maxFileBytes);
  }
  const raw = await readFile(path);
  return {
    name: basename(path),
    origin: path,
    bytes: decompressIfGzip(raw, path, limits),
    modifiedAt: info.mtime.toISOString(),
  };
}

/**
 * Gunzips when the bytes start with the gzip magic number, refusing output over the cap
 * (a "zip bomb") and naming the file when the stream is truncated or corrupt.
 */
export function decompressIfGzip(bytes: Buffer, origin: string, limits: LoadLimits): Buffer {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    return bytes;
  }
  try {
    return gunzipSync(bytes, { maxOutputLength: limits.maxFileBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new InputTooLargeError(
        `${origin} (decompressed)`,
        limits.maxFileBytes + 1,
        limits.maxFileBytes,
      );
    }
    const reason =
      code === 'Z_BUF_ERROR'
        ? 'truncated gzip stream (unexpected end of file)'
        : 'corrupt gzip stream';
    throw new WatchlistParseError(reason, { file: origin }, error);
  }
}
