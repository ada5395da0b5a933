/**
 * Candidate generation: which names can possibly score above the threshold. Each query token's
 * expansions are walked through their postings, accumulating per name the best weighted
 * similarity of every query token. That sum bounds the query coverage from above, and so bounds
 * the name score (`scoreUpperBound`); names whose bound is below the cut-off are never scored.
 *
 * Two things keep the walk short. Frequent but weak tokens (particles, legal forms, generic
 * company words, initials) are not walked: their full weight is added to every bound instead.
 * And tokens are walked heaviest first: once the tokens left could not lift a name that none of
 * the heavier ones touched to the cut-off, the rest only update names already touched (the
 * "max-score" strategy of search engines), so `MOHAMMED` never walks its thousand postings
 * when a rarer word is in the query.
 *
 * @module
 */
import type { PreparedQuery } from './prepared-query.js';
import type { IndexData } from './screening-index.js';
import { QUERY_COVERAGE_SHARE } from './score-name.js';
import { isCandidateKind, MIN_IDF } from './token-weights.js';
import type { FlatExpansions } from './query-words.js';
import { similarityOf, type Expansions } from './token-expansion.js';

/** A name worth scoring, with the upper bound of its score. */
export interface Candidate {
  readonly nameId: number;
  readonly bound: number;
}

/** The score a name cannot exceed given bounds on its query and list coverage. */
export function scoreUpperBound(queryCoverageBound: number, listCoverageBound = 1): number {
  return (
    QUERY_COVERAGE_SHARE * Math.min(1, queryCoverageBound) +
    (1 - QUERY_COVERAGE_SHARE) * Math.min(1, listCoverageBound)
  );
}

/** Names whose score may reach `minScore`, best bound first. */
export function generateCandidates(
  data: IndexData,
  query: PreparedQuery,
  minScore: number,
): Candidate[] {
  const order = walkOrder(query);
  let skipped = query.totalWeight;
  for (const i of order) {
    skipped -= query.tokens[i]!.weight;
  }
  const touched: number[] = [];
  try {
    accumulate(data, query, order, skipped, minScore, touched);
    const skippedCount = query.tokens.length - order.length;
    return boundCandidates(data, query, touched, skipped, skippedCount, minScore);
  } finally {
    resetScratch(data, touched);
  }
}

/** Touched names whose score bound reaches `minScore`, best bound first. */
function boundCandidates(
  data: IndexData,
  query: PreparedQuery,
  touched: readonly number[],
  skipped: number,
  skippedCount: number,
  minScore: number,
): Candidate[] {
  const { accumulated, listAccumulated } = data.scratch;
  const { totalWeight, maxTokenWeight } = data.names;
  const candidates: Candidate[] = [];
  for (const nameId of touched) {
    // Skipped query words (particles, legal forms, …) may pair with any list word: bound them
    // by the name's heaviest word each.
    const skippedList = skippedCount === 0 ? 0 : skippedCount * maxTokenWeight[nameId]!;
    const listBound = (listAccumulated[nameId]! + skippedList) / totalWeight[nameId]!;
    const bound = scoreUpperBound((accumulated[nameId]! + skipped) / query.totalWeight, listBound);
    if (bound >= minScore) {
      candidates.push({ nameId, bound });
    }
  }
  return candidates.sort((a, b) => b.bound - a.bound);
}

/** Leaves the shared scratch arrays clean for the next query, even after an exception. */
function resetScratch(data: IndexData, touched: readonly number[]): void {
  const { accumulated, listAccumulated, seenToken } = data.scratch;
  for (const nameId of touched) {
    accumulated[nameId] = 0;
    listAccumulated[nameId] = 0;
    seenToken[nameId] = -1;
  }
}

/** Tokens to walk, heaviest first: distinctive ones, or all non-legal ones if there are none. */
function walkOrder(query: PreparedQuery): number[] {
  const tokens = query.tokens;
  const order: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const qt = tokens[i]!;
    if (query.hasDistinctive ? isCandidateKind(qt.kind) : qt.token.kind !== 'legal') {
      // Insertion keeps equal weights in query order (a stable sort, heaviest first).
      let at = order.length;
      while (at > 0 && tokens[order[at - 1]!]!.weight < qt.weight) {
        at--;
      }
      order.splice(at, 0, i);
    }
  }
  return order;
}

