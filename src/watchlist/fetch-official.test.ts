import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PuenteError } from '../core/errors.js';
import { fetchOfficialFiles } from './fetch-official.js';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/sdn.csv') {
      response.writeHead(200, { 'last-modified': 'Fri, 03 May 2024 10:00:00 GMT' });
      response.end('1,"A",-0- \r\n');
    } else if (request.url === '/alt.csv.gz') {
      response.end(gzipSync('1,2,"aka","B",-0- \r\n'));
    } else if (request.url === '/big') {
      response.end('x'.repeat(5000));
    } else if (request.url === '/broken') {
      response.writeHead(500).end();
    } else if (request.url === '/slow') {
      setTimeout(() => response.end('late'), 2000);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const options = { maxFileBytes: 1000, timeoutMs: 500 };

async function failure(name: string, path: string, limits = options): Promise<PuenteError> {
  try {
    await fetchOfficialFiles([{ name, url: `${base}${path}` }], limits);
  } catch (error) {
    return error as PuenteError;
  }
  throw new Error('expected failure');
}

describe('fetchOfficialFiles', () => {
  it('downloads files over HTTP, gunzips, keeps Last-Modified and skips missing optional files', async () => {
    const files = await fetchOfficialFiles(
      [
        { name: 'sdn.csv', url: `${base}/sdn.csv` },
        { name: 'alt.csv', url: `${base}/alt.csv.gz` },
        { name: 'sdn_comments.csv', url: `${base}/missing`, optional: true },
      ],
      options,
    );
    expect(files.map((file) => [file.name, file.bytes.toString()])).toEqual([
      ['sdn.csv', '1,"A",-0- \r\n'],
      ['alt.csv', '1,2,"aka","B",-0- \r\n'],
    ]);
    expect(files[0]?.modifiedAt).toBe('2024-05-03T10:00:00.000Z');
  });

  it('uses configured URL overrides', async () => {
    const files = await fetchOfficialFiles([{ name: 'sdn.csv', url: 'http://unused.invalid/' }], {
      ...options,
      urlOverrides: { 'sdn.csv': `${base}/sdn.csv` },
    });
    expect(files).toHaveLength(1);
  });

  it('names the URL on HTTP errors, missing required files, timeouts and refused connections', async () => {
    expect((await failure('sdn.csv', '/broken')).message).toContain('HTTP 500');
    expect((await failure('sdn.csv', '/missing')).message).toContain('HTTP 404');
    const slow = await failure('sdn.csv', '/slow');
    expect(slow.code).toBe('source_unavailable');
    expect(slow.message).toContain('timed out');
    const refused = await fetchOfficialFiles(
      [{ name: 'x', url: 'http://127.0.0.1:1/x' }],
      options,
    ).catch((error: unknown) => error as PuenteError);
    expect(refused).toMatchObject({ code: 'source_unavailable' });
  });

  it('refuses a response over the size limit', async () => {
    expect((await failure('big', '/big')).code).toBe('input_too_large');
  });
});
