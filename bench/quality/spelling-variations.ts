/**
 * Word-level changes people make when they type a listed name: typos (one per word), accents
 * added or removed, Spanish phonetic spellings (b/v, y/ll, s/z/c, silent h, qu/k, c/k, x/j,
 * g/j), case and punctuation.
 *
 * @module
 */
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from './name-lists.js';
import { fold } from './listed-names.js';
import type { Prng } from './prng.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Re-applies the case pattern of `model` (all upper, capitalised, or lower) to `word`. */
export function matchCase(model: string, word: string): string {
  if (model === model.toUpperCase()) {
    return word.toUpperCase();
  }
  if (model[0] === model[0]!.toUpperCase()) {
    return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  }
  return word.toLowerCase();
}

/** Applies `change` to each space-separated word (punctuation around it is kept). */
export function mapWords(name: string, change: (word: string) => string): string {
  return name.replace(/[\p{L}\p{N}]+/gu, (word) => change(word));
}

/** One random typo: substitution, deletion, insertion or swap of two neighbours. */
export function typo(word: string, prng: Prng): string {
  const lower = word.toLowerCase();
  const at = prng.int(lower.length);
  const letter = () => LETTERS[prng.int(LETTERS.length)]!;
  let out: string;
  switch (prng.int(4)) {
    case 0: {
      let replacement = letter();
      while (replacement === lower[at]) {
        replacement = letter();
      }
      out = lower.slice(0, at) + replacement + lower.slice(at + 1);
      break;
    }
    case 1:
      out = lower.slice(0, at) + lower.slice(at + 1);
      break;
    case 2:
      out = lower.slice(0, at) + letter() + lower.slice(at);
      break;
    default: {
      const i = Math.min(at, lower.length - 2);
      out =
        lower[i] === lower[i + 1]
          ? lower.slice(0, i) + lower.slice(i + 1)
          : lower.slice(0, i) + lower[i + 1]! + lower[i]! + lower.slice(i + 2);
    }
  }
  return matchCase(word, out);
}

/** A typo in every word of three letters or more. */
export function typoEveryWord(name: string, prng: Prng): string {
  return mapWords(name, (word) =>
    word.length >= 3 && /^\p{L}+$/u.test(word) ? typo(word, prng) : word,
  );
}

const ACCENTED = new Map([...MALE_GIVEN, ...FEMALE_GIVEN, ...SURNAMES].map((w) => [fold(w), w]));
const ACUTE: Readonly<Record<string, string>> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' };

/** Accents added the Spanish way (or removed when the name already has some). */
export function toggleAccents(name: string, prng: Prng): string {
  if (name.normalize('NFKD') !== name.normalize('NFKC')) {
    return name.normalize('NFKD').replace(/\p{M}/gu, '');
  }
  const known = mapWords(name, (word) => {
    const accented = ACCENTED.get(fold(word));
    return accented === undefined ? word : matchCase(word, accented);
  });
  if (known !== name) {
    return known;
  }
  const words = name.split(' ');
  const at = prng.int(words.length);
  words[at] = words[at]!.replace(/[aeiouAEIOU]/, (v) => matchCase(v, ACUTE[v.toLowerCase()]!));
  return words.join(' ');
}

/** Spanish spellings of the same sounds: [pattern, replacement]. */
const PHONETIC_RULES: readonly (readonly [RegExp, string])[] = [
  [/v/, 'b'],
  [/b/, 'v'],
  [/ll/, 'y'],
  [/(?<=[aeiou])y(?=[aeiou])/, 'll'],
  [/z/, 's'],
  [/s$/, 'z'],
  [/c(?=[ei])/, 's'],
  [/^h(?=[aeiou])/, ''],
  [/^(?=[aeiou])/, 'h'],
  [/qu(?=[ei])/, 'k'],
  [/c(?=[aou])/, 'k'],
  [/x/, 'j'],
  [/j/, 'x'],
  [/g(?=[ei])/, 'j'],
  [/j(?=[ei])/, 'g'],
];

/** Respells some words with Spanish phonetic equivalents (at least one word changes). */
export function phoneticRespelling(name: string, prng: Prng): string | undefined {
  for (let attempt = 0; attempt < 5; attempt++) {
    const out = mapWords(name, (word) => (prng.chance(0.6) ? respell(word, prng) : word));
    if (out !== name) {
      return out;
    }
  }
  return undefined;
}

function respell(word: string, prng: Prng): string {
  const lower = fold(word);
  const rules = PHONETIC_RULES.filter(([pattern]) => pattern.test(lower));
  if (rules.length === 0) {
    return word;
  }
  const [pattern, replacement] = prng.pick(rules);
  return matchCase(word, lower.replace(pattern, replacement));
}

/** Case and punctuation as a clerk might type them. */
export function casePunctuation(name: string, prng: Prng): string {
  const cased = [name.toLowerCase(), name.toUpperCase(), titleCase(name)][prng.int(3)]!;
  const hyphens = prng.chance(0.3) ? '' : ' ';
  const out = cased
    .replace(/[,.;:]/g, ' ')
    .replace(/-/g, hyphens)
    .replace(/\s+/g, ' ')
    .trim();
  return out === name ? out.toLowerCase() : out;
}

function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(
      /(^|[\s-])(\p{L})/gu,
      (_, before: string, letter: string) => before + letter.toUpperCase(),
    );
}
