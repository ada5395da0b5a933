/**
 * The same person listed by two sources. OFAC and the UN list many people twice, often with
 * different name words (`TARAK BEN TAHER BEN FALEH OUNI HARZI`, UN; `AL-HARZI, Tariq
 * Bin-Al-Tahar Bin Al Falih Al-'Awni`, OFAC). A query made from one listing that finds the
 * other first has found the right person, so both count as right. Two listings are taken for
 * one person only on strong evidence: another source, the same main date of birth, and either
 * an identity document number in common or uncommon name words (four letters or more, in at
 * most 30 entries) in common: two with a full date of birth, three with a year or a range
 * (brothers `AKRAM TURKI HISHAN AL-MAZIDIH` and `GHAZY FEZZA HISHAN AL-MAZIDIH` share two).
 *
 * @module
 */
import { entryId, type WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';
import { plainWords } from './negative-check.js';

/** Entry id → ids of the other sources' listings of the same person. */
export function samePersonListings(entries: readonly WatchlistEntry[]): Map<string, string[]> {
  const byBirth = new Map<string, WatchlistEntry[]>();
  for (const entry of entries) {
    const birth = mainBirthDate(entry);
    if (entry.entityType === 'individual' && birth !== undefined) {
      const list = byBirth.get(birth) ?? [];
      list.push(entry);
      byBirth.set(birth, list);
    }
  }
  const frequency = wordFrequency(entries);
  const rare = (entry: WatchlistEntry) =>
    new Set([...nameWords(entry)].filter((w) => (frequency.get(w) ?? 0) <= COMMON_WORD));
  const out = new Map<string, string[]>();
  for (const group of byBirth.values()) {
    for (const a of group) {
      for (const b of group) {
        if (a.source !== b.source && samePerson(a, b, rare)) {
          const list = out.get(entryId(a)) ?? [];
          list.push(entryId(b));
          out.set(entryId(a), list);
        }
      }
    }
  }
  return out;
}

function mainBirthDate(entry: WatchlistEntry): string | undefined {
  const main = entry.birthDates.find((d) => !d.alternative);
  if (main === undefined) {
    return undefined;
  }
  return main.value ?? `${main.from ?? ''}..${main.to ?? ''}`;
}

/** A name word in more entries than this (`MOHAMMAD`, `ABDUL`, `HAJI`) is no evidence. */
const COMMON_WORD = 30;

function wordFrequency(entries: readonly WatchlistEntry[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const entry of entries) {
    for (const word of nameWords(entry)) {
      frequency.set(word, (frequency.get(word) ?? 0) + 1);
    }
  }
  return frequency;
}

function samePerson(
  a: WatchlistEntry,
  b: WatchlistEntry,
  rare: (entry: WatchlistEntry) => Set<string>,
): boolean {
  const documents = new Set(a.documents.map((d) => documentKey(d.number)));
  if (
    b.documents.some(
      (d) => documentKey(d.number).length >= 5 && documents.has(documentKey(d.number)),
    )
  ) {
    return true;
  }
  const words = rare(a);
  let shared = 0;
  for (const word of rare(b)) {
    shared += words.has(word) ? 1 : 0;
  }
  const fullDate = a.birthDates.find((d) => !d.alternative)?.kind === 'exact';
  return shared >= (fullDate ? 2 : 3);
}

function documentKey(number: string): string {
  return number.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

function nameWords(entry: WatchlistEntry): Set<string> {
  const words = new Set<string>();
  for (const name of [entry.name, ...entry.aliases.map((a) => a.name)]) {
    for (const word of plainWords(name)) {
      if (word.length >= 4) {
        words.add(word);
      }
    }
  }
  return words;
}
