/**
 * Arabic writes long vowels (`و` read `u`/`o`, `ي` read `i`/`e`/`y`) even though it omits short
 * ones. A Latin spelling of the same name has them too: `منصور` (`mnsur`) is `MANSOUR`,
 * `MANSUR`, `MANSOOR`, never `AMANECER`, though all four share the consonants `m n s r`; and
 * `حسين` (`hsin`) is `HUSSEIN`/`HUSAYN`, not `HASSAN`. Skeleton matches between an abjad token
 * and a Latin one must pass this check.
 *
 * @module
 */

/** Latin letters that can render `و` (U) and `ي` (I). */
function vowelClass(letter: string): 'U' | 'I' | undefined {
  if (letter === 'u' || letter === 'o' || letter === 'w') {
    return 'U';
  }
  return letter === 'i' || letter === 'e' || letter === 'y' ? 'I' : undefined;
}

/**
 * Whether every long vowel written in `abjad` (the engine's reading of an Arabic-script word,
 * where `u` and `i` stand for `و` and `ي` inside a word) has a counterpart, in order, in `latin`.
 * Spanish `ll` counts as `y` too (`CASTILLO` is written `كستييو`).
 */
export function abjadVowelsCompatible(abjad: string, latin: string): boolean {
  return (
    vowelsInOrder(abjad, latin) ||
    (latin.includes('ll') && vowelsInOrder(abjad, latin.replace(/ll/g, 'y')))
  );
}

/**
 * Whether the long vowels agree once two of the same class that Arabic writes one after the
 * other (`dbiski`, `الدبيسكي`) may stand for one Latin vowel (AL-DABSKI, listed beside
 * AL-DIBISKI): Latin spellings often drop one of two close vowels, but never a whole class
 * (`منصور` is still not AMANECER). Weaker evidence than full agreement; see `token-expansion.ts`.
 */
export function abjadVowelsShared(abjad: string, latin: string): boolean {
  return vowelsInOrder(abjad, latin, true);
}

function vowelsInOrder(abjad: string, latin: string, share = false): boolean {
  let at = 0;
  let previous: 'U' | 'I' | undefined;
  let shared = !share;
  for (let i = 1; i < abjad.length; i++) {
    const needed = abjad[i] === 'u' ? 'U' : abjad[i] === 'i' ? 'I' : undefined;
    if (needed === undefined) {
      continue;
    }
    while (at < latin.length && vowelClass(latin[at]!) !== needed) {
      at++;
    }
    if (at >= latin.length && !shared && previous === needed) {
      shared = true;
      continue;
    }
    previous = needed;
    if (at >= latin.length) {
      // Persian writes a final alif maqsura with `ی` (`عیسی` ISA, `موسی` MUSA).
      return i === abjad.length - 1 && needed === 'I' && latin.endsWith('a');
    }
    at++;
  }
  return true;
}

/** Similarity of a skeleton match whose long vowels agree only by sharing (`abjadVowelsShared`). */
export const SHARED_VOWEL_SIMILARITY = 0.85;
