/**
 * The name score: query tokens are aligned one-to-one with the list name's tokens (order-free:
 * natural order, OFAC's `SURNAMES, Given` and swapped surnames all align), then two weighted
 * coverages are combined:
 *
 * - query coverage: how much of what the query says is found in the list name;
 * - list coverage: how much of the list name the query mentions.
 *
 * A query word missing from the list name is strong evidence of another party; a list word
 * missing from the query is usually an omitted second surname or middle name. So query
 * coverage weighs 0.8 and list coverage 0.2, the proportions OpenSanctions uses for unmatched
 * query and result name parts (`nm_extra_query_name` 0.8, `nm_extra_result_name` 0.2,
 * screening.md §4.2). Token weights are IDF-based (`token-weights.ts`), so sibling companies
 * that share only generic words score low; a distinctive word replaced by another costs extra
 * (`name-conflict.ts`).
 *
 * @module
 */
import type { PreparedQuery } from './prepared-query.js';
import {
  ARTICLE,
  articleJoinSkeletons,
  joinedSkeletons,
  type IndexData,
} from './screening-index.js';
import { abjadVowelsCompatible } from './abjad-vowels.js';
import { abjadSkeletonVariants, skeletonVariants } from './spanish-phonetic.js';
import { isAbjad } from './unicode-scripts.js';
import { isDistinctiveKind, kindCode } from './token-weights.js';
import { ABJAD_SKELETON_SIMILARITY, methodOf, similarityOf } from './token-expansion.js';
import { CONFLICT_PENALTY, conflictShare } from './name-conflict.js';

/** Share of the name score given to query coverage (the rest is list coverage). */
export const QUERY_COVERAGE_SHARE = 0.8;

/** An initial (`G.`) stands for a given name: sure on the initial's side, half credit on the other. */
const INITIAL_SIMILARITY = 0.9;
const INITIAL_OTHER_SIDE = 0.5;

const INITIAL = kindCode('initial');
const WORD = kindCode('word');
const PARTICLE = kindCode('particle');

/** One aligned pair: query tokens `q0..q1` with list tokens `l0..l1` (inclusive). */
export interface AlignedPair {
  readonly q0: number;
  readonly q1: number;
  readonly l0: number;
  readonly l1: number;
  readonly method: number;
  /** Similarity credited to the query side and to the list side. */
  readonly simQuery: number;
  readonly simList: number;
}

/** The name score of one indexed name. */
export interface NameScore {
  readonly score: number;
  readonly queryCoverage: number;
  readonly listCoverage: number;
  readonly pairs: readonly AlignedPair[];
}

/** Scores indexed name `nameId` against the query. */
export function scoreName(data: IndexData, query: PreparedQuery, nameId: number): NameScore {
  const pairs = alignGreedily(candidatePairs(data, query, nameId), query, data, nameId);
  const names = data.names;
  const start = names.start[nameId]!;
  let queryMatched = 0;
  let listMatched = 0;
  let distinctive = false;
  for (const pair of pairs) {
    for (let i = pair.q0; i <= pair.q1; i++) {
      queryMatched += pair.simQuery * query.tokens[i]!.weight;
      distinctive ||= isDistinctiveKind(query.tokens[i]!.kind);
    }
    for (let j = pair.l0; j <= pair.l1; j++) {
      listMatched += pair.simList * names.tokenWeights[start + j]!;
    }
  }
  const queryCoverage = query.totalWeight > 0 ? queryMatched / query.totalWeight : 0;
  const listCoverage =
    names.totalWeight[nameId]! > 0 ? listMatched / names.totalWeight[nameId]! : 0;
  const raw = QUERY_COVERAGE_SHARE * queryCoverage + (1 - QUERY_COVERAGE_SHARE) * listCoverage;
  const enough =
    distinctive || (!query.hasDistinctive && queryCoverage > 0.99 && listCoverage > 0.9);
  const score = raw - CONFLICT_PENALTY * conflictShare(data, query, nameId, pairs);
  return { score: enough ? Math.max(0, score) : 0, queryCoverage, listCoverage, pairs };
}

