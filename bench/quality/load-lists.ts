/**
 * Loads the real list publications the quality and speed benchmarks run on: the OFAC SDN
 * publication of 2024-05-03 and the UN consolidated list of 2026-02-27, through the project's
 * own list parsers. The data folder is `PUENTE_DATA_DIR`, or `../shared/data` beside the
 * repository.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { ListSource } from '../../src/watchlist/list-source.js';
import { ofacSdnSource } from '../../src/watchlist/sources/ofac-sdn/index.js';
import { unConsolidatedSource } from '../../src/watchlist/sources/un-consolidated/index.js';
import type { WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The real data folder. */
export const DATA_DIR = resolve(process.env.PUENTE_DATA_DIR ?? join(repoRoot, '../shared/data'));

/** The OFAC publication the targets are stated for. */
export const SDN_FILE = 'ofac/history/sdn-2024-05-03.csv.gz';
/** The UN publication the targets are stated for. */
export const UN_FILE = 'un/consolidated-2026-02-27.xml';

/** Reads one file (gunzipped when `.gz`) and parses it with `source`. */
function parseFile(source: ListSource, relative: string): readonly WatchlistEntry[] {
  const path = join(DATA_DIR, relative);
  const raw = readFileSync(path);
  const bytes = relative.endsWith('.gz') ? gunzipSync(raw) : raw;
  const name = relative.split('/').pop()!;
  return source.parse([{ name, origin: path, bytes }]).entries;
}

/** OFAC SDN 2024-05-03 followed by the UN consolidated list. */
export function loadRealLists(): WatchlistEntry[] {
  return [...parseFile(ofacSdnSource, SDN_FILE), ...parseFile(unConsolidatedSource, UN_FILE)];
}
