/**
 * Which writing system a character belongs to, for the scripts the sanctions lists use. The
 * normalizer transliterates per script, and query validation refuses a word that mixes two
 * alphabets (a homoglyph such as a Cyrillic `о` inside a Latin word).
 *
 * @module
 */

/** Writing systems the engine distinguishes. `other` covers symbols and unsupported scripts. */
export type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'arabic'
  | 'hebrew'
  | 'georgian'
  | 'armenian'
  | 'han'
  | 'hangul'
  | 'kana'
  | 'digit'
  | 'other';

/** Half-open code point ranges per script, checked in order (Latin first: by far the most common). */
const RANGES: readonly (readonly [number, number, Script])[] = [
  [0x0030, 0x003a, 'digit'],
  [0x0041, 0x005b, 'latin'],
  [0x0061, 0x007b, 'latin'],
  [0x00c0, 0x0250, 'latin'],
  [0x1e00, 0x1f00, 'latin'],
  [0x0370, 0x0400, 'greek'],
  [0x1f00, 0x2000, 'greek'],
  [0x0400, 0x0530, 'cyrillic'],
  [0x0530, 0x0590, 'armenian'],
  [0x0590, 0x0600, 'hebrew'],
  [0xfb1d, 0xfb50, 'hebrew'],
  [0x0600, 0x0780, 'arabic'],
  [0x08a0, 0x0900, 'arabic'],
  [0xfb50, 0xfe00, 'arabic'],
  [0xfe70, 0xff00, 'arabic'],
  [0x10a0, 0x1100, 'georgian'],
  [0x1100, 0x1200, 'hangul'],
  [0x3130, 0x3190, 'hangul'],
  [0xac00, 0xd7b0, 'hangul'],
  [0x3040, 0x3100, 'kana'],
  [0x31f0, 0x3200, 'kana'],
  [0x3400, 0x4dc0, 'han'],
  [0x4e00, 0xa000, 'han'],
  [0xf900, 0xfb00, 'han'],
];

/** The script of one code point; combining marks and punctuation are `other`. */
export function scriptOf(codePoint: number): Script {
  for (const [from, to, script] of RANGES) {
    if (codePoint >= from && codePoint < to) {
      return script;
    }
  }
  return 'other';
}

/** True for scripts written without most vowels, where names are compared by consonants. */
export function isAbjad(script: Script): boolean {
  return script === 'arabic' || script === 'hebrew';
}

/** The letter scripts present in a word, ignoring digits, marks and punctuation. */
export function lettersScripts(word: string): Set<Script> {
  const found = new Set<Script>();
  for (const ch of word) {
    const script = scriptOf(ch.codePointAt(0)!);
    if (script !== 'other' && script !== 'digit') {
      found.add(script);
    }
  }
  return found;
}
