/**
 * Latin names written in Cyrillic and in Arabic script, the way a foreign clerk or document
 * would (Russian practice for Spanish names: `J`→`Х`, `LL`→`ЛЬ`; Arabic practice: `G`→`غ`,
 * `O`/`U`→`و`, `E`/`I`→`ي`, short vowels often unwritten). These are the harness's own
 * tables, written independently of the engine's reverse tables.
 *
 * @module
 */

/** Digraphs first, then single letters. */
const LATIN_TO_CYRILLIC: readonly (readonly [string, string])[] = [
  ['shch', 'щ'],
  ['sch', 'ш'],
  ['sh', 'ш'],
  ['ch', 'ч'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ya', 'я'],
  ['yu', 'ю'],
  ['ll', 'ль'],
  ['qu', 'к'],
  ['gu', 'г'],
  ['ph', 'ф'],
  ['th', 'т'],
  ['a', 'а'],
  ['b', 'б'],
  ['c', 'к'],
  ['d', 'д'],
  ['e', 'е'],
  ['f', 'ф'],
  ['g', 'г'],
  ['h', 'х'],
  ['i', 'и'],
  ['j', 'х'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['q', 'к'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['v', 'в'],
  ['w', 'в'],
  ['x', 'кс'],
  ['y', 'й'],
  ['z', 'с'],
];

/** Spanish spellings read by sound: `c`/`z` before e, i as `с`, silent `h`, `ñ`-less `ll` as `й`. */
const SPANISH_CYRILLIC: readonly (readonly [string, string])[] = [
  ['ce', 'се'],
  ['ci', 'си'],
  ['que', 'ке'],
  ['qui', 'ки'],
  ['gue', 'ге'],
  ['gui', 'ги'],
  ['ge', 'хе'],
  ['gi', 'хи'],
  ['ll', 'й'],
  ['h', ''],
];

const LATIN_TO_ARABIC: readonly (readonly [string, string])[] = [
  ['ce', 'سي'],
  ['ci', 'سي'],
  ['sh', 'ش'],
  ['ch', 'تش'],
  ['kh', 'خ'],
  ['gh', 'غ'],
  ['th', 'ث'],
  ['dh', 'ذ'],
  ['ph', 'ف'],
  ['qu', 'ك'],
  ['gu', 'غ'],
  ['ou', 'و'],
  ['ee', 'ي'],
  ['oo', 'و'],
  ['a', 'ا'],
  ['b', 'ب'],
  ['c', 'ك'],
  ['d', 'د'],
  ['e', 'ي'],
  ['f', 'ف'],
  ['g', 'غ'],
  ['h', 'ه'],
  ['i', 'ي'],
  ['j', 'ج'],
  ['k', 'ك'],
  ['l', 'ل'],
  ['m', 'م'],
  ['n', 'ن'],
  ['o', 'و'],
  ['p', 'ب'],
  ['q', 'ق'],
  ['r', 'ر'],
  ['s', 'س'],
  ['t', 'ت'],
  ['u', 'و'],
  ['v', 'ف'],
  ['w', 'و'],
  ['x', 'كس'],
  ['y', 'ي'],
  ['z', 'ز'],
];

/**
 * Lower-case, accent-free letters and spaces only. Apostrophes go without a trace: `CH'O'L` and
 * `WI'AM` are one word each, written `Чол` and `Виам`, never as separate letters.
 */
function plain(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`ʼ]/gu, '')
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function convert(word: string, table: readonly (readonly [string, string])[]): string {
  let out = '';
  for (let i = 0; i < word.length;) {
    const rule = table.find(([latin]) => word.startsWith(latin, i));
    out += rule === undefined ? '' : rule[1];
    i += rule === undefined ? 1 : rule[0].length;
  }
  return out;
}

/**
 * The name in Cyrillic letters (words kept apart). Russian writes a Spanish `J` as `Х`
 * (`JOSE` → `ХОСЕ`) but an English or Arabic `J` as `ДЖ` (`JAMAL` → `ДЖАМАЛ`).
 */
export function toCyrillic(name: string, spanish: boolean): string {
  const table: readonly (readonly [string, string])[] = spanish
    ? [...SPANISH_CYRILLIC, ...LATIN_TO_CYRILLIC]
    : [['j', 'дж'], ...LATIN_TO_CYRILLIC];
  return plain(name)
    .split(' ')
    .map((word) => convert(word, table))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * The name in Arabic script. Short vowels inside a word are usually not written in Arabic;
 * a vowel directly after a consonant and before another consonant is dropped half the time
 * (decided by the word's own letters, so the output is deterministic). A doubled consonant is
 * written once (Arabic marks gemination with an optional sign), Spanish `ll` is read `y`, and a
 * `c` before `e` or `i` is read `s` before any vowel is dropped (`CESAR` → `سسر`, not `كسر`);
 * nor is a vowel dropped where its neighbours would then read as one letter (`DEHGHAN`).
 */
export function toArabic(name: string, spanish: boolean): string {
  return arabicName(plain(name).split(' '), spanish);
}

/** A word written letter by letter (the clerk's transcription of a name it does not know). */
function spellOut(word: string, spanish: boolean): string {
  const single = (spanish ? word.replace(/ll/g, 'y') : word).replace(/([^aeiou])\1/g, '$1');
  // A soft `c` is heard, and written, `س` whether or not the vowel after it is written.
  const soft = single.replace(/c(?=[ei])/g, 's');
  return (
    initialVowel(soft) + convert(dropShortVowels(soft.replace(/^[aeiou]/, '')), LATIN_TO_ARABIC)
  );
}

/**
 * Words of Arabic names that have one fixed spelling in Arabic script, whatever their Latin
 * transliteration: a writer of Arabic writes `محمد`, never a letter-by-letter `مهمد`, and the
 * particles `بن`, `أبو`, `ولد`, `عبد` and `الله` as they are spelt.
 */
const FIXED_ARABIC: ReadonlyMap<string, string> = new Map(
  (
    [
      ['محمد', 'muhammad mohammad mohammed muhammed mohamed mohamad muhamad mohamud mohd'],
      ['أحمد', 'ahmad ahmed'],
      ['محمود', 'mahmud mahmoud'],
      ['الله', 'allah ullah illah'],
      ['بن', 'bin ben'],
      ['ابن', 'ibn'],
      ['بنت', 'bint'],
      ['أبو', 'abu abou abo'],
      ['ولد', 'ould'],
      ['عبد', 'abd'],
    ] as const
  ).flatMap(([arabic, latin]) => latin.split(' ').map((word) => [word, arabic] as const)),
);

/** The Arabic article as Latin spellings write it; the last ones assimilate to a sun letter. */
const ARTICLE = new Set(['al', 'el', 'ul']);
const ASSIMILATED_ARTICLE = /^[aeu](sh|[tdrzsn])$/;

/** `ABDUL`, `ABDEL`, … as a word of its own, before the name it governs. */
const ABDUL_WORD = /^abd(?:ul|el|al|ol|oul)$/;
/** `ABD` + name written as one Latin word (`ABDELKADER`, `ABDALLAH`, `ABDURRAHMAN`). */
const ABD_PREFIX = /^abd(?:ul|el|al|ol|oul|ur|us)?(?=[a-z]{3})/;
/** `ALLAH` in its Latin spellings, after the article has been taken off or not. */
const ALLAH = /^(?:[aiu]?ll?ah?)$/;

/**
 * An Arabic name in Arabic script the way an Arabic writer spells it: the article `ال` joined to
 * the word it governs (Latin `AL-KHANSA`, `EL KHANSA` and `ES SAYED` are `الخانسا`, `السيد`), the
 * fixed words of `FIXED_ARABIC`, and `عبد ال…` for the `ABDUL` + name compounds
 * (`ABDELKADER` → `عبد الكادر`, `ABDALLAH` → `عبد الله`); every other word letter by letter.
 */
function arabicName(words: readonly string[], spanish: boolean): string {
  const out: string[] = [];
  let article = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (next !== undefined && (isArticle(word, next, spanish) || ABDUL_WORD.test(word))) {
      if (ABDUL_WORD.test(word)) {
        out.push('عبد');
      }
      article = true;
      continue;
    }
    const abd = ABD_PREFIX.exec(word);
    if (abd !== null && !article) {
      out.push(
        'عبد',
        withArticle(word.slice(abd[0].length).replace(/^(?:al|el)(?=..)/, ''), spanish),
      );
    } else {
      out.push(
        article ? withArticle(word, spanish) : (FIXED_ARABIC.get(word) ?? spellOut(word, spanish)),
      );
    }
    article = false;
  }
  return out.join(' ');
}

/**
 * `AL`, `EL`, `UL`; `AS`, `ASH`, `AD`, … only before the letter they assimilate to. In the names
 * of Spanish-speaking people `EL` is the Spanish article, and no Arabic one assimilates.
 */
function isArticle(word: string, next: string, spanish: boolean): boolean {
  if (spanish) {
    return word === 'al' || word === 'ul';
  }
  if (ARTICLE.has(word)) {
    return true;
  }
  const assimilated = ASSIMILATED_ARTICLE.exec(word);
  return assimilated !== null && next.startsWith(assimilated[1]!);
}

/** A word after the article, which Arabic writes joined to it (`الله` for ALLAH). */
function withArticle(word: string, spanish: boolean): string {
  return ALLAH.test(word) ? 'الله' : 'ال' + (FIXED_ARABIC.get(word) ?? spellOut(word, spanish));
}

/**
 * An Arabic word never starts with a vowel letter: an initial vowel is carried by alif with its
 * hamza, `أ` for a, o, u and `إ` for e, i (`أنطونيو`, `أليكسي`). A bare `ا` followed by `ل` would
 * read as the article (`ALEKSEY` written `الكسيي` is "al-Ksii").
 */
function initialVowel(word: string): string {
  const first = word.charAt(0);
  if (first === 'e' || first === 'i') {
    return 'إ';
  }
  return 'aou'.includes(first) && first !== '' ? 'أ' : '';
}

/** Letter pairs the table reads as one Arabic letter: a dropped vowel must not create one. */
const DIGRAPHS = new Set(['sh', 'ch', 'kh', 'gh', 'th', 'dh', 'ph', 'qu', 'gu', 'ou']);

function dropShortVowels(word: string): string {
  const vowels = 'aeiou';
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    // `DEHGHAN` without its `e` would read `dh` + `gh` (ذغن): a writer hears d-h, not ذ.
    const between =
      i > 0 &&
      i < word.length - 1 &&
      !vowels.includes(word[i - 1]!) &&
      !vowels.includes(word[i + 1]!) &&
      !DIGRAPHS.has(word[i - 1]! + word[i + 1]!);
    out += vowels.includes(c) && between && (word.charCodeAt(i) + i) % 2 === 0 ? '' : c;
  }
  return out;
}
