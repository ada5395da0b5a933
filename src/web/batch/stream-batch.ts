/**
 * Sends a batch to `POST /screen/batch` as NDJSON and reads the streamed NDJSON answer line by
 * line, reporting each result as it arrives so the page can show progress.
 *
 * @module
 */
import { request } from '../http/client.js';
import type { BatchResultLine } from '../http/types.js';

/**
 * Screens `queries`, calling `onResult` for each result in input order; resolves with all.
 *
 * @example
 * const results = await streamBatch(queries, 0.8, (done) => setDone(done));
 */
export async function streamBatch(
  queries: readonly Readonly<Record<string, string>>[],
  threshold: number,
  onResult: (done: number) => void,
): Promise<BatchResultLine[]> {
  const body = queries.map((query) => JSON.stringify(query)).join('\n');
  const response = await request(`/screen/batch?threshold=${threshold}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', accept: 'application/x-ndjson' },
    body,
  });
  const results: BatchResultLine[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    pending += value ?? '';
    const lines = pending.split('\n');
    pending = done ? '' : lines.pop()!;
    for (const line of lines) {
      if (line.trim() !== '') {
        results.push(JSON.parse(line) as BatchResultLine);
      }
    }
    onResult(results.length);
    if (done) {
      return results;
    }
  }
}
