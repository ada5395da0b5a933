/**
 * Test data for the watchlist store: entries, their version hashes and publications.
 *
 * @module
 */
import { canonicalJson, sha256Hex } from '../../src/core/hash.js';
import type { ParseReport } from '../../src/watchlist/list-source.js';
import { emptyEntry } from '../../src/watchlist/watchlist-entry.js';
import type { WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';
import type { NewPublication, StoredEntryInput } from '../../src/watchlist/watchlist-store.js';

/** A parse report with nothing in it. */
export const EMPTY_REPORT: ParseReport = {
  entries: 0,
  facts: {},
  fragments: 0,
  unparsedFragments: 0,
  linksResolved: 0,
  warningCounts: {},
  warnings: [],
};

/**
 * A small individual entry; `overrides` replaces any field.
 *
 * @example
 * testEntry('ofac-sdn', '100', { name: 'DOE, John' });
 */
export function testEntry(
  source: string,
  sourceId: string,
  overrides: Partial<WatchlistEntry> = {},
): WatchlistEntry {
  return { ...emptyEntry(source, sourceId, 'individual', `PERSON ${sourceId}`), ...overrides };
}

/**
 * An entry of roughly 1.5 KB of JSON, shaped like a well-documented OFAC individual.
 *
 * @example
 * largeEntry('ofac-sdn', 42);
 */
export function largeEntry(source: string, index: number): WatchlistEntry {
  const id = String(index);
  const origin = 'sdn.csv';
  return {
    ...emptyEntry(source, id, 'individual', `RODRIGUEZ OREJUELA, Gilberto José ${id}`),
    programs: ['SDNTK', 'ILLICIT-DRUGS-EO14059'],
    aliases: [
      { name: `EL AJEDRECISTA ${id}`, type: 'aka', strength: 'weak', origin: 'alt.csv' },
      { name: `RODRIGUEZ, Gilberto ${id}`, type: 'aka', strength: 'strong', origin: 'alt.csv' },
      { name: `Хосе Родригес ${id}`, type: 'aka', strength: 'strong', origin: 'alt.csv' },
    ],
    addresses: [
      { street: `Calle ${id} No. 12-34`, city: 'Cali', country: 'Colombia', origin: 'add.csv' },
      { city: 'Bogotá', country: 'Colombia', origin: 'add.csv' },
    ],
    birthDates: [
      { kind: 'exact', value: '1939-01-31', alternative: false, text: 'DOB 31 Jan 1939', origin },
    ],
    birthPlaces: [{ value: 'Mariquita, Tolima', text: 'POB Mariquita, Tolima, Colombia', origin }],
    nationalities: [{ value: 'Colombia', text: 'nationality Colombia', origin }],
    documents: [
      {
        type: 'cedula',
        label: 'Cedula No.',
        number: `6${id.padStart(7, '0')}`,
        country: 'Colombia',
        alternative: false,
        text: `Cedula No. 6${id.padStart(7, '0')} (Colombia)`,
        origin,
      },
      {
        type: 'passport',
        label: 'Passport',
        number: `AB${id.padStart(6, '0')}`,
        country: 'Colombia',
        alternative: false,
        text: `Passport AB${id.padStart(6, '0')} (Colombia)`,
        origin,
      },
    ],
    remarks:
      `DOB 31 Jan 1939; POB Mariquita, Tolima, Colombia; Cedula No. 6${id.padStart(7, '0')} ` +
      `(Colombia); Passport AB${id.padStart(6, '0')} (Colombia); (Linked To: DROGUERIA ` +
      `LA REBAJA S.A.); nationality Colombia; citizen Colombia; Gender Male.`,
  };
}

/**
 * The store input for one entry: its version hash is the SHA-256 of its canonical JSON, which
 * is passed along as ingest does.
 *
 * @example
 * toStoredEntry(testEntry('un', 'QDi.001')).versionHash;
 */
export function toStoredEntry(entry: WatchlistEntry): StoredEntryInput {
  const json = canonicalJson(entry);
  return { sourceId: entry.sourceId, versionHash: sha256Hex(json), entry, canonicalJson: json };
}

/** Publication fields a test may set; the rest get defaults. */
export interface TestPublicationOptions {
  readonly source?: string;
  readonly publishedAt?: string;
  readonly contentHash?: string;
  readonly ingestedAt?: string;
  readonly files?: readonly string[];
  readonly report?: ParseReport;
}

/**
 * A publication holding `entries`. Unless given, the content hash is derived from the source,
 * date and entry versions, so equal inputs give equal hashes.
 *
 * @example
 * testPublication([testEntry('un', 'QDi.001')], { source: 'un', publishedAt: '2024-05-03' });
 */
export function testPublication(
  entries: readonly WatchlistEntry[],
  options: TestPublicationOptions = {},
): NewPublication {
  const source = options.source ?? entries[0]?.source ?? 'test-source';
  const publishedAt = options.publishedAt ?? '2024-01-01';
  const stored = entries.map(toStoredEntry);
  const contentHash =
    options.contentHash ??
    sha256Hex([source, publishedAt, ...stored.map((entry) => entry.versionHash)].join('\n'));
  return {
    source,
    publishedAt,
    contentHash,
    ingestedAt: options.ingestedAt ?? '2024-06-01T12:00:00.000Z',
    files: options.files ?? ['sdn.csv'],
    report: options.report ?? { ...EMPTY_REPORT, entries: entries.length },
    entries: stored,
  };
}
