/**
 * Where integration tests and benchmarks find the real list publications: `PUENTE_DATA_DIR`, or
 * `../shared/data` beside the repository.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The real data folder. */
export const DATA_DIR = resolve(process.env.PUENTE_DATA_DIR ?? join(repoRoot, '../shared/data'));

/** True when the real data is present (integration suites skip otherwise, saying so). */
export const HAS_DATA = existsSync(join(DATA_DIR, 'ofac')) && existsSync(join(DATA_DIR, 'un'));

/** A path inside the data folder. */
export function dataPath(...parts: string[]): string {
  return join(DATA_DIR, ...parts);
}
