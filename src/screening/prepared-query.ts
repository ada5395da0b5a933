/**
 * A query name analyzed against one index: its tokens, their weights and expansions, plus the
 * expansions of adjacent token pairs written as one word (`ABU MARZOOK` typed `ABUMARZOOK`,
 * or the reverse, looked up in the index's joined-pair map).
 *
 * @module
 */
import type { EntityType } from '../watchlist/watchlist-entry.js';
import { analyzeName, type AnalyzedName, type NameToken } from './name-tokens.js';
import { keyHash } from './hashed-keys.js';
import { EXPANSION_CACHE_LIMIT, type IndexData } from './screening-index.js';
import { kindCode, tokenWeight, isDistinctiveKind } from './token-weights.js';
import { expandToken, similarityOf, type Expansions } from './token-expansion.js';

/** One query token with what it may match. */
export interface QueryToken {
  readonly token: NameToken;
  readonly kind: number;
  /** Its weight in the query's total (see `queryTokenWeight`). */
  readonly weight: number;
  readonly expansions: Expansions;
  /** Names in which this token equals two adjacent list tokens written together. */
  readonly joinedNames: ReadonlySet<number>;
}

/** A query name ready for candidate generation and scoring. */
export interface PreparedQuery {
  readonly analyzed: AnalyzedName;
  readonly tokens: readonly QueryToken[];
  /** Expansions of tokens `i` and `i + 1` written together; undefined where not applicable. */
  readonly pairExpansions: readonly (Expansions | undefined)[];
  readonly totalWeight: number;
  /** True when at least one token is an ordinary word or number. */
  readonly hasDistinctive: boolean;
}

/** Analyzes and expands a query name against an index. */
export function prepareQuery(data: IndexData, name: string, type?: EntityType): PreparedQuery {
  return prepareAnalyzed(data, analyzeName(name, type));
}

/** As `prepareQuery`, for a name already analyzed. */
export function prepareAnalyzed(data: IndexData, analyzed: AnalyzedName): PreparedQuery {
  const tokens = analyzed.tokens.map((token) => queryToken(data, token));
  const pairExpansions = tokens.map((qt, i) => pairExpansion(data, qt, tokens[i + 1]));
  return {
    analyzed,
    tokens,
    pairExpansions,
    totalWeight: tokens.reduce((sum, qt) => sum + qt.weight, 0),
    hasDistinctive: tokens.some((qt) => isDistinctiveKind(qt.kind)),
  };
}

/** Expands a token through the index's expansion cache. */
function cachedExpansion(data: IndexData, token: NameToken, shallow: boolean): Expansions {
  const cache = data.scratch.expansionCache;
  const key = `${token.script}|${token.kind}|${shallow ? 's' : 'f'}|${token.text}`;
  const cached = cache.get(key);
  if (cached !== undefined) {
    return cached;
  }
  if (cache.size >= EXPANSION_CACHE_LIMIT) {
    cache.clear();
  }
  const expansions = expandToken(data.vocabulary, data.scratch.tokenMarks, token, shallow);
  cache.set(key, expansions);
  return expansions;
}

function queryToken(data: IndexData, token: NameToken): QueryToken {
  const expansions = cachedExpansion(data, token, false);
  const kind = kindCode(token.kind);
  const joined = token.kind === 'word' ? data.joined.idsOf(keyHash(token.text)) : undefined;
  return {
    token,
    kind,
    weight: queryTokenWeight(data, token.text, kind, expansions),
    expansions,
    joinedNames: new Set(joined ?? []),
  };
}

/**
 * A query token weighs what the listed token it stands for weighs: its own IDF when it is in the
 * lists, the IDF of its closest listed spelling when misspelt, and the weight of a token found
 * nowhere when it matches nothing (an unknown word is the strongest evidence of another party).
 */
function queryTokenWeight(data: IndexData, text: string, kind: number, expansions: Expansions) {
  const vocabulary = data.vocabulary;
  const exact = vocabulary.lookup.get(text);
  if (exact !== undefined) {
    return tokenWeight(vocabulary.weights[exact]!, kind);
  }
  let best = -1;
  let bestIdf = unknownWeight(vocabulary.unknownWeight, text);
  for (const [id, packed] of expansions) {
    const similarity = similarityOf(packed);
    if (similarity > best || (similarity === best && vocabulary.weights[id]! > bestIdf)) {
      best = similarity;
      bestIdf = vocabulary.weights[id]!;
    }
  }
  return tokenWeight(bestIdf, kind);
}

/**
 * An unknown word of one to three letters (`LT`, `OO`, `FZ`: a clipped legal form, an initial
 * with a typo) says less than an unknown surname: its weight scales with its length up to four.
 */
function unknownWeight(weight: number, text: string): number {
  return weight * Math.min(1, text.length / 4);
}

/** Two adjacent ordinary words read as one: `abu` + `marzook` → `abumarzook`. */
function pairExpansion(data: IndexData, left: QueryToken, right: QueryToken | undefined) {
  if (right === undefined || left.token.kind === 'legal' || right.token.kind === 'legal') {
    return undefined;
  }
  const joined: NameToken = {
    ...left.token,
    text: left.token.text + right.token.text,
    kind: 'word',
  };
  const expansions = cachedExpansion(data, joined, true);
  return expansions.size === 0 ? undefined : expansions;
}
