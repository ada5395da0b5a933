/**
 * Validation of screening options against the index they will run on: filters must name
 * sources, programs, entity types and countries that exist, so that a misspelt program
 * (`SDNK` for `SDNTK`) is an error rather than an empty, reassuring result.
 *
 * @module
 */
import type { EntityType } from '../watchlist/watchlist-entry.js';
import type { ScreeningIndex } from './screening-index.js';
import { fail, rejectUnknownKeys, validateCountry, validateEntityType } from './screening-query.js';
import type { ScreeningOptions } from './screening-types.js';
import { DEFAULT_THRESHOLD } from './threshold.js';

/** Default number of matches returned. */
export const DEFAULT_LIMIT = 10;
/** Largest number of matches a caller may ask for. */
export const MAX_LIMIT = 1000;

const OPTION_KEYS: ReadonlySet<string> = new Set([
  'threshold',
  'limit',
  'sources',
  'programs',
  'entityTypes',
  'countries',
]);

/** Options after validation; filters are undefined when not set. */
export interface ValidOptions {
  readonly threshold: number;
  readonly limit: number;
  readonly sources?: ReadonlySet<string>;
  readonly programs?: ReadonlySet<string>;
  readonly entityTypes?: ReadonlySet<EntityType>;
  readonly countries?: ReadonlySet<string>;
}

/** Validates options; throws `ValidationError` naming the offending field. */
export function validateOptions(index: ScreeningIndex, options: ScreeningOptions): ValidOptions {
  if (typeof options !== 'object' || options === null) {
    fail('options', 'options must be an object');
  }
  rejectUnknownKeys(options, OPTION_KEYS, 'option');
  return {
    threshold: validateThreshold(options.threshold),
    limit: validateLimit(options.limit),
    ...optional('sources', knownValues(options.sources, 'sources', index.sources)),
    ...optional('programs', knownValues(options.programs, 'programs', index.programs)),
    ...optional(
      'entityTypes',
      listOf(options.entityTypes, 'entityTypes', (v) => validateEntityType(v, 'entityTypes')!),
    ),
    ...optional(
      'countries',
      listOf(options.countries, 'countries', (v) => validateCountry(v, 'countries')),
    ),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function validateThreshold(value: unknown): number {
  if (value === undefined) {
    return DEFAULT_THRESHOLD;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    fail('threshold', 'threshold must be a number between 0 and 1', { value });
  }
  return value;
}

function validateLimit(value: unknown): number {
  if (value === undefined) {
    return DEFAULT_LIMIT;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
    fail('limit', `limit must be an integer between 1 and ${MAX_LIMIT}`, { value });
  }
  return value;
}

/** A non-empty array whose items each pass `check`. */
function listOf<T>(value: unknown, field: string, check: (item: unknown) => T): Set<T> | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Array.isArray(value) || value.length === 0) {
    fail(field, `${field} must be a non-empty array`, { value });
  }
  return new Set((value as unknown[]).map(check));
}

/** Values that must exist in the index; matched case-insensitively, returned as published. */
function knownValues(value: unknown, field: string, known: ReadonlySet<string>) {
  if (value === undefined) {
    return undefined;
  }
  const byKey = new Map([...known].map((k) => [k.toUpperCase(), k]));
  return listOf(value, field, (item) => {
    const found = typeof item === 'string' ? byKey.get(item.trim().toUpperCase()) : undefined;
    if (found === undefined) {
      fail(
        field,
        `unknown ${field} value ${JSON.stringify(item)}; the index has: ${[...known].sort().join(', ')}`,
        {
          value: item,
          known: [...known].sort(),
        },
      );
    }
    return found;
  });
}