/** Every plausible pairing with its similarity. */
function candidatePairs(data: IndexData, query: PreparedQuery, nameId: number): AlignedPair[] {
  const names = data.names;
  const start = names.start[nameId]!;
  const length = names.start[nameId + 1]! - start;
  const pairs: AlignedPair[] = [];
  for (let i = 0; i < query.tokens.length; i++) {
    const qt = query.tokens[i]!;
    const pairExpansions = query.pairExpansions[i];
    for (let j = 0; j < length; j++) {
      const id = names.tokens[start + j]!;
      const packed = qt.expansions.get(id);
      if (packed !== undefined) {
        pairs.push(single(i, j, methodOf(packed), similarityOf(packed)));
      } else {
        addInitialPair(data, qt.token.text, qt.kind, names.tokenKinds[start + j]!, id, i, j, pairs);
      }
      const joined = pairExpansions?.get(id);
      if (joined !== undefined) {
        pairs.push({
          q0: i,
          q1: i + 1,
          l0: j,
          l1: j,
          method: 6,
          simQuery: similarityOf(joined),
          simList: similarityOf(joined),
        });
      }
    }
    const articleJoined = query.articleJoinExpansions[i];
    if (articleJoined !== undefined) {
      addArticleJoin(articleJoined, names.tokens, start, length, i, pairs);
    }
    if (isAbjad(qt.token.script) && qt.token.text.length >= 4) {
      addLatinPairJoin(data, qt.token.text, nameId, i, pairs);
    }
    if (qt.joinedNames.has(nameId)) {
      addListJoin(data, qt.token.text, nameId, i, pairs);
    }
  }
  return pairs;
}

/** Query tokens `i..i + 2` (word, article, word read from Arabic) against one list token. */
function addArticleJoin(
  expansions: ReadonlyMap<number, number>,
  tokens: ArrayLike<number>,
  start: number,
  length: number,
  i: number,
  pairs: AlignedPair[],
): void {
  for (let j = 0; j < length; j++) {
    const packed = expansions.get(tokens[start + j]!);
    if (packed !== undefined) {
      const similarity = similarityOf(packed);
      pairs.push({
        q0: i,
        q1: i + 2,
        l0: j,
        l1: j,
        method: 3,
        simQuery: similarity,
        simList: similarity,
      });
    }
  }
}

function single(i: number, j: number, method: number, similarity: number): AlignedPair {
  return listSpan(i, j, j, method, similarity);
}

/** Query word `i` against list words `l0`..`l1` written together, alike on both sides. */
function listSpan(
  i: number,
  l0: number,
  l1: number,
  method: number,
  similarity: number,
): AlignedPair {
  return { q0: i, q1: i, l0, l1, method, simQuery: similarity, simList: similarity };
}

/** `G.` against `GILBERTO` (or `GILBERTO` against a listed `G.`). */
function addInitialPair(
  data: IndexData,
  text: string,
  queryKind: number,
  listKind: number,
  id: number,
  i: number,
  j: number,
  pairs: AlignedPair[],
): void {
  const listText = data.vocabulary.texts[id]!;
  if (queryKind === INITIAL && listKind === WORD && listText.startsWith(text)) {
    pairs.push({
      q0: i,
      q1: i,
      l0: j,
      l1: j,
      method: 4,
      simQuery: INITIAL_SIMILARITY,
      simList: INITIAL_OTHER_SIDE,
    });
  } else if (listKind === INITIAL && queryKind === WORD && text.startsWith(listText)) {
    pairs.push({
      q0: i,
      q1: i,
      l0: j,
      l1: j,
      method: 4,
      simQuery: INITIAL_OTHER_SIDE,
      simList: INITIAL_SIMILARITY,
    });
  }
}

/**
 * The query token equals list tokens `j` and `j + 1` written together, or (a Latin word against
 * two words read from Arabic or Hebrew) has the same consonant skeleton and long vowels.
 */