/** Walks postings (or, late in the order, only touched names), collecting the names touched. */
function accumulate(
  data: IndexData,
  query: PreparedQuery,
  order: readonly number[],
  skipped: number,
  minScore: number,
  touched: number[],
): void {
  let remaining = 0;
  for (const i of order) {
    remaining += query.tokens[i]!.weight;
  }
  for (const i of order) {
    const mayAddNames = scoreUpperBound((remaining + skipped) / query.totalWeight) >= minScore;
    if (mayAddNames) {
      walkPostings(data, query, i, touched);
    } else {
      updateTouched(data, query, i, touched);
    }
    remaining -= query.tokens[i]!.weight;
  }
}

/** Credits token `i`'s best similarity to every name its expansions reach. */
function walkPostings(data: IndexData, query: PreparedQuery, i: number, touched: number[]): void {
  const qt = query.tokens[i]!;
  for (const nameId of qt.joinedNames) {
    credit(data, nameId, i, qt.weight, 1, data.names.totalWeight[nameId]!, touched);
  }
  walkFlat(data, qt.flat, i, qt.weight, touched);
  const before = i > 0 ? query.pairFlats[i - 1] : undefined;
  if (before !== undefined) {
    walkFlat(data, before, i, qt.weight, touched);
  }
  const after = query.pairFlats[i];
  if (after !== undefined) {
    walkFlat(data, after, i, qt.weight, touched);
  }
}

/** `credit` for every posting of every expansion, in order. */
function walkFlat(
  data: IndexData,
  flat: FlatExpansions,
  i: number,
  weight: number,
  touched: number[],
): void {
  const { postings, weights } = data.vocabulary;
  const { ids, similarities } = flat;
  for (let e = 0; e < ids.length; e++) {
    const id = ids[e]!;
    const similarity = similarities[e]!;
    const listWeight = Math.max(weights[id]!, MIN_IDF);
    const list = postings[id]!;
    for (let k = 0; k < list.length; k++) {
      credit(data, list[k]!, i, weight, similarity, listWeight, touched);
    }
  }
}

/**
 * Adds (or raises) token `i`'s credit to a name: `weight × similarity` on the query side, and
 * the weight of the list word it may pair with on the list side (both upper bounds).
 */
function credit(
  data: IndexData,
  nameId: number,
  i: number,
  weight: number,
  similarity: number,
  listWeight: number,
  touched: number[],
): void {
  const { accumulated, listAccumulated, seenToken, lastSimilarity, lastListWeight } = data.scratch;
  const seen = seenToken[nameId]!;
  if (seen === i) {
    if (similarity > lastSimilarity[nameId]!) {
      accumulated[nameId]! += weight * (similarity - lastSimilarity[nameId]!);
      lastSimilarity[nameId] = similarity;
    }
    if (listWeight > lastListWeight[nameId]!) {
      listAccumulated[nameId]! += listWeight - lastListWeight[nameId]!;
      lastListWeight[nameId] = listWeight;
    }
    return;
  }
  if (seen === -1) {
    touched.push(nameId);
  }
  seenToken[nameId] = i;
  lastSimilarity[nameId] = similarity;
  lastListWeight[nameId] = listWeight;
  accumulated[nameId]! += weight * similarity;
  listAccumulated[nameId]! += listWeight;
}

/**
 * Credits token `i` only to names already touched, by looking at their tokens. The token's
 * expansions are first spread over a per-vocabulary array, so that each of a name's tokens is
 * one array read instead of a map lookup per expansion map (touched names can be thousands).
 */
