import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PuenteError } from '../core/errors.js';
import { decompressIfGzip, loadInputFiles } from './load-input.js';

const limits = { maxFileBytes: 10_000 };

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'puente-load-'));
  mkdirSync(join(dir, 'nested'));
  writeFileSync(join(dir, 'sdn.csv'), '1,"A",-0- \r\n');
  writeFileSync(join(dir, 'nested', 'sdn-2024-05-03.csv.gz'), gzipSync('2,"B",-0- \r\n'));
  writeFileSync(join(dir, 'README.md'), '# not a list');
  writeFileSync(join(dir, '.hidden.csv'), 'x');
  return dir;
}

async function errorOf(promise: Promise<unknown>): Promise<PuenteError> {
  try {
    await promise;
  } catch (error) {
    return error as PuenteError;
  }
  throw new Error('expected a rejection');
}

describe('loadInputFiles', () => {
  it('reads list files recursively, decompresses gzip and ignores other files', async () => {
    const files = await loadInputFiles(folder(), limits);
    expect(files.map((file) => file.name)).toEqual(['sdn-2024-05-03.csv.gz', 'sdn.csv']);
    expect(files[0]?.bytes.toString()).toBe('2,"B",-0- \r\n');
    expect(files[0]?.modifiedAt).toMatch(/^\d{4}-/);
  });

  it('names a missing path', async () => {
    const error = await errorOf(loadInputFiles('/nonexistent/list.csv', limits));
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('/nonexistent/list.csv');
  });

  it('refuses a file over the size limit', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'big.csv'), 'x'.repeat(20_000));
    const error = await errorOf(loadInputFiles(join(dir, 'big.csv'), limits));
    expect(error.code).toBe('input_too_large');
  });
});

describe('decompressIfGzip', () => {
  const gz = gzipSync(Buffer.from('a'.repeat(5000)));

  it('passes plain bytes through', () => {
    expect(decompressIfGzip(Buffer.from('plain'), 'x', limits).toString()).toBe('plain');
  });

  it('reports a truncated gzip stream with the file name', () => {
    expect(() => decompressIfGzip(gz.subarray(0, gz.length - 8), 'sdn.csv.gz', limits)).toThrow(
      /sdn\.csv\.gz: truncated gzip stream/,
    );
  });

  it('refuses output beyond the cap (gzip bomb)', () => {
    expect(() => decompressIfGzip(gz, 'bomb.gz', { maxFileBytes: 100 })).toThrow(PuenteError);
    try {
      decompressIfGzip(gz, 'bomb.gz', { maxFileBytes: 100 });
    } catch (error) {
      expect((error as PuenteError).code).toBe('input_too_large');
    }
  });
});
