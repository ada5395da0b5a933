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
 * merged, runs collapsed.
 */
export function consonantSkeleton(token: string): string {
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
    const pair = next === 'h' || next === 's' ? SKELETON_DIGRAPHS[c + next] : undefined;
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
 * stands for `ج` (`GAMAL`) or for `ق` (`BELGACEM` for `بلقاسم`). A token's skeleton variants
 * cover both readings; two tokens match when any variants agree.
 */
const ALTERNATE_READINGS: readonly (readonly [RegExp, string])[] = [
  [/v/g, 'f'],
  [/v/g, 'w'],
  [/dh/g, 'z'],
  [/th/g, 's'],
  [/g(?!h)/g, 'k'],
];

/** The skeleton and the skeletons of the alternate readings (at most five, no duplicates). */
export function skeletonVariants(token: string): string[] {
  const variants = new Set([consonantSkeleton(token)]);
  let all = token;
  for (const [pattern, replacement] of ALTERNATE_READINGS) {
    if (pattern.test(token)) {
      variants.add(consonantSkeleton(token.replace(pattern, replacement)));
      all = all.replace(pattern, replacement);
    }
    pattern.lastIndex = 0;
  }
  variants.add(consonantSkeleton(all));
  return [...variants].slice(0, 5);
}

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