function updateTouched(data: IndexData, query: PreparedQuery, i: number, touched: number[]): void {
  const flats = tokenExpansionFlats(query, i);
  let expansionCount = 0;
  for (const flat of flats) {
    expansionCount += flat.ids.length;
  }
  // Spreading costs one write per expansion; looking up costs one read per name token and map.
  if (expansionCount > touched.length * flats.length * 4) {
    updateFewTouched(data, query, i, touched, tokenExpansionMaps(query, i));
    return;
  }
  const qt = query.tokens[i]!;
  const marks = markExpansions(data.vocabulary.texts.length, flats);
  const { stamp, similarity, epoch } = marks;
  const { start, tokens, tokenWeights, totalWeight } = data.names;
  const joinedNames = qt.joinedNames.size > 0 ? qt.joinedNames : undefined;
  for (let t = 0, count = touched.length; t < count; t++) {
    const nameId = touched[t]!;
    const joined = joinedNames?.has(nameId) === true;
    let best = joined ? 1 : 0;
    let listWeight = joined ? totalWeight[nameId]! : 0;
    for (let at = start[nameId]!, end = start[nameId + 1]!; at < end; at++) {
      const id = tokens[at]!;
      if (stamp[id] === epoch) {
        best = Math.max(best, similarity[id]!);
        listWeight = Math.max(listWeight, tokenWeights[at]!);
      }
    }
    if (best > 0) {
      credit(data, nameId, i, qt.weight, best, listWeight, touched);
    }
  }
}

/** `updateTouched` for a few names: looks each name token up in the expansion maps. */
function updateFewTouched(
  data: IndexData,
  query: PreparedQuery,
  i: number,
  touched: number[],
  maps: readonly Expansions[],
): void {
  const qt = query.tokens[i]!;
  const { start, tokens, tokenWeights, totalWeight } = data.names;
  for (let t = 0, count = touched.length; t < count; t++) {
    const nameId = touched[t]!;
    const joined = qt.joinedNames.has(nameId);
    let best = joined ? 1 : 0;
    let listWeight = joined ? totalWeight[nameId]! : 0;
    for (let at = start[nameId]!; at < start[nameId + 1]!; at++) {
      for (const expansions of maps) {
        const packed = expansions.get(tokens[at]!);
        if (packed !== undefined) {
          best = Math.max(best, similarityOf(packed));
          listWeight = Math.max(listWeight, tokenWeights[at]!);
        }
      }
    }
    if (best > 0) {
      credit(data, nameId, i, qt.weight, best, listWeight, touched);
    }
  }
}

/** Per-vocabulary marks: the best similarity of the current token's expansions, by id. */
interface ExpansionMarks {
  stamp: Int32Array;
  similarity: Float64Array;
  epoch: number;
}

/** Reused across queries (the engine is synchronous; each worker thread has its own). */
const marks: ExpansionMarks = {
  stamp: new Int32Array(0),
  similarity: new Float64Array(0),
  epoch: 0,
};

function markExpansions(vocabularySize: number, flats: readonly FlatExpansions[]): ExpansionMarks {
  if (marks.stamp.length < vocabularySize || marks.epoch >= 0x7fffffff) {
    marks.stamp = new Int32Array(Math.max(vocabularySize, marks.stamp.length));
    marks.similarity = new Float64Array(marks.stamp.length);
    marks.epoch = 0;
  }
  const epoch = ++marks.epoch;
  const { stamp, similarity } = marks;
  for (const { ids, similarities } of flats) {
    for (let e = 0; e < ids.length; e++) {
      const id = ids[e]!;
      const value = similarities[e]!;
      if (stamp[id] !== epoch) {
        stamp[id] = epoch;
        similarity[id] = value;
      } else if (value > similarity[id]!) {
        similarity[id] = value;
      }
    }
  }
  return marks;
}

/** `tokenExpansionMaps` as arrays. */
function tokenExpansionFlats(query: PreparedQuery, i: number): FlatExpansions[] {
  const flats = [query.tokens[i]!.flat];
  const before = i > 0 ? query.pairFlats[i - 1] : undefined;
  const after = query.pairFlats[i];
  if (before !== undefined) {
    flats.push(before);
  }
  if (after !== undefined) {
    flats.push(after);
  }
  return flats;
}

/** A token's own expansions and those of the joined pairs it belongs to. */
function tokenExpansionMaps(query: PreparedQuery, i: number): Expansions[] {
  const maps = [query.tokens[i]!.expansions];
  const before = query.pairExpansions[i - 1];
  const after = query.pairExpansions[i];
  if (before !== undefined) {
    maps.push(before);
  }
  if (after !== undefined) {
    maps.push(after);
  }
  return maps;
}
