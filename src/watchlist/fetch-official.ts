/**
 * Downloads a source's files from its official URLs (when online). Responses are size-capped
 * and time-limited; a missing optional file is skipped, any other failure names the URL.
 *
 * @module
 */
import { InputTooLargeError, SourceUnavailableError } from '../core/errors.js';
import type { InputFile, OfficialDownload } from './list-source.js';
import { decompressIfGzip, type LoadLimits } from './load-input.js';

/** Options for official downloads. */
export interface FetchOptions extends LoadLimits {
  readonly timeoutMs: number;
  /** Replaces official URLs by file name (configuration), e.g. a mirror. */
  readonly urlOverrides?: Readonly<Record<string, string>>;
  /** Injected for tests that serve files from a local HTTP server. */
  readonly fetchImpl?: typeof fetch;
}

/**
 * Fetches every download of a source; throws `SourceUnavailableError` on the first required
 * file that cannot be had.
 */
export async function fetchOfficialFiles(
  downloads: readonly OfficialDownload[],
  options: FetchOptions,
): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const download of downloads) {
    const url = options.urlOverrides?.[download.name] ?? download.url;
    const file = await fetchOne(download, url, options);
    if (file !== undefined) {
      files.push(file);
    }
  }
  return files;
}

async function fetchOne(
  download: OfficialDownload,
  url: string,
  options: FetchOptions,
): Promise<InputFile | undefined> {
  const doFetch = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    throw new SourceUnavailableError(url, describeFetchError(error), error);
  }
  if (response.status === 404 && download.optional === true) {
    return undefined;
  }
  if (!response.ok) {
    throw new SourceUnavailableError(url, `HTTP ${response.status}`);
  }
  const bytes = await readCapped(response, url, options.maxFileBytes);
  const lastModified = response.headers.get('last-modified');
  return {
    name: download.name,
    origin: url,
    bytes: decompressIfGzip(bytes, url, options),
    ...(lastModified === null ? {} : { modifiedAt: new Date(lastModified).toISOString() }),
  };
}

async function readCapped(response: Response, url: string, limit: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) {
    throw new InputTooLargeError(url, declared, limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (response.body === null) {
    return Buffer.alloc(0);
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > limit) {
      throw new InputTooLargeError(url, size, limit);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return 'timed out';
  }
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (error instanceof Error ? error.message : 'network error');
}
