/**
 * String distances written for this engine: a bounded Damerau-Levenshtein (optimal string
 * alignment, so a swapped pair of letters is one typo) and Jaro-Winkler (the measure OFAC's
 * Sanctions List Search describes, screening.md §4.3; used by the baseline and for ranking ties).
 *
 * @module
 */

/**
 * Damerau-Levenshtein (OSA) distance, or `max + 1` as soon as it must exceed `max`. Bounded so a
 * long junk token costs O(n·max), not O(n²); distance ≤ 1 is decided in one linear pass.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (a === b) {
    return 0;
  }
  if (Math.abs(a.length - b.length) > max || max <= 0) {
    return max + 1;
  }
  if (withinOneEdit(a, b)) {
    return 1;
  }
  return max <= 1 ? 2 : dynamicDistance(a, b, max);
}

/** True when one substitution, insertion, deletion or adjacent swap turns `a` into `b`. */
function withinOneEdit(a: string, b: string): boolean {
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  let i = 0;
  while (i < shorter.length && shorter.charCodeAt(i) === longer.charCodeAt(i)) {
    i++;
  }
  if (shorter.length !== longer.length) {
    return longer.length - shorter.length === 1 && sameFrom(shorter, i, longer, i + 1);
  }
  if (sameFrom(shorter, i + 1, longer, i + 1)) {
    return true;
  }
  return (
    shorter.charCodeAt(i) === longer.charCodeAt(i + 1) &&
    shorter.charCodeAt(i + 1) === longer.charCodeAt(i) &&
    sameFrom(shorter, i + 2, longer, i + 2)
  );
}

/** `a.slice(i)` equals `b.slice(j)`, without allocating. */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) {
    return false;
  }
  for (; i < a.length; i++, j++) {
    if (a.charCodeAt(i) !== b.charCodeAt(j)) {
      return false;
    }
  }
  return true;
}

/** Three reusable DP rows (names are capped at 512 characters by validation; rows grow if needed). */
let rows: [Int32Array, Int32Array, Int32Array] = [
  new Int32Array(64),
  new Int32Array(64),
  new Int32Array(64),
];

function dynamicDistance(a: string, b: string, max: number): number {
  if (rows[0].length <= b.length) {
    rows = [
      new Int32Array(b.length + 1),
      new Int32Array(b.length + 1),
      new Int32Array(b.length + 1),
    ];
  }
  let [prevPrev, prev, row] = rows;
  for (let j = 0; j <= b.length; j++) {
    prev[j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, prevPrev[j - 2]! + 1);
      }
      row[j] = best;
      rowMin = Math.min(rowMin, best);
    }
    if (rowMin > max) {
      return max + 1;
    }
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return Math.min(prev[b.length]!, max + 1);
}

/** Reusable buffers for `jaro` (the engine is synchronous; they grow with the longest input). */
let usedB = new Uint8Array(64);
let matchedA = new Uint16Array(64);

/** Jaro similarity in [0, 1]. */
export function jaro(a: string, b: string): number {
  if (a === b) {
    return 1;
  }
  if (a.length === 0 || b.length === 0) {
    return 0;
  }
  if (usedB.length < b.length || matchedA.length < a.length) {
    usedB = new Uint8Array(Math.max(b.length, a.length) * 2);
    matchedA = new Uint16Array(usedB.length);
  }
  usedB.fill(0, 0, b.length);
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    const to = Math.min(b.length, i + window + 1);
    for (let j = Math.max(0, i - window); j < to; j++) {
      if (usedB[j] === 0 && code === b.charCodeAt(j)) {
        usedB[j] = 1;
        matchedA[m++] = code;
        break;
      }
    }
  }
  return m === 0 ? 0 : jaroFromMatches(m, b, a.length);
}

/** Finishes Jaro from the matched characters: counts transpositions. */
function jaroFromMatches(m: number, b: string, lengthA: number): number {
  let k = 0;
  let transpositions = 0;
  for (let j = 0; j < b.length; j++) {
    if (usedB[j] === 1) {
      if (matchedA[k] !== b.charCodeAt(j)) {
        transpositions++;
      }
      k++;
    }
  }
  return (m / lengthA + m / b.length + (m - transpositions / 2) / m) / 3;
}

/** Jaro-Winkler with the usual prefix scale 0.1 over at most four letters. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) {
    prefix++;
  }
  return j + prefix * 0.1 * (1 - j);
}

/**
 * How many typos a token of this length may carry and still be the same word: none up to 2
 * letters, one up to 7, two from 8 (long names are where transliterations differ twice, as in
 * `Rodriguez`/`Rodriges`). Close to rigour's `log_2.35(n − 2)` budget (screening.md §4.2).
 */
export function typoBudget(length: number): number {
  if (length <= 2) {
    return 0;
  }
  return length >= 8 ? 2 : 1;
}

/**
 * Similarity of two tokens `distance` edits apart: `1 − 0.6·d/L` over the longer length `L`,
 * so one typo costs ~0.08 in an eight-letter surname and 0.15 in a four-letter one.
 */
export function editSimilarity(distance: number, lengthA: number, lengthB: number): number {
  const longest = Math.max(lengthA, lengthB, 1);
  return Math.max(0, 1 - (0.5 * distance) / longest);
}
