/**
 * The variation kinds of the evaluation set. Each takes a listed entry and returns a query a
 * real user could type for that same party, or `undefined` when the kind does not apply to the
 * entry (e.g. no second surname to drop).
 *
 * @module
 */
import type { WatchlistEntry } from '../../src/watchlist/watchlist-entry.js';
import { isHispanic, naturalOrder, personName, units } from './listed-names.js';
import { plainWords } from './negative-check.js';
import type { Prng } from './prng.js';
import { toArabic, toCyrillic } from './script-variants.js';
import {
  casePunctuation,
  phoneticRespelling,
  toggleAccents,
  typo,
  typoEveryWord,
} from './spelling-variations.js';
import {
  dropLegalForm,
  legalFormRespelling,
  shuffledCompanyWords,
  addParticles,
} from './company-variations.js';

/** A variation: name, which entries it applies to, and the query it makes. */
export interface Variation {
  readonly kind: string;
  readonly make: (entry: WatchlistEntry, prng: Prng) => string | undefined;
}

const person = (entry: WatchlistEntry) => personName(entry);

/** Every variation kind, in report order. */
export const VARIATIONS: readonly Variation[] = [
  { kind: 'as-listed', make: (e) => e.name },
  { kind: 'natural-order', make: (e) => (person(e) === undefined ? undefined : naturalOrder(e)) },
  { kind: 'dropped-second-surname', make: droppedSecondSurname },
  { kind: 'dropped-middle-name', make: droppedMiddleName },
  { kind: 'accents', make: (e, prng) => nonEmpty(toggleAccents(naturalOrder(e), prng)) },
  { kind: 'case-punctuation', make: (e, prng) => casePunctuation(e.name, prng) },
  { kind: 'typo-every-word', make: (e, prng) => changed(e.name, typoEveryWord(e.name, prng)) },
  {
    kind: 'spanish-phonetic',
    make: (e, prng) => (isHispanic(e) ? phoneticRespelling(naturalOrder(e), prng) : undefined),
  },
  { kind: 'particles', make: addParticles },
  {
    kind: 'legal-form',
    make: (e, prng) => (prng.chance(0.25) ? dropLegalForm(e) : legalFormRespelling(e, prng)),
  },
  { kind: 'alias-only', make: aliasOnly },
  { kind: 'initials', make: initials },
  { kind: 'shuffled-company-words', make: shuffledCompanyWords },
  { kind: 'combination', make: combination },
  {
    kind: 'cyrillic',
    make: (e) =>
      e.entityType === 'individual' ? toCyrillic(naturalOrder(e), isHispanic(e)) : undefined,
  },
  {
    kind: 'arabic',
    make: (e) =>
      e.entityType === 'individual' ? toArabic(naturalOrder(e), isHispanic(e)) : undefined,
  },
];

function nonEmpty(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

function changed(before: string, after: string): string | undefined {
  return after === before ? undefined : after;
}

/** `Given FIRST-SURNAME` for Hispanic people listed with two surnames. */
function droppedSecondSurname(entry: WatchlistEntry): string | undefined {
  const p = person(entry);
  if (p === undefined || !isHispanic(entry) || p.family.length < 2) {
    return undefined;
  }
  return [...p.given, p.family[0]!].join(' ');
}

/** `First-given SURNAMES` for people with two or more given names (UN: drop the second part). */
function droppedMiddleName(entry: WatchlistEntry): string | undefined {
  const p = person(entry);
  if (p !== undefined) {
    return p.given.length < 2 ? undefined : [p.given[0]!, ...p.family].join(' ');
  }
  const parts = entry.entityType === 'individual' ? units(entry.name) : [];
  return parts.length >= 3 ? [parts[0]!, ...parts.slice(2)].join(' ') : undefined;
}

/**
 * An alias on its own: a strong alias when there is one; otherwise a weak alias that reads as a
 * full name (two words or more, or one of seven letters or more), since OFAC does not expect
 * screening on short nicknames.
 */
function aliasOnly(entry: WatchlistEntry, prng: Prng): string | undefined {
  const usable = entry.aliases.filter(
    (a) => a.script === undefined && /\p{Script=Latin}/u.test(a.name),
  );
  const strong = usable.filter((a) => a.strength === 'strong');
  const weak = usable.filter((a) => a.strength === 'weak' && readsAsName(a.name));
  const pool = strong.length > 0 ? strong : weak;
  return pool.length === 0 ? undefined : prng.pick(pool).name;
}

/** Two words or more, or one of seven letters or more, not counting particles and legal forms. */
function readsAsName(alias: string): boolean {
  const words = plainWords(alias);
  return words.length >= 2 || (words.length === 1 && words[0]!.length >= 7);
}

/** Given names after the first reduced to initials (`Gilberto J. Rodriguez Orejuela`); a single given name becomes `G.` */
function initials(entry: WatchlistEntry): string | undefined {
  const p = person(entry);
  if (p === undefined) {
    return undefined;
  }
  const initial = (unit: string) => `${unit.split(' ').pop()!.charAt(0).toUpperCase()}.`;
  const given =
    p.given.length === 1 ? [initial(p.given[0]!)] : [p.given[0]!, ...p.given.slice(1).map(initial)];
  return [...given, ...p.family].join(' ');
}

/** Several changes at once: order, an omitted name, one typo, accents or case. */
function combination(entry: WatchlistEntry, prng: Prng): string | undefined {
  const p = person(entry);
  let name =
    p === undefined ? (legalFormRespelling(entry, prng) ?? entry.name) : naturalOrder(entry);
  if (p !== undefined && p.family.length >= 2 && isHispanic(entry) && prng.chance(0.5)) {
    name = [...p.given, p.family[0]!].join(' ');
  } else if (p !== undefined && p.given.length >= 2 && prng.chance(0.5)) {
    name = [p.given[0]!, ...p.family].join(' ');
  }
  const words = name.split(' ');
  const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => /^\p{L}{4,}$/u.test(w));
  if (candidates.length > 0) {
    const { w, i } = prng.pick(candidates);
    words[i] = typo(w, prng);
  }
  name = words.join(' ');
  return prng.chance(0.5) ? toggleAccents(name, prng) : casePunctuation(name, prng);
}
