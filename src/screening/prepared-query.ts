/**
 * A query name analyzed against one index: its tokens, their weights and expansions, plus the
 * expansions of adjacent token pairs written as one word (`ABU MARZOOK` typed `ABUMARZOOK`,
 * or the reverse, looked up in the index's joined-pair map).
 *
 * @module
 */
import type { EntityType } from '../watchlist/watchlist-entry.js';
import { analyzeName, LEGAL_PREFIX, type AnalyzedName, type NameToken } from './name-tokens.js';
import {
  flatten,
  type ExpansionList,
  type FlatExpansions,
  type QueryWord,
  type QueryWordCache,
} from './query-words.js';
import { ARTICLE, type IndexData } from './screening-index.js';
import { isDistinctiveKind } from './token-weights.js';
import { pack, similarityOf, type Expansions } from './token-expansion.js';
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
  /** The same expansions as arrays (for candidate generation). */
  readonly flat: FlatExpansions;
  /** Names in which this token equals two adjacent list tokens written together. */
  readonly joinedNames: ReadonlySet<number>;
}

/** A query name ready for candidate generation and scoring. */
export interface PreparedQuery {
  readonly analyzed: AnalyzedName;
  readonly tokens: readonly QueryToken[];
  /** Expansions of tokens `i` and `i + 1` written together; undefined where not applicable. */
  readonly pairExpansions: readonly (Expansions | undefined)[];
  /** `pairExpansions` as arrays. */
  readonly pairFlats: readonly (FlatExpansions | undefined)[];
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
  const cache = data.scratch.queryWords;
  const words = analyzed.tokens.map((token) => cache.word(data, token));
  const allLegal = words.every((w) => w.kind === 'legal' || w.legal !== undefined);
  const tokens = analyzed.tokens.map((token, i) => queryToken(data, token, words[i]!, allLegal));
  const pairs = words.map((word, i) => pairExpansion(data, cache, word, words[i + 1]));
  const pairExpansions = pairs.map((pair) => pair?.map);
  const pairFlats = pairs.map((pair) => pair?.flat);
  const articleJoinExpansions = tokens.map((qt, i) =>
    articleJoinExpansion(data, cache, qt, tokens[i + 1], tokens[i + 2]),
  );
  let totalWeight = 0;
  let hasDistinctive = false;
  for (const qt of tokens) {
    totalWeight += qt.weight;
    hasDistinctive ||= isDistinctiveKind(qt.kind);
  }
  return {
    analyzed,
    tokens,
    pairExpansions,
    pairFlats,
    articleJoinExpansions,
    totalWeight,
    hasDistinctive,
  };
}

function queryToken(
  data: IndexData,
  token: NameToken,
  word: QueryWord,
  allLegal: boolean,
): QueryToken {
  const expansions =
    allLegal || word.legal === undefined ? word.expansions : withLegalReading(data, word);
  return {
    token,
    kind: word.kindCode,
    weight: word.weight,
    expansions: expansions.map,
    flat: expansions.flat,
    joinedNames: word.joinedNames,
  };
}

/** Similarity of a word one typo away from a one-word legal form (`LDT` for `LTD`). */
export const LEGAL_TYPO_SIMILARITY = 0.9;

/**
 * A query word that reads as a legal form (`CO`, or `LDT`, `LC`, `OO` with a typo) may also
 * pair with that form in a listed name. The word keeps its own weight (an unknown `LDT` is not
 * discounted): it is only given a counterpart. Names made of such words alone get none, so a
 * legal form is still never enough for a match.
 */
function withLegalReading(data: IndexData, word: QueryWord): ExpansionList {
  if (word.withLegal !== undefined) {
    return word.withLegal;
  }
  const legal = word.legal!;
  const id = data.vocabulary.lookup.get(LEGAL_PREFIX + legal.id);
  let expansions = word.expansions;
  if (id !== undefined && !expansions.map.has(id)) {
    const map = new Map(expansions.map);
    map.set(id, pack(LEGAL_FORM_METHOD, legal.exact ? 1 : LEGAL_TYPO_SIMILARITY));
    expansions = { map, flat: flatten(map) };
  }
  word.withLegal = expansions;
  return expansions;
}

/** Two adjacent ordinary words read as one: `abu` + `marzook` → `abumarzook`. */
function pairExpansion(
  data: IndexData,
  cache: QueryWordCache,
  left: QueryWord,
  right: QueryWord | undefined,
) {
  if (right === undefined || left.kind === 'legal' || right.kind === 'legal') {
    return undefined;
  }
  return cache.pair(data, left, right);
}

/**
 * A word, the article and the next word read from Arabic, written as one with or without the
 * article's letters (Latin spellings assimilate it: AZIZIRAHMAN, ABDURRAHMAN).
 */
function articleJoinExpansion(
  data: IndexData,
  cache: QueryWordCache,
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
    for (const [id, packed] of cache.joinedText(data, text, left.token.script)) {
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
