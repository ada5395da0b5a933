/**
 * Two sound keys for folded Latin tokens.
 *
 * `spanishPhoneticKey` collapses the spellings Spanish treats as the same sound, so that the
 * variants a clerk or a transliterator produces meet: b/v, y/ll, s/z/c(e,i) (seseo), silent h,
 * qu/k/c(a,o,u), ph/f, and g/gu(e,i)/j/kh and a word-initial x as one class (`GIMENEZ`,
 * `JIMENEZ`, `XIMENEZ`; Russian and Arabic transcriptions write Spanish `j` as `kh`); inside a
 * word x is `ks` (`ALEXEY`/`ALEKSEY`, `MAXIMO`/`MAKSIMO`). Doubled letters collapse. Vowels are kept: in
 * Spanish they are stable and they keep `CANO` apart from `CUNA`.
 *
 * `consonantSkeleton` keeps only consonant classes. Arabic and Hebrew do not write short vowels,
 * so `محمد` (`mhmd`) must meet `MOHAMMED`, `MUHAMMAD` and `MOHAMED`; transliterations also
 * disagree on digraphs (kh/k, gh/g, sh/ch). The key is coarse on purpose and the scorer trusts
 * it fully only for tokens that came from an abjad (see `token-similarity.ts`).
 *
 * @module
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const FRONT = new Set(['e', 'i', 'y']);

/** Spanish-aware phonetic key of a folded token (`[a-z0-9]`). */
export function spanishPhoneticKey(token: string): string {
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const [sound, skip] = spanishSound(token, i);
    out += sound;
    i += skip;
  }
  return collapseRuns(out);
}

/** The sound of the letter at `i` and how many following letters it consumed. */
function spanishSound(t: string, i: number): [string, number] {
  const c = t[i]!;
  const next = t[i + 1] ?? '';
  switch (c) {
    case 'b':
    case 'v':
      return ['b', 0];
    case 'w':
      return ['u', 0];
    case 'y':
      return [VOWELS.has(next) ? 'y' : 'i', 0];
    case 'z':
      return next === 'h' ? ['j', 1] : ['s', 0];
    case 'x':
      return i === 0 ? ['j', 0] : ['ks', 0];
    case 'j':
      return ['j', 0];
    case 'h':
      return ['', 0];
    case 'l':
      return next === 'l' ? ['y', 1] : ['l', 0];
    default:
      return digraphSound(t, i, c, next);
  }
}

/** Letters whose sound depends on what follows: c, q, k, g, s, p, t, d. */
function digraphSound(t: string, i: number, c: string, next: string): [string, number] {
  const after = t[i + 2] ?? '';
  switch (c) {
    case 'd':
      if (next === 'z' && after === 'h') {
        return ['j', 2];
      }
      return next === 'j' ? ['j', 1] : ['d', 0];
    case 'c':
      if (next === 'h') {
        return ['C', 1];
      }
      return [FRONT.has(next) ? 's' : 'k', 0];
    case 'q':
      return ['k', next === 'u' && FRONT.has(after) ? 1 : 0];
    case 'k':
      return next === 'h' ? ['j', 1] : ['k', 0];
    case 'g':
      return ['j', (next === 'u' && FRONT.has(after)) || next === 'h' ? 1 : 0];
    case 's':
    case 't':
    case 'p':
      if (next === 'h') {
        return [c === 'p' ? 'f' : c, 1];
      }
      return [c, 0];
    default:
      return [c, 0];
  }
}

/**
 * Consonant classes used by the skeleton: labials (Arabic has no `p` and writes it `ب`), velars,
 * sibilants, g/j.
 */
const SKELETON_CLASS: Readonly<Record<string, string>> = {
  b: 'b',
  p: 'b',
  v: 'b',
  f: 'f',
  k: 'k',
  q: 'k',
  c: 'k',
  g: 'j',
  j: 'j',
  s: 's',
  z: 's',
};

/**
 * Digraphs read as one consonant before classing. `kh` joins `h`: Russian writes every foreign
 * `h` as `х` (`АХМЕД` → `akhmed` for `AHMED`), and Arabic `خ`/`ح` are spelt either way.
 */
const SKELETON_DIGRAPHS: Readonly<Record<string, string>> = {
  kh: 'h',
  gh: 'g',
  sh: 's',
  ch: 's',
  th: 't',
  dh: 'd',
  ph: 'f',
  zh: 'j',
};

/**
 * Consonant skeleton of a folded token: vowels dropped, and `y`/`w` too except at the start of
 * a word (where Arabic `ي`/`و` and Latin `Y`/`W` are consonants: `YUSUF`, `WALID`); classes
 * merged, runs collapsed. `digraphs: false` reads `sh`, `kh`, `th`, … as two letters.
 */
export function consonantSkeleton(token: string, digraphs = true): string {
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const c = token[i]!;
    const next = token[i + 1] ?? '';
    const triple = token.slice(i, i + 3);
    if (triple === 'tsh' || triple === 'dzh') {
      out += triple === 'tsh' ? 's' : 'j';
      i += 2;
      continue;
    }
    if (c === 'x') {
      out += 'ks';
      continue;
    }
    if (c === 'd' && next === 'j') {
      out += 'j';
      i += 1;
      continue;
    }
    const pair =
      digraphs && (next === 'h' || next === 's') ? SKELETON_DIGRAPHS[c + next] : undefined;
    if (pair !== undefined) {
      out += SKELETON_CLASS[pair] ?? pair;
      i += 1;
    } else if (!VOWELS.has(c) && ((c !== 'y' && c !== 'w') || i === 0)) {
      out += c === 'c' && FRONT.has(next) ? 's' : (SKELETON_CLASS[c] ?? c);
    }
  }
  return collapseRuns(out);
}

