/**
 * The structured facts of an entry the scorer compares, precomputed at index time: countries
 * (nationality, citizenship, addresses, places of birth, document countries, vessel flag) as
 * ISO codes, birth dates, and document keys.
 *
 * @module
 */
import type { WatchlistEntry } from '../watchlist/watchlist-entry.js';
import { listedBirthDate, type ListedBirthDate } from './birth-dates.js';
import { countryInPlace } from './countries.js';
import { documentKeys } from './documents.js';

/** Facts of one entry in comparable form. */
export interface EntryFacts {
  readonly countries: ReadonlySet<string>;
  readonly birthDates: readonly ListedBirthDate[];
  /** Document key → the document as published (`Cedula No. 16593470 (Colombia)`). */
  readonly documents: ReadonlyMap<string, string>;
}

/** Extracts the comparable facts of an entry. */
export function entryFacts(entry: WatchlistEntry): EntryFacts {
  const birthDates = entry.birthDates
    .map(listedBirthDate)
    .filter((date): date is ListedBirthDate => date !== undefined);
  const documents = new Map<string, string>();
  for (const doc of entry.documents) {
    for (const key of documentKeys(doc.number)) {
      documents.set(key, doc.text === '' ? `${doc.label} ${doc.number}` : doc.text);
    }
  }
  return { countries: entryCountries(entry), birthDates, documents };
}

function entryCountries(entry: WatchlistEntry): Set<string> {
  const places = [
    ...entry.nationalities.map((fact) => fact.value),
    ...entry.citizenships.map((fact) => fact.value),
    ...entry.birthPlaces.map((fact) => fact.value),
    ...entry.addresses.flatMap((address) => [address.country ?? '']),
    ...entry.documents.map((doc) => doc.country ?? ''),
    entry.vessel?.flag ?? '',
  ];
  const codes = new Set<string>();
  for (const place of places) {
    const code = place === '' ? undefined : countryInPlace(place);
    if (code !== undefined) {
      codes.add(code);
    }
  }
  return codes;
}
