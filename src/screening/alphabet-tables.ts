/**
 * Hand-written letter tables from alphabetic scripts to Latin. Cyrillic follows the
 * passport-style (ICAO 9303 / BGN-PCGN) spellings that lists use (`Ж`→`zh`, `Х`→`kh`,
 * `Ц`→`ts`); Greek follows ELOT 743; Georgian and Armenian their national romanizations
 * without diacritics. Lower-case keys only: the caller lower-cases first.
 *
 * @module
 */

/** Builds a char→Latin map from a compact `"а a б b …"` listing (pairs separated by spaces). */
function table(pairs: string): ReadonlyMap<string, string> {
  const parts = pairs.trim().split(/\s+/);
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length; i += 2) {
    map.set(parts[i]!, parts[i + 1] === '_' ? '' : parts[i + 1]!);
  }
  return map;
}

/** Russian, Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian and Central Asian letters. */
export const CYRILLIC = table(`
  а a б b в v г g д d е e ё e ж zh з z и i й y к k л l м m н n о o п p р r с s т t у u ф f
  х kh ц ts ч ch ш sh щ shch ъ _ ы y ь _ э e ю yu я ya
  є ye і i ї yi ґ g ў u
  ђ dj ј j љ lj њ nj ћ c џ dz ѓ gj ќ kj ѕ dz
  ә a ғ g қ q ң ng ө o ұ u ү u һ h ҳ h ҷ j ӣ i ӯ u
`);

/** Modern Greek (accents are removed before lookup). */
export const GREEK = table(`
  α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r σ s ς s τ t υ y
  φ f χ ch ψ ps ω o
`);

/** Georgian Mkhedruli. */
export const GEORGIAN = table(`
  ა a ბ b გ g დ d ე e ვ v ზ z თ t ი i კ k ლ l მ m ნ n ო o პ p ჟ zh რ r ს s ტ t უ u ფ p
  ქ k ღ gh ყ q შ sh ჩ ch ც ts ძ dz წ ts ჭ ch ხ kh ჯ j ჰ h
`);

/** Armenian. */
export const ARMENIAN = table(`
  ա a բ b գ g դ d ե e զ z է e ը y թ t ժ zh ի i լ l խ kh ծ ts կ k հ h ձ dz ղ gh ճ ch մ m
  յ y ն n շ sh ո o չ ch պ p ջ j ռ r ս s վ v տ t ր r ց ts ւ v փ p ք k օ o ֆ f և ev
`);

/**
 * Hebrew consonants; like Arabic it rarely writes vowels, so `ו` and `י` become `v`/`y` and
 * matching relies on the consonant skeleton (see `spanish-phonetic.ts`).
 */
export const HEBREW = table(`
  א _ ב b ג g ד d ה h ו v ז z ח kh ט t י y כ k ך k ל l מ m ם m נ n ן n ס s ע _ פ p ף f
  צ ts ץ ts ק k ר r ש sh ת t
`);
