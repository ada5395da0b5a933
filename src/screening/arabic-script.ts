/**
 * Arabic-script words (Arabic, Persian, Urdu, Pashto) to Latin. Arabic is an abjad: short vowels
 * are not written, so `محمد` becomes `mhmd` and is matched against `MOHAMMED` through the
 * consonant skeleton rather than letter by letter. Long vowels (`ا و ي`) are kept as `a u i`
 * inside a word and as consonants `w y` at its start, the usual reading of names.
 *
 * @module
 */

/** Consonants and vowel carriers; `_` drops the letter (ʿayn, hamza, tatweel). */
const LETTERS: ReadonlyMap<string, string> = new Map(
  (
    'ء _ آ a أ a ؤ u إ i ئ i ا a ب b ة a ت t ث th ج j ح h خ kh د d ذ dh ر r ز z س s ش sh ص s ' +
    'ض dh ط t ظ dh ع _ غ gh ـ _ ف f ق q ك k ل l م m ن n ه h و u ى a ي i ٱ a ' +
    'پ p چ ch ژ zh ک k گ g ی i ٹ t ڈ d ڑ r ں n ہ h ھ h ۃ a ے e ځ z څ ts ډ d ړ r ږ zh ښ sh ګ g ڼ n ۍ i ې e'
  )
    .split(' ')
    .reduce<[string, string][]>((pairs, part, i, parts) => {
      if (i % 2 === 0) {
        pairs.push([part, parts[i + 1] === '_' ? '' : parts[i + 1]!]);
      }
      return pairs;
    }, []),
);

/**
 * Letters read differently at the start of a word: `و` and `ي` are consonants there (long vowels
 * elsewhere), and `ع` (ʿayn, unwritten in Latin inside a word) is heard as the vowel that
 * follows it, which Latin spellings write: `عمر` OMAR, `عدي` UDAY, `عزيز` AZIZ.
 */
const INITIAL_LETTERS: ReadonlyMap<string, string> = new Map([
  ['و', 'w'],
  ['ي', 'y'],
  ['ی', 'y'],
  ['ع', 'a'],
]);

/**
 * Words read as a whole: `بن`/`ابن` ("son of"), `بنت` ("daughter of") and the Mauritanian `ولد`
 * are the particles BIN, IBN, BINT and OULD of every Latin spelling, not the names `bn`, `abn`,
 * `bnt`, `wld`.
 */
const WHOLE_WORDS: ReadonlyMap<string, string> = new Map([
  ['بن', 'bin'],
  ['ابن', 'ibn'],
  ['إبن', 'ibn'],
  ['بنت', 'bint'],
  ['ولد', 'ould'],
]);

/** Diacritics (harakat, shadda, sukun) and Quranic marks: optional in names, dropped. */
const MARKS = /[\u064b-\u065f\u0670\u06d6-\u06ed]/gu;

/**
 * Transliterates one Arabic-script word. Splits the article `ال` into its own `al` token and
 * reads `عبد` ("servant of", the first part of theophoric names) as `abd`, the way every Latin
 * spelling writes it, so `عبد الله` meets `ABDULLAH` once compounds are merged (`name-tokens.ts`).
 * Words written together are read apart as when written with a space: `أبو` + name, and a name
 * followed by `عبد` (`محمدعبد البصیر` is MOHAMMAD ABDUL BASIR).
 */
export function transliterateArabicWord(word: string): string[] {
  const bare = word.replace(MARKS, '');
  const whole = WHOLE_WORDS.get(bare);
  if (whole !== undefined) {
    return [whole];
  }
  if (bare.length > 3 && bare.startsWith('ال')) {
    return ['al', lettersToLatin(bare.slice(2))];
  }
  if (bare.startsWith('عبد')) {
    return bare.length > 3 ? ['abd', ...transliterateArabicWord(bare.slice(3))] : ['abd'];
  }
  const abu = ABU_PREFIX.exec(bare);
  if (abu !== null && bare.length - abu[0].length >= 2) {
    return ['abu', ...transliterateArabicWord(bare.slice(abu[0].length))];
  }
  if (bare.length >= 6 && bare.endsWith('عبد')) {
    return [...transliterateArabicWord(bare.slice(0, -3)), 'abd'];
  }
  const latin = lettersToLatin(bare);
  // `عابد` (ʿĀbid: ABID, ABED) reads `abd` once the alif after ʿayn is folded, but it is a name
  // of its own, not the ʿabd ("servant of") that opens compounds (`name-tokens.ts` merges those).
  return [latin === 'abd' && bare.startsWith('عا') ? 'abid' : latin];
}

/**
 * `أبو` ("father of") is often written together with the name it governs (`أبوغيث` ABU GHAITH,
 * `أبواليزيد` ABOU EL YAZID): it is read as its own word, as when written apart.
 */
const ABU_PREFIX = /^[اأ]بو/u;

/** Letter-by-letter reading with the word-initial rules (`INITIAL_LETTERS`). */
function lettersToLatin(word: string): string {
  let out = '';
  let first = true;
  for (const ch of word) {
    const initial = first ? INITIAL_LETTERS.get(ch) : undefined;
    out += initial ?? LETTERS.get(ch) ?? '';
    first = false;
  }
  // `عا…` (ʿayn then alif) is one vowel: `عادل` ADIL, not `aadl`.
  const vowel = out.startsWith('aa') ? out.slice(1) : out;
  // A final `ه` after `د` is the vowel of Persian `زاده` (ZADA, ZADEH), and read `h` it would
  // make the digraph `dh` (`ذ`) of a letter that is not there.
  return vowel.length >= 4 && vowel.endsWith('dh') && word.endsWith('ده')
    ? `${vowel.slice(0, -1)}e`
    : vowel;
}
