/**
 * Korean, Japanese kana and Chinese characters to Latin.
 *
 * - Hangul syllables are decomposed arithmetically (Unicode §3.12) and read with a simplified
 *   McCune-Reischauer, the system the DPRK entries on the lists use (`KIM`, `PAK`, `CHOE`).
 * - Kana use Hepburn, with small `ゃゅょ` and the geminating small `っ`.
 * - Han characters: a compact hand-written Han→pinyin table (see `han-pinyin.ts`). A character
 *   not in the table becomes the token `u<hex code point>`, so a query in the same script still
 *   finds the same characters in an original-script name, but a Latin query does not. That is
 *   the documented fallback: the lists write these names in Latin as well.
 *
 * @module
 */
import { HAN_PINYIN } from './han-pinyin.js';

const HANGUL_INITIALS = 'k kk n t tt r m p pp s ss _ j jj ch k t p h'.split(' ');
const HANGUL_VOWELS = 'a ae ya yae o e yo ye o wa wae oe yo u wo we wi yu u ui i'.split(' ');
const HANGUL_FINALS = '_ k k k n n n t l k m l l l p l m p p t t ng t t k t p t'.split(' ');

/** Reads one precomposed Hangul syllable (U+AC00–U+D7A3). */
export function romanizeHangulSyllable(codePoint: number): string {
  const index = codePoint - 0xac00;
  const initial = HANGUL_INITIALS[Math.floor(index / 588)]!;
  const vowel = HANGUL_VOWELS[Math.floor((index % 588) / 28)]!;
  const final = HANGUL_FINALS[index % 28]!;
  return `${initial === '_' ? '' : initial}${vowel}${final === '_' ? '' : final}`;
}

/** Hiragana → Hepburn; katakana is mapped onto hiragana first (fixed 0x60 offset). */
const KANA: ReadonlyMap<string, string> = new Map(
  (
    'あ a い i う u え e お o か ka き ki く ku け ke こ ko が ga ぎ gi ぐ gu げ ge ご go ' +
    'さ sa し shi す su せ se そ so ざ za じ ji ず zu ぜ ze ぞ zo た ta ち chi つ tsu て te と to ' +
    'だ da ぢ ji づ zu で de ど do な na に ni ぬ nu ね ne の no は ha ひ hi ふ fu へ he ほ ho ' +
    'ば ba び bi ぶ bu べ be ぼ bo ぱ pa ぴ pi ぷ pu ぺ pe ぽ po ま ma み mi む mu め me も mo ' +
    'や ya ゆ yu よ yo ら ra り ri る ru れ re ろ ro わ wa ゐ i ゑ e を o ん n ゔ vu ' +
    'ぁ a ぃ i ぅ u ぇ e ぉ o'
  )
    .split(' ')
    .reduce<[string, string][]>((pairs, part, i, parts) => {
      if (i % 2 === 0) {
        pairs.push([part, parts[i + 1]!]);
      }
      return pairs;
    }, []),
);

/** Small ya/yu/yo glide onto the previous syllable: き+ゃ → kya, し+ゃ → sha. */
const GLIDES: ReadonlyMap<string, string> = new Map([
  ['ゃ', 'a'],
  ['ゅ', 'u'],
  ['ょ', 'o'],
]);

/** Romanizes a run of kana (one word). */
export function romanizeKana(word: string): string {
  let out = '';
  let geminate = false;
  for (const raw of word) {
    const cp = raw.codePointAt(0)!;
    const ch = cp >= 0x30a1 && cp <= 0x30f6 ? String.fromCodePoint(cp - 0x60) : raw;
    const glide = GLIDES.get(ch);
    if (glide !== undefined) {
      out = applyGlide(out, glide);
    } else if (ch === 'っ') {
      geminate = true;
    } else {
      const syllable = KANA.get(ch) ?? '';
      out += geminate && syllable !== '' ? syllable[0]! + syllable : syllable;
      geminate = false;
    }
  }
  return out;
}

/** `ki`+`a` → `kya`; `shi`/`chi`/`ji` + `a` → `sha`/`cha`/`ja`. */
function applyGlide(out: string, vowel: string): string {
  if (/(sh|ch|j)i$/.test(out)) {
    return out.slice(0, -1) + vowel;
  }
  return out.endsWith('i') ? `${out.slice(0, -1)}y${vowel}` : `${out}y${vowel}`;
}

/** Reads one Han character: pinyin without tones, or the `u<hex>` fallback token. */
export function romanizeHan(codePoint: number): string {
  return HAN_PINYIN.get(String.fromCodePoint(codePoint)) ?? `u${codePoint.toString(16)}`;
}
