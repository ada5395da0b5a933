/**
 * From a name as typed or published to lower-case Latin words: compatibility normalization
 * (NFKC: full-width letters, ligatures, Arabic presentation forms), transliteration of other
 * scripts, accent folding (NFKD without combining marks: `Úsuga` → `usuga`, `ñ` → `n`, as OFAC
 * publishes them), dotted acronyms collapsed (`S.A.S.` → `sas`, `C.I.` → `ci`), apostrophes
 * removed (`D'Alessandro` → `dalessandro`, `SA'AD` → `saad`) and other punctuation turned into
 * spaces. Commas are kept as segment boundaries because OFAC writes `SURNAMES, Given names`.
 *
 * @module
 */
import { transliterateWord } from './transliterate.js';
import type { Script } from './unicode-scripts.js';

/** One normalized word with the script it was written in. */
export interface NormalizedWord {
  readonly text: string;
  readonly script: Script;
}

/** A normalized name: comma-separated segments of words (most names have one segment). */
export interface NormalizedName {
  readonly segments: readonly (readonly NormalizedWord[])[];
}

/** Letters that do not decompose under NFKD but have a conventional Latin spelling. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŋ: 'ng',
  ĸ: 'k',
  ſ: 's',
  ƒ: 'f',
};

const SPECIAL_PATTERN = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'gu');

/** Dotted acronyms: `S.A.S.`, `C.I.`, `S.A`, not `J.Smith`. */
const DOTTED_ACRONYM = /(?<![\p{L}\p{N}])(?:\p{L}\.){1,}\p{L}\.?(?![\p{L}\p{N}])/gu;

/** Apostrophes and letter-like quote marks vanish inside words (`O'Neil`, `ABU-'UMAR`). */
const APOSTROPHES = /['’‘`´ʼʻʿʾ′]/gu;

/** Invisible format characters (zero-width joiners inside Persian names, soft hyphens). */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** Everything that separates words besides commas. */
const SEPARATORS = /[^\p{L}\p{N}\p{M}&]+/u;

/** Lower-case, accent-free Latin (letters of other scripts are only lower-cased). */
export function foldLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(SPECIAL_PATTERN, (ch) => SPECIAL_LETTERS[ch] ?? ch);
}

/** ASCII variants of the patterns, for the common case of a plain ASCII name. */
const ASCII_ACRONYM = /(?<![A-Za-z0-9])(?:[A-Za-z]\.)+[A-Za-z]\.?(?![A-Za-z0-9])/g;
const ASCII_APOSTROPHES = /['`]/g;
const ASCII_SEPARATORS = /[^a-z0-9&]+/;
const NON_ASCII = /[^\u0020-\u007e]/;

/** Normalizes a full name into comma segments of folded Latin words. */
export function normalizeName(raw: string): NormalizedName {
  const ascii = !NON_ASCII.test(raw);
  const text = ascii ? asciiPrepare(raw) : unicodePrepare(raw);
  const segments: NormalizedWord[][] = [];
  for (const segment of text.split(',')) {
    const words = ascii ? asciiSegment(segment) : unicodeSegment(segment);
    if (words.length > 0) {
      segments.push(words);
    }
  }
  return { segments };
}

function asciiPrepare(raw: string): string {
  const collapsed = raw.includes('.') ? raw.replace(ASCII_ACRONYM, stripDots) : raw;
  return collapsed.replace(ASCII_APOSTROPHES, '').toLowerCase();
}

function unicodePrepare(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(FORMAT_CHARACTERS, '')
    .replace(DOTTED_ACRONYM, stripDots)
    .replace(APOSTROPHES, '');
}

function stripDots(acronym: string): string {
  return acronym.replace(/\./g, '');
}

/** Splits a lower-cased ASCII segment into words. */
function asciiSegment(segment: string): NormalizedWord[] {
  const words: NormalizedWord[] = [];
  for (const piece of segment.split(ASCII_SEPARATORS)) {
    const text = piece === '&' ? piece : piece.replace(/&/g, '');
    if (text !== '') {
      pushLatin(words, text);
    }
  }
  return words;
}

/** Splits one comma segment into words and reads each in Latin. */
function unicodeSegment(segment: string): NormalizedWord[] {
  const words: NormalizedWord[] = [];
  for (const piece of segment.split(SEPARATORS)) {
    if (piece === '' || piece === '&') {
      if (piece === '&') {
        words.push({ text: '&', script: 'latin' });
      }
      continue;
    }
    for (const token of transliterateWord(piece.replace(/&/g, ''))) {
      const text = foldLatin(token.text).replace(/[^\p{L}\p{N}]/gu, '');
      if (text !== '' && token.script === 'latin') {
        pushLatin(words, text);
      } else if (text !== '') {
        words.push({ text, script: token.script });
      }
    }
  }
  return words;
}

/** Sun letters Latin spellings double after an assimilated article (`ELSSEID`, `ALTTAHER`). */
const SUN_LETTERS = 'tdrzsn';

/**
 * A Latin word, split when it is the Arabic article written together with a name whose first
 * letter it assimilates (`ELSSEID` = `el` + `sseid`, Arabic `الصيد`): the article then meets
 * the article, and the name the name. `l` itself is left alone (`ALLEN`, `ELLIS`, `ALLAH`).
 */
function pushLatin(words: NormalizedWord[], text: string): void {
  if (
    text.length >= 6 &&
    text.charCodeAt(1) === 108 /* l */ &&
    (text[0] === 'a' || text[0] === 'e') &&
    text[2] === text[3] &&
    SUN_LETTERS.includes(text[2]!)
  ) {
    words.push(
      { text: text.slice(0, 2), script: 'latin' },
      { text: text.slice(2), script: 'latin' },
    );
    return;
  }
  words.push({ text, script: 'latin' });
}
