/**
 * How the harness reads a listed entry's name: OFAC writes individuals `SURNAMES, Given names`;
 * particles (`DE LA`, `DEL`) stay attached to the word they introduce, so `DE LA TORRE` is one
 * surname unit (colombia.md §4). Also decides whether a person is Hispanic (narcotics programs,
 * a Latin American nationality, or a common Colombian surname), which selects the Spanish-only
 * variations.
 *
 * @module
 */
import type { WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';
import { SURNAMES } from './name-lists.js';

/** A person's name split into units (a unit keeps its leading particles). */
export interface PersonName {
  readonly family: readonly string[];
  readonly given: readonly string[];
}

const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'y',
  'da',
  'dos',
  'do',
  'das',
  'di',
  'van',
  'von',
]);
const NARCOTICS = new Set(['SDNT', 'SDNTK', 'ILLICIT-DRUGS-EO14059']);
const LATIN_AMERICA =
  /colombia|mexico|venezuela|ecuador|peru|panama|guatemala|honduras|salvador|bolivia|paraguay|argentina|chile|nicaragua|costa rica|dominican|spain|cuba|uruguay/i;
const COMMON_SURNAMES = new Set(SURNAMES.map(fold));

/** Accent- and case-folded. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** `ABDUL`, `ABD`, … open a two-word Arabic name (`Abdul Aziz`), kept as one unit. */
const ABD = /^abd(ul|el|al|ol|u)?$/;

/** Groups words so that particles stay with the word they introduce. */
export function units(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    if (PARTICLES.has(fold(word)) || ABD.test(fold(word))) {
      pending += `${word} `;
    } else {
      out.push(pending + word);
      pending = '';
    }
  }
  if (pending !== '') {
    out.push(pending.trim());
  }
  return out;
}

/** The person name of an OFAC-style `SURNAMES, Given` individual, else undefined. */
export function personName(entry: WatchlistEntry): PersonName | undefined {
  if (entry.entityType !== 'individual') {
    return undefined;
  }
  const comma = entry.name.indexOf(',');
  if (comma <= 0) {
    return undefined;
  }
  const family = units(entry.name.slice(0, comma));
  const given = units(entry.name.slice(comma + 1));
  return family.length > 0 && given.length > 0 ? { family, given } : undefined;
}

/** `Given SURNAMES` for OFAC individuals; the name as listed otherwise. */
export function naturalOrder(entry: WatchlistEntry): string {
  const person = personName(entry);
  return person === undefined ? entry.name : [...person.given, ...person.family].join(' ');
}

/** Whether an individual looks Hispanic (see module doc). */
export function isHispanic(entry: WatchlistEntry): boolean {
  const person = personName(entry);
  if (person === undefined) {
    return false;
  }
  if (entry.programs.some((p) => NARCOTICS.has(p))) {
    return true;
  }
  if (entry.nationalities.some((n) => LATIN_AMERICA.test(n.value))) {
    return true;
  }
  return person.family.some((unit) => COMMON_SURNAMES.has(fold(unit.split(' ').pop()!)));
}
