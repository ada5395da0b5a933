/**
 * A query name analyzed against one index: its tokens, their weights and expansions, plus the
 * expansions of adjacent token pairs written as one word (`ABU MARZOOK` typed `ABUMARZOOK`,
 * or the reverse, looked up in the index's joined-pair map).
 *
 * @module
 */
import type { EntityType } from '../watchlist/watchlist-entry.js';
import { legalReading, type LegalReading } from './legal-forms.js';
import { analyzeName, LEGAL_PREFIX, type AnalyzedName, type NameToken } from './name-tokens.js';
import { keyHash } from './hashed-keys.js';
import {
  ARTICLE,
  EXPANSION_CACHE_LIMIT,
  JOINED_SKELETON_PREFIX,
  shortestJoinedSkeleton,
  type IndexData,
} from './screening-index.js';
import { skeletonVariants } from './spanish-phonetic.js';
import { kindCode, tokenWeight, isDistinctiveKind } from './token-weights.js';
import { expandToken, pack, similarityOf, type Expansions } from './token-expansion.js';
import { isAbjad } from './unicode-scripts.js';

/** Method code of `legal-form` in `METHODS`. */
const LEGAL_FORM_METHOD = 5;

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
  /**
   * Expansions of tokens `i`, `i + 1` (the article read from Arabic) and `i + 2` written as one
   * word (`بن الشيبة` BINALSHIBH, `عزیز الرحمان` AZIZIRAHMAN); undefined elsewhere.
   */
  readonly articleJoinExpansions: readonly (Expansions | undefined)[];
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
  const readings = analyzed.tokens.map((token) =>
    token.kind === 'legal' || token.script !== 'latin' ? undefined : memoLegalReading(token.text),
  );
  const allLegal = analyzed.tokens.every((t, i) => t.kind === 'legal' || readings[i] !== undefined);
  const tokens = analyzed.tokens.map((token, i) =>
    queryToken(data, token, allLegal ? undefined : readings[i]),
  );
  const pairExpansions = tokens.map((qt, i) => pairExpansion(data, qt, tokens[i + 1]));
  const articleJoinExpansions = tokens.map((qt, i) =>
    articleJoinExpansion(data, qt, tokens[i + 1], tokens[i + 2]),
  );
  return {
    analyzed,
    tokens,
    pairExpansions,
    articleJoinExpansions,
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

function queryToken(data: IndexData, token: NameToken, legal?: LegalReading): QueryToken {
  const expansions = cachedExpansion(data, token, false);
  const kind = kindCode(token.kind);
  return {
    token,
    kind,
    weight: queryTokenWeight(data, token.text, kind, expansions),
    expansions: withLegalReading(data, expansions, legal),
    joinedNames: token.kind === 'word' ? joinedNames(data, token) : new Set(),
  };
}

/**
 * Names in which two adjacent words, written together, are this query word: by text, and for
 * a Latin word also by consonant skeleton against pairs read from Arabic or Hebrew.
 */
function joinedNames(data: IndexData, token: NameToken): Set<number> {
  const names = new Set(data.joined.idsOf(keyHash(token.text)));
  if (token.script === 'latin' && token.text.length >= 4) {
    const shortest = shortestJoinedSkeleton(token.text);
    for (const skeleton of memoSkeletons(token.text)) {
      if (skeleton.length >= shortest) {
        for (const id of data.joined.idsOf(keyHash(JOINED_SKELETON_PREFIX + skeleton))) {
          names.add(id);
        }
      }
    }
  }
  return names;
}

/** Most words kept by the per-word memos below (they are emptied when full). */
const MEMO_LIMIT = 50_000;

/** Memoizes a per-word function that does not depend on the index (customer names repeat). */
function memo<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      if (cache.size >= MEMO_LIMIT) {
        cache.clear();
      }
      value = compute(text);
      cache.set(text, value);
    }
    return value as T;
  };
}

const memoLegalReading = memo(legalReading);
const memoSkeletons = memo(skeletonVariants);

/** Similarity of a word one typo away from a one-word legal form (`LDT` for `LTD`). */
export const LEGAL_TYPO_SIMILARITY = 0.9;

/**
 * A query word that reads as a legal form (`CO`, or `LDT`, `LC`, `OO` with a typo) may also
 * pair with that form in a listed name. The word keeps its own weight (an unknown `LDT` is not
 * discounted): it is only given a counterpart. Names made of such words alone get none, so a
 * legal form is still never enough for a match.
 */
function withLegalReading(
  data: IndexData,
  expansions: Expansions,
  legal: LegalReading | undefined,
): Expansions {
  const id = legal === undefined ? undefined : data.vocabulary.lookup.get(LEGAL_PREFIX + legal.id);
  if (id === undefined || expansions.has(id)) {
    return expansions;
  }
  const out = new Map(expansions);
  out.set(id, pack(LEGAL_FORM_METHOD, legal!.exact ? 1 : LEGAL_TYPO_SIMILARITY));
  return out;
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

/**
 * A word, the article and the next word read from Arabic, written as one with or without the
 * article's letters (Latin spellings assimilate it: AZIZIRAHMAN, ABDURRAHMAN).
 */
function articleJoinExpansion(
  data: IndexData,
  left: QueryToken,
  article: QueryToken | undefined,
  right: QueryToken | undefined,
): Expansions | undefined {
  if (
    article?.token.text !== ARTICLE ||
    right === undefined ||
    !isAbjad(left.token.script) ||
    !isAbjad(right.token.script) ||
    !joinable(left.token.kind) ||
    !joinable(right.token.kind)
  ) {
    return undefined;
  }
  const out: Expansions = new Map();
  for (const text of [
    left.token.text + ARTICLE + right.token.text,
    left.token.text + right.token.text,
  ]) {
    const joined: NameToken = { ...left.token, text, kind: 'word' };
    for (const [id, packed] of cachedExpansion(data, joined, true)) {
      const previous = out.get(id);
      if (previous === undefined || similarityOf(previous) < similarityOf(packed)) {
        out.set(id, packed);
      }
    }
  }
  return out.size === 0 ? undefined : out;
}

/** Particles join like words (`بن الشيبة` BINALSHIBH); legal forms and initials do not. */
function joinable(kind: NameToken['kind']): boolean {
  return kind !== 'legal' && kind !== 'initial';
}