function addListJoin(
  data: IndexData,
  text: string,
  nameId: number,
  i: number,
  pairs: AlignedPair[],
) {
  const names = data.names;
  const start = names.start[nameId]!;
  const end = names.start[nameId + 1]!;
  const { texts, abjad } = data.vocabulary;
  for (let at = start; at + 1 < end; at++) {
    const [left, right] = [names.tokens[at]!, names.tokens[at + 1]!];
    const joined = texts[left]! + texts[right]!;
    const similarity =
      joined === text
        ? 1
        : abjad[left] === 1 && abjad[right] === 1 && skeletonJoin(joined, text)
          ? ABJAD_SKELETON_SIMILARITY
          : 0;
    if (similarity > 0) {
      pairs.push(listSpan(i, at - start, at - start + 1, similarity === 1 ? 6 : 3, similarity));
    }
    const third = names.tokens[at + 2];
    if (
      at + 2 < end &&
      texts[right] === ARTICLE &&
      abjad[left] === 1 &&
      abjad[third!] === 1 &&
      articleJoin(texts[left]!, texts[third!]!, text)
    ) {
      pairs.push(listSpan(i, at - start, at - start + 2, 3, ABJAD_SKELETON_SIMILARITY));
    }
  }
}

/**
 * One word read from Arabic against two adjacent Latin list words written as one (`بنحسين`
 * BEN HASSINE, `أبوغيث` ABO GHAITH): same consonant skeleton and compatible long vowels. Checked
 * only while scoring names found by the query's other words, so the index keys no Latin pairs.
 */
function addLatinPairJoin(
  data: IndexData,
  abjadText: string,
  nameId: number,
  i: number,
  pairs: AlignedPair[],
) {
  const names = data.names;
  const start = names.start[nameId]!;
  const end = names.start[nameId + 1]!;
  const { texts, abjad } = data.vocabulary;
  const shortest = abjadText.length >= LONG_JOINED_WORD ? 3 : 4;
  const own = memoAbjadSkeletons(abjadText).filter((v) => v.length >= shortest);
  if (own.length === 0) {
    return;
  }
  for (let at = start; at + 1 < end; at++) {
    const [left, right] = [names.tokens[at]!, names.tokens[at + 1]!];
    if (
      abjad[left] === 1 ||
      abjad[right] === 1 ||
      (names.tokenKinds[at] !== WORD && names.tokenKinds[at] !== PARTICLE)
    ) {
      continue;
    }
    if (names.tokenKinds[at + 1] !== WORD) {
      continue;
    }
    const joined = texts[left]! + texts[right]!;
    // Arabic script omits short vowels, but a joined pair far longer than the word read from
    // Arabic has more than vowels to spare (`dzmtri` is not DZMITRY IUREVICH).
    if (joined.length > abjadText.length * MAX_JOINED_LENGTH_RATIO) {
      continue;
    }
    // Both words must add consonants: `hrnandz` is HERNANDEZ, not HERNANDEZ ZEA, whose `z`
    // merges into HERNANDEZ's in the joined skeleton.
    const alone = [...memoSkeletons(texts[left]!), ...memoSkeletons(texts[right]!)];
    if (
      memoSkeletons(joined).some((s) => own.includes(s) && !alone.includes(s)) &&
      abjadVowelsCompatible(abjadText, joined)
    ) {
      pairs.push(listSpan(i, at - start, at - start + 1, 3, ABJAD_SKELETON_SIMILARITY));
    }
  }
}

/** See `addLatinPairJoin`. */
const MAX_JOINED_LENGTH_RATIO = 1.8;

/** A word read from Arabic this long may join on a three-letter skeleton (`abughith`, `bjt`). */
const LONG_JOINED_WORD = 8;

/** Memoized per-word skeletons (bounded: emptied when full). */
function memoized(compute: (text: string) => string[]): (text: string) => string[] {
  const cache = new Map<string, string[]>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= 50_000) {
        cache.clear();
      }
      value = compute(text);
      cache.set(text, value);
    }
    return value;
  };
}

const memoSkeletons = memoized(skeletonVariants);
const memoAbjadSkeletons = memoized(abjadSkeletonVariants);

/** A Latin word and a word, the article and the next word read from Arabic, written as one. */
function articleJoin(left: string, right: string, latin: string): boolean {
  if (!abjadVowelsCompatible(left + right, latin)) {
    return false;
  }
  const latinSkeletons = skeletonVariants(latin);
  return articleJoinSkeletons(left, right).some((s) => latinSkeletons.includes(s));
}

