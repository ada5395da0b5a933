/**
 * A realistic customer base for batch benchmarks. A bank screening its whole base mostly screens
 * people and companies that are not listed: here 99% are generated Colombian people (given names
 * and two surnames, sometimes a particle) and companies (generic word, distinctive word, legal
 * form), and 1% are variations of listed names taken from the evaluation set. A share of the
 * generated names carry one clerk's typo, so the engine also meets words it has never seen.
 * Generated names are not checked against the lists: like real customers, a few may resemble a
 * listed name (the benchmark reports how many rows matched).
 *
 * The evaluation set itself (mostly variations of listed names) is the worst case; the batch
 * benchmark reports both.
 *
 * @module
 */
import type { WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';
import { buildEvalSet } from '../quality/eval-set.js';
import {
  COMPANY_DISTINCTIVE,
  COMPANY_GENERIC,
  COMPANY_LEGAL,
  FEMALE_GIVEN,
  MALE_GIVEN,
  SURNAMES,
} from '../quality/name-lists.js';
import { Prng } from '../quality/prng.js';

/** Shares of the generated base. */
export const CUSTOMER_BASE_MIX = {
  /** Variations of listed names. */
  listed: 0.01,
  /** Companies among the unlisted customers (the rest are people). */
  companies: 0.2,
  /** Unlisted customers whose name carries one typo. */
  typos: 0.05,
} as const;

/** `count` customer names, deterministic for a seed; see the module doc for the mix. */
export function customerBase(
  entries: readonly WatchlistEntry[],
  count: number,
  seed: number,
): string[] {
  const prng = new Prng(seed);
  const positives = buildEvalSet(entries, { seed, perKind: 50, negativesPerKind: 0 })
    .filter((c) => c.index === 'main' && c.expected !== undefined)
    .map((c) => c.name);
  const names: string[] = [];
  while (names.length < count) {
    if (prng.chance(CUSTOMER_BASE_MIX.listed)) {
      names.push(prng.pick(positives));
      continue;
    }
    const base = prng.chance(CUSTOMER_BASE_MIX.companies) ? company(prng) : person(prng);
    const name = prng.chance(CUSTOMER_BASE_MIX.typos) ? withTypo(base, prng) : base;
    names.push(prng.chance(0.5) ? name.toUpperCase() : name);
  }
  return names;
}

function person(prng: Prng): string {
  const pool = prng.chance(0.5) ? MALE_GIVEN : FEMALE_GIVEN;
  const given = prng.chance(0.4) ? `${prng.pick(pool)} ${prng.pick(pool)}` : prng.pick(pool);
  const first = prng.pick(SURNAMES);
  const second = prng.chance(0.9) ? ` ${prng.pick(SURNAMES)}` : '';
  const particle = prng.chance(0.03) ? ' de' : '';
  return `${given} ${first}${particle}${second}`;
}

function company(prng: Prng): string {
  const article = prng.pick(['', 'LA ', 'EL ', 'LOS ', '']);
  return `${prng.pick(COMPANY_GENERIC)} ${article}${prng.pick(COMPANY_DISTINCTIVE)} ${prng.pick(COMPANY_LEGAL)}`;
}

/** One letter of one word (of four letters or more) dropped, doubled or replaced. */
function withTypo(name: string, prng: Prng): string {
  const words = name.split(' ');
  const long = words.map((w, i) => ({ w, i })).filter(({ w }) => w.length >= 4);
  if (long.length === 0) {
    return name;
  }
  const { w, i } = prng.pick(long);
  const at = 1 + prng.int(w.length - 1);
  const letter = 'abcdefghijklmnopqrstuvwxyz'[prng.int(26)]!;
  const edits = [
    w.slice(0, at) + w.slice(at + 1),
    w.slice(0, at) + w[at - 1]! + w.slice(at),
    w.slice(0, at) + letter + w.slice(at + 1),
  ];
  words[i] = prng.pick(edits);
  return words.join(' ');
}
