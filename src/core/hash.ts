import { createHash } from 'node:crypto';

/** SHA-256 of bytes or text, hex encoded. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Stable JSON: object keys sorted recursively (undefined properties dropped, as `JSON.stringify`
 * does), so equal values hash equally whatever the insertion order. Used for content hashes of
 * entries. Written as one recursive pass because ingest serializes every entry of a publication.
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') {
    // `JSON.stringify(undefined)` is undefined at run time although typed as string.
    const text: string | undefined = JSON.stringify(value);
    return text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const text = write(record[key]);
    if (text !== undefined) {
      parts.push(`${JSON.stringify(key)}:${text}`);
    }
  }
  return `{${parts.join(',')}}`;
}