/**
 * Letters read two ways: `v`, which Arabic writes `ف` (`GUSTAVO` → `غستافو`) and Russian
 * writes for `w` (`ХВАН` for `HWAN`), and across the
 * Arabic-speaking world and in Persian and Urdu: `ذ`/`ض`
 * (`dh`: `d` or `z`, `FADL`/`FAZAL`), `ث` (`th`: `t` or `s`, `WATHIQ`/`WASSIQ`), and `g`, which
 * stands for `ج` (`GAMAL`) or for `ق` (`BELGACEM` for `بلقاسم`); `ch`, the German and older
 * French spelling of `خ` (`BARICH` for `بريخ`); `gh`, the Maghrebi spelling of `ق` (`GHEDEIR` for
 * `قدير`); and Spanish `ll`, which Arabic and Russian
 * writers hear as `y` (`MANCILLA` → `منسيا`). A token's skeleton variants cover both readings;
 * two tokens match when any variants agree.
 */
const ALTERNATE_READINGS: readonly (readonly [RegExp, string])[] = [
  [/v/g, 'f'],
  [/v/g, 'w'],
  [/dh/g, 'z'],
  [/th/g, 's'],
  [/g(?!h)/g, 'k'],
  [/ch/g, 'kh'],
  [/ll/g, 'y'],
  [/gh/g, 'q'],
];

/** Most alternate readings combined per token (2⁴ = 16 combinations). */
const MAX_ALTERNATES = 4;

/**
 * The skeletons of every combination of the alternate readings that apply (`VILLEGAS` read
 * with `v` = `f` and `ll` = `y` is `فيغس`), each also without a final `h`: a word-final `ه` is
 * often a vowel in Latin (`زاده` ZADA or ZADEH, `زينيه` ZEINIYE).
 */
export function skeletonVariants(token: string): string[] {
  const applicable = ALTERNATE_READINGS.filter(([pattern]) => {
    const found = pattern.test(token);
    pattern.lastIndex = 0;
    return found;
  }).slice(0, MAX_ALTERNATES);
  const variants = new Set<string>();
  for (let mask = 0; mask < 1 << applicable.length; mask++) {
    let reading = token;
    applicable.forEach(([pattern, replacement], k) => {
      if ((mask & (1 << k)) !== 0) {
        reading = reading.replace(pattern, replacement);
      }
    });
    variants.add(consonantSkeleton(reading));
  }
  for (const variant of [...variants]) {
    if (variant.length >= 3 && variant.endsWith('h')) {
      variants.add(variant.slice(0, -1));
    }
  }
  return [...variants];
}

/**
 * Skeleton variants of a token read from Arabic or Hebrew. Each of its letters there was one
 * letter of the original, so `s` + `h` may be `ص` + `ح` rather than `ش` (`صحراوي` read
 * `shraui` is SAHRAOUI) and `t` + `h` may be `ط` + `ه` (`طه`, TAHA): the reading with no
 * digraphs is added.
 */
export function abjadSkeletonVariants(token: string): string[] {
  const variants = skeletonVariants(token);
  const literal = consonantSkeleton(token, false);
  if (!variants.includes(literal)) {
    variants.push(literal);
  }
  // Latin spellings elide a `d` between `n` and a consonant (`آخوند زاده` read as one word is
  // AKHUNDZADA and AKHUNZADA).
  if (token.search(ND_BEFORE_CONSONANT) >= 0) {
    for (const variant of skeletonVariants(token.replace(ND_BEFORE_CONSONANT, 'n'))) {
      if (!variants.includes(variant)) {
        variants.push(variant);
      }
    }
  }
  return variants;
}

const ND_BEFORE_CONSONANT = /nd(?=[bcdfgjklmnpqrstvxz])/g;

/** `rr` → `r`, `aa` → `a`. */
function collapseRuns(text: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== last) {
      out += ch;
      last = ch;
    }
  }
  return out;
}

/** A `c` between a vowel and `a`, `o`, `u`: where a French `ç` loses its cedilla. */
const CEDILLA = /(?<=[aeiouy])c(?=[aou])/g;

/**
 * Skeletons of a Latin token read with a lost French cedilla (`FAYCAL` for `FAYÇAL`, `فيصل`):
 * `c` as `s` between a vowel and `a`, `o`, `u`; empty when the token has no such `c`. Meant for
 * the comparison with words read from Arabic script only, which write the `s` they hear; between
 * Latin spellings the `c` is kept (`MARCOS`, `NICOLAS`).
 */
export function cedillaSkeletons(token: string): string[] {
  if (!token.includes('c')) {
    return [];
  }
  CEDILLA.lastIndex = 0;
  if (!CEDILLA.test(token)) {
    return [];
  }
  return skeletonVariants(token.replace(CEDILLA, 's'));
}
