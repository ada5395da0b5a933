/**
 * Country names and codes to ISO 3166-1 alpha-2, for the query's `country`, the `countries`
 * filter and the nationality/address facts of entries. Unknown names yield `undefined`; the
 * query validator turns that into a `ValidationError`, entry facts just ignore it.
 *
 * @module
 */
import { COUNTRY_LISTING } from './country-names.js';
import { foldLatin } from './normalize-name.js';

/** Folded name → alpha-2 code. */
const BY_NAME: ReadonlyMap<string, string> = buildLookup();

function buildLookup(): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of COUNTRY_LISTING.trim().split('\n')) {
    for (const name of line.slice(3).split('|')) {
      map.set(countryKey(name), line.slice(0, 2));
    }
  }
  return map;
}

/** Case-, accent- and punctuation-free key: `Korea, North` → `korea north`. */
function countryKey(name: string): string {
  return foldLatin(name)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** All known alpha-2 codes. */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(BY_NAME.values());

/** The alpha-2 code of a country name or alpha-2 code, or `undefined` when unknown. */
export function countryCode(nameOrCode: string): string | undefined {
  const upper = nameOrCode.trim().toUpperCase();
  if (upper.length === 2 && COUNTRY_CODES.has(upper)) {
    return upper;
  }
  return countryByName(nameOrCode);
}

/** The alpha-2 code of a country name (codes not accepted), or `undefined`. */
function countryByName(name: string): string | undefined {
  const key = countryKey(name);
  return BY_NAME.get(key) ?? BY_NAME.get(key.replace(/^(the|possibly|former) /, ''));
}

/**
 * The country named at the end of a free-text place (`Medellin, Colombia`,
 * `Cedula No. 123 (Colombia)` → `CO`), or `undefined`.
 */
export function countryInPlace(place: string): string | undefined {
  const known = PLACE_MEMO.get(place);
  if (known !== undefined || PLACE_MEMO.has(place)) {
    return known;
  }
  const code = readPlace(place);
  if (PLACE_MEMO.size < PLACE_MEMO_LIMIT) {
    PLACE_MEMO.set(place, code);
  }
  return code;
}

/** Places repeat across entries (`Russia`, `Mexico`); remembering them speeds index builds. */
const PLACE_MEMO = new Map<string, string | undefined>();
const PLACE_MEMO_LIMIT = 50_000;

function readPlace(place: string): string | undefined {
  const whole = countryByName(place);
  if (whole !== undefined) {
    return whole;
  }
  const parts = place
    .split(/[,;()]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  for (let i = parts.length - 1; i >= 0; i--) {
    const code = countryByName(parts[i]!);
    if (code !== undefined) {
      return code;
    }
  }
  return undefined;
}
