/**
 * Russian writes foreign names by sound with its own letters, and the passport-style reading
 * (`alphabet-tables.ts`) turns them back into Latin digraphs no Latin spelling uses: `Джон`
 * (JOHN) reads `dzhon`, `Рахим` (RAHIM) `rakhim`, `Ксиа` (XIA) `ksia`. These are the spellings
 * the original Latin name most likely had; a token read from Cyrillic is also looked up under
 * them.
 *
 * @module
 */

/** Sounds Russian spells with two or three letters where Latin names use one. */
const LATIN_CONVENTIONS: readonly (readonly [RegExp, string])[] = [
  [/dzh/g, 'j'],
  [/kh/g, 'h'],
];

/**
 * Other Latin spellings of a token read from Cyrillic: with `dzh` as `j` and `kh` as `h`, and
 * that again with `ks` as `x`. Empty when nothing changes.
 */
export function cyrillicLatinReadings(text: string): string[] {
  let latin = text;
  for (const [pattern, replacement] of LATIN_CONVENTIONS) {
    latin = latin.replace(pattern, replacement);
  }
  const readings = new Set([latin, latin.replace(/ks/g, 'x')]);
  readings.delete(text);
  return [...readings].filter((reading) => reading.length > 0);
}