/** A Latin word and a joined Arabic-script reading with a common skeleton and long vowels. */
function skeletonJoin(abjadText: string, latin: string): boolean {
  if (!abjadVowelsCompatible(abjadText, latin)) {
    return false;
  }
  const latinSkeletons = skeletonVariants(latin);
  return joinedSkeletons(abjadText).some((s) => latinSkeletons.includes(s));
}

/**
 * Best pairs first (similarity, then weight); each token used at most once. Then one repair
 * step: greedy order can give a word a partner another word needed more (`mhmd` takes
 * MOHAMMADI, which `mhmdi` alone could match, leaving MOHAMMAD to no one), so a word left out
 * may take a used partner when that partner's word can move to a free one and the total gains.
 */
function alignGreedily(
  pairs: AlignedPair[],
  query: PreparedQuery,
  data: IndexData,
  nameId: number,
): AlignedPair[] {
  const start = data.names.start[nameId]!;
  const queryWeight = (p: AlignedPair): number => {
    let total = 0;
    for (let i = p.q0; i <= p.q1; i++) {
      total += query.tokens[i]!.weight;
    }
    return total;
  };
  const listWeight = (p: AlignedPair): number => {
    let total = 0;
    for (let j = p.l0; j <= p.l1; j++) {
      total += data.names.tokenWeights[start + j]!;
    }
    return total;
  };
  const value = (p: AlignedPair): number => p.simQuery * queryWeight(p) + p.simList * listWeight(p);
  const worth = new Map<AlignedPair, number>();
  for (const p of pairs) {
    // Every word of a joined pair counts, so `abu bkr` ~ ABUBAKAR beats `bkr` ~ ABUBAKAR.
    worth.set(p, (p.simQuery + p.simList) * 1000 + queryWeight(p) + listWeight(p));
  }
  pairs.sort(byWorth(worth));
  const usedQuery = new Set<number>();
  const usedList = new Set<number>();
  const chosen: AlignedPair[] = [];
  for (const pair of pairs) {
    if (isFree(usedQuery, pair.q0, pair.q1) && isFree(usedList, pair.l0, pair.l1)) {
      markUsed(usedQuery, pair.q0, pair.q1);
      markUsed(usedList, pair.l0, pair.l1);
      chosen.push(pair);
    }
  }
  if (chosen.length < query.tokens.length && chosen.length < pairs.length) {
    repairOnce(pairs, chosen, usedQuery, usedList, value);
  }
  return chosen;
}

const isSingle = (p: AlignedPair): boolean => p.q0 === p.q1 && p.l0 === p.l1;

/** The one-step exchange described in `alignGreedily`, for single-word pairs. */
function repairOnce(
  pairs: readonly AlignedPair[],
  chosen: AlignedPair[],
  usedQuery: Set<number>,
  usedList: Set<number>,
  value: (p: AlignedPair) => number,
): void {
  for (const wanted of pairs) {
    if (!isSingle(wanted) || usedQuery.has(wanted.q0) || !usedList.has(wanted.l0)) {
      continue;
    }
    const at = chosen.findIndex((c) => isSingle(c) && c.l0 === wanted.l0);
    const holder = chosen[at];
    if (holder === undefined) {
      continue;
    }
    const moved = pairs.find(
      (p) => isSingle(p) && p.q0 === holder.q0 && p !== holder && !usedList.has(p.l0),
    );
    if (moved !== undefined && value(wanted) + value(moved) > value(holder)) {
      chosen.splice(at, 1, wanted, moved);
      usedQuery.add(wanted.q0);
      usedList.add(moved.l0);
    }
  }
}

function byWorth(worth: ReadonlyMap<AlignedPair, number>) {
  return function compare(a: AlignedPair, b: AlignedPair): number {
    return worth.get(b)! - worth.get(a)!;
  };
}

function isFree(used: Set<number>, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    if (used.has(k)) {
      return false;
    }
  }
  return true;
}

function markUsed(used: Set<number>, from: number, to: number): void {
  for (let k = from; k <= to; k++) {
    used.add(k);
  }
}
