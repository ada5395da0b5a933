/**
 * A fast path for the commonest non-ASCII names: Spanish, Portuguese and French names whose
 * only non-ASCII characters are accented Latin-1 letters (`Calderón`, `Muñoz`, `Gonçalves`).
 * Folding those letters first lets `normalizeName` take its ASCII path, which gives the same
 * words (a Latin word is folded letter by letter, and no Latin-1 letter is a separator,
 * apostrophe or format character) without Unicode normalization and per-word
 * transliteration — the costliest part of reading such a name. Each letter is folded with
 * `foldLatin` itself; a letter that folds to anything but one ASCII letter (`ß` → `ss`, whose
 * neighbours could change a dotted acronym) sends the name down the ordinary path.
 *
 * @module
 */
import { foldLatin } from './normalize-name.js';

/** First and last code units of the Latin-1 letters (U+00C0–U+00FF, except × and ÷). */
const FIRST = 0xc0;
const LAST = 0xff;
const TIMES = 0xd7;
const DIVIDE = 0xf7;

/** Each Latin-1 letter's one-letter ASCII fold, or '' when it has none. */
const FOLDS: readonly string[] = Array.from({ length: LAST - FIRST + 1 }, (_, k) => {
  const code = FIRST + k;
  if (code === TIMES || code === DIVIDE) {
    return '';
  }
  const folded = foldLatin(String.fromCharCode(code));
  return /^[a-z]$/.test(folded) ? folded : '';
});

/**
 * `raw` with its accented Latin-1 letters folded to ASCII, when every other character is
 * printable ASCII; undefined when the name needs the full Unicode path (or is ASCII already).
 */
export function foldLatin1Name(raw: string): string | undefined {
  let out: string | undefined;
  let copied = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 0x20 && code <= 0x7e) {
      continue;
    }
    const folded = code >= FIRST && code <= LAST ? FOLDS[code - FIRST]! : '';
    if (folded === '') {
      return undefined;
    }
    out = (out ?? '') + raw.slice(copied, i) + folded;
    copied = i + 1;
  }
  return out === undefined ? undefined : out + raw.slice(copied);
}
