/**
 * Hard negatives: people and companies that are not on the lists but look like listed ones.
 *
 * - `negative-sibling`: a listed Hispanic person's two surnames with other given names (a
 *   brother or cousin shares both surnames);
 * - `negative-namesake`: a listed person's first given name and first surname with another
 *   second surname;
 * - `negative-person`: a random Colombian full name (given names and two surnames);
 * - `negative-company-sibling`: a listed company with its most distinctive word replaced
 *   (`INVERSIONES LA ESPERANZA S.A.S.` → `INVERSIONES LA PRIMAVERA S.A.S.`);
 * - `negative-company`: a random Colombian company (generic word, distinctive word, legal form).
 *
 * Every candidate goes through `ListedNames.covers` and is discarded when a listed name accounts
 * for all its words.
 *
 * @module
 */
import type { WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';
import { fold, isHispanic, personName } from './listed-names.js';
import {
  COMPANY_DISTINCTIVE,
  COMPANY_GENERIC,
  COMPANY_LEGAL,
  FEMALE_GIVEN,
  MALE_GIVEN,
  SURNAMES,
} from './name-lists.js';
import type { ListedNames } from './negative-check.js';
import type { Prng } from './prng.js';

/** One negative query. */
export interface Negative {
  readonly kind: string;
  readonly name: string;
}

/** Given names of one person (one or two, same gender). */
function givenNames(prng: Prng): string {
  const pool = prng.chance(0.5) ? MALE_GIVEN : FEMALE_GIVEN;
  const first = prng.pick(pool);
  return prng.chance(0.5) ? `${first} ${prng.pick(pool.filter((n) => n !== first))}` : first;
}

function surname(prng: Prng, except: readonly string[] = []): string {
  const excluded = new Set(except.map(fold));
  return prng.pick(SURNAMES.filter((s) => !excluded.has(fold(s))));
}

/** Upper case half the time, as banks often store names. */
function styled(name: string, prng: Prng): string {
  return prng.chance(0.5) ? name.toUpperCase() : name;
}

function sibling(listed: WatchlistEntry, prng: Prng): string | undefined {
  const p = personName(listed);
  if (p === undefined || p.family.length < 2) {
    return undefined;
  }
  return `${givenNames(prng)} ${p.family.join(' ')}`;
}

function namesake(listed: WatchlistEntry, prng: Prng): string | undefined {
  const p = personName(listed);
  if (p === undefined) {
    return undefined;
  }
  return `${p.given[0]!} ${p.family[0]!} ${surname(prng, p.family)}`;
}

function randomPerson(prng: Prng): string {
  const first = surname(prng);
  return `${givenNames(prng)} ${first} ${surname(prng, [first])}`;
}

const GENERIC = new Set(COMPANY_GENERIC.map(fold));
const FILLER = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'el',
  'y',
  'sa',
  'sas',
  'ltda',
  's',
  'a',
  'c',
  'v',
  'cia',
]);

/** How many listed company names use each word (rarer words are more distinctive). */
function wordCounts(companies: readonly WatchlistEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of companies) {
    for (const word of new Set(
      entry.name.split(/\s+/).map((w) => fold(w).replace(/[^a-z]/g, '')),
    )) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

/** A listed company with its most distinctive word (the rarest, then the longest) replaced. */
function companySibling(
  listed: WatchlistEntry,
  prng: Prng,
  counts: ReadonlyMap<string, number>,
): string | undefined {
  const words = listed.name.split(/\s+/);
  const rarity = (key: string) => counts.get(key) ?? 0;
  const distinctive = words
    .map((w, i) => ({ w, i, key: fold(w).replace(/[^a-z]/g, '') }))
    .filter(({ key }) => key.length >= 4 && !GENERIC.has(key) && !FILLER.has(key))
    .sort((a, b) => rarity(a.key) - rarity(b.key) || b.key.length - a.key.length);
  if (distinctive.length === 0 || words.length < 2) {
    return undefined;
  }
  const target = distinctive[0]!;
  words[target.i] = prng.pick(COMPANY_DISTINCTIVE).toUpperCase();
  return words.join(' ');
}

function randomCompany(prng: Prng): string {
  const article = prng.pick(['', 'LA ', 'EL ', 'LOS ', '']);
  const name = `${prng.pick(COMPANY_GENERIC)} ${article}${prng.pick(COMPANY_DISTINCTIVE)} ${prng.pick(COMPANY_LEGAL)}`;
  return styled(name, prng);
}

/** Generates `count` negatives of each kind, checked against the lists. */
export function hardNegatives(
  entries: readonly WatchlistEntry[],
  listed: ListedNames,
  prng: Prng,
  count: number,
): Negative[] {
  const hispanic = entries.filter(isHispanic);
  const companies = entries.filter((e) => e.entityType === 'entity');
  const counts = wordCounts(companies);
  const makers: readonly [string, () => string | undefined][] = [
    ['negative-sibling', () => mapStyled(sibling(prng.pick(hispanic), prng), prng)],
    ['negative-namesake', () => mapStyled(namesake(prng.pick(hispanic), prng), prng)],
    ['negative-person', () => styled(randomPerson(prng), prng)],
    ['negative-company-sibling', () => companySibling(prng.pick(companies), prng, counts)],
    ['negative-company', () => randomCompany(prng)],
  ];
  const out: Negative[] = [];
  const seen = new Set<string>();
  for (const [kind, make] of makers) {
    for (let made = 0, attempts = 0; made < count && attempts < count * 20; attempts++) {
      const name = make();
      if (name === undefined || seen.has(fold(name)) || listed.covers(name)) {
        continue;
      }
      seen.add(fold(name));
      out.push({ kind, name });
      made++;
    }
  }
  return out;
}

function mapStyled(name: string | undefined, prng: Prng): string | undefined {
  return name === undefined ? undefined : styled(name, prng);
}
