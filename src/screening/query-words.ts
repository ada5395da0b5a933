/**
 * Per-index cache of what a query word stands for: its expansions, weight, legal-form reading
 * and the names in which it equals two adjacent listed words written together, plus the
 * expansions of two query words written as one. Customer names repeat their words (`MARIA`,
 * `RODRIGUEZ`, `INVERSIONES`) and their adjacent pairs (`MARIA FERNANDA`), and preparing them
 * was most of a query's cost, so each is computed once per index.
 *
 * Everything cached depends only on the index's vocabulary, and the cache lives in the index's
 * scratch space, so a rebuilt or patched index starts with an empty one. Both maps are bounded
 * (`WORD_LIMIT`, `PAIR_LIMIT`) and emptied when full.
 *
 * @module
 */
import { legalReading, type LegalReading } from './legal-forms.js';
import { keyHash } from './hashed-keys.js';
import type { NameToken } from './name-tokens.js';
import {
  JOINED_SKELETON_PREFIX,
  shortestJoinedSkeleton,
  type IndexData,
} from './screening-index.js';
import { skeletonVariants } from './spanish-phonetic.js';
import { expandToken, similarityOf, type Expansions } from './token-expansion.js';
import { kindCode, tokenWeight } from './token-weights.js';

/**
 * Expansions as two parallel arrays in the map's order (vocabulary id, similarity): candidate
 * generation walks every expansion of a token, which is much cheaper over arrays than a map.
 */
export interface FlatExpansions {
  readonly ids: Int32Array;
  readonly similarities: Float64Array;
}

/** An expansion map and its flat form. */
export interface ExpansionList {
  readonly map: Expansions;
  readonly flat: FlatExpansions;
}

/** The flat form of an expansion map (same order). */
export function flatten(expansions: Expansions): FlatExpansions {
  const ids = new Int32Array(expansions.size);
  const similarities = new Float64Array(expansions.size);
  let k = 0;
  for (const [id, packed] of expansions) {
    ids[k] = id;
    similarities[k++] = similarityOf(packed);
  }
  return { ids, similarities };
}

function listOf(map: Expansions): ExpansionList {
  return { map, flat: flatten(map) };
}

/** One query word (text, script and kind) prepared against an index. */
export interface QueryWord {
  /** Number of the word in its cache, used to key pairs (never reused, even after emptying). */
  readonly serial: number;
  readonly text: string;
  readonly script: NameToken['script'];
  readonly kind: NameToken['kind'];
  readonly kindCode: number;
  /** Weight in the query's total (see `queryTokenWeight`). */
  readonly weight: number;
  readonly expansions: ExpansionList;
  /** Legal form the word reads as (Latin words only). */
  readonly legal: LegalReading | undefined;
  /** Names in which this word equals two adjacent list words written together. */
  readonly joinedNames: ReadonlySet<number>;
  /** Expansions of this word followed by another (by serial), written as one; null: none. */
  readonly pairs: Map<number, ExpansionList | null>;
  /** `expansions` plus the legal-form reading, once computed. */
  withLegal?: ExpansionList;
}

/** Most words kept per index. */
export const WORD_LIMIT = 50_000;
/** Most adjacent pairs kept per index (over all words). */
export const PAIR_LIMIT = 200_000;

const EMPTY_NAMES: ReadonlySet<number> = new Set();

/** The query-word cache of one index. */
export class QueryWordCache {
  /** Latin ordinary words by text (most query words). */
  private readonly latinWords = new Map<string, QueryWord>();
  /** Other words by script, kind and text. */
  private readonly otherWords = new Map<string, QueryWord>();
  /** Shallow expansions of joined texts (the Arabic article joins), by script and text. */
  private readonly joinedTexts = new Map<string, Expansions>();
  private pairCount = 0;
  private serials = 0;

  /** Words held. */
  get size(): number {
    return this.latinWords.size + this.otherWords.size;
  }

  /** The prepared word for a query token (`data`: the index owning this cache). */
  word(data: IndexData, token: NameToken): QueryWord {
    const latinWord = token.script === 'latin' && token.kind === 'word';
    const key = latinWord ? token.text : `${token.script}|${token.kind}|${token.text}`;
    const map = latinWord ? this.latinWords : this.otherWords;
    const cached = map.get(key);
    if (cached !== undefined) {
      return cached;
    }
    if (this.size >= WORD_LIMIT) {
      this.clear();
    }
    const word = this.prepare(data, token);
    map.set(key, word);
    return word;
  }

  /** Expansions of `left` and `right` written as one word; undefined when there are none. */
  pair(data: IndexData, left: QueryWord, right: QueryWord): ExpansionList | undefined {
    let expansions = left.pairs.get(right.serial);
    if (expansions === undefined) {
      if (this.pairCount >= PAIR_LIMIT) {
        this.clearPairs();
      }
      const joined = expandJoined(data, left.text + right.text, left.script);
      expansions = joined.size === 0 ? null : listOf(joined);
      left.pairs.set(right.serial, expansions);
      this.pairCount++;
    }
    return expansions ?? undefined;
  }

  /** Shallow expansions of a joined text read in `script` (kept by text). */
  joinedText(data: IndexData, text: string, script: NameToken['script']): Expansions {
    const key = `${script}|${text}`;
    let expansions = this.joinedTexts.get(key);
    if (expansions === undefined) {
      if (this.joinedTexts.size >= WORD_LIMIT) {
        this.joinedTexts.clear();
      }
      expansions = expandJoined(data, text, script);
      this.joinedTexts.set(key, expansions);
    }
    return expansions;
  }

  private prepare(data: IndexData, token: NameToken): QueryWord {
    const expansions = expandToken(data.vocabulary, data.scratch.tokenMarks, token, false);
    const code = kindCode(token.kind);
    return {
      serial: this.serials++,
      text: token.text,
      script: token.script,
      kind: token.kind,
      kindCode: code,
      weight: queryTokenWeight(data, token.text, code, expansions),
      expansions: listOf(expansions),
      legal:
        token.kind === 'legal' || token.script !== 'latin' ? undefined : legalReading(token.text),
      joinedNames: token.kind === 'word' ? joinedNames(data, token) : EMPTY_NAMES,
      pairs: new Map(),
    };
  }

  private clear(): void {
    this.latinWords.clear();
    this.otherWords.clear();
    this.pairCount = 0;
  }

  private clearPairs(): void {
    for (const word of this.latinWords.values()) {
      word.pairs.clear();
    }
    for (const word of this.otherWords.values()) {
      word.pairs.clear();
    }
    this.pairCount = 0;
  }
}

/** Shallow expansions of two words written as one (typos there would mostly add noise). */
function expandJoined(data: IndexData, text: string, script: NameToken['script']): Expansions {
  const token: NameToken = { text, kind: 'word', script, surface: text, role: 'unknown' };
  return expandToken(data.vocabulary, data.scratch.tokenMarks, token, true);
}

/**
 * Names in which two adjacent words, written together, are this query word: by text, and for
 * a Latin word also by consonant skeleton against pairs read from Arabic or Hebrew.
 */
function joinedNames(data: IndexData, token: NameToken): ReadonlySet<number> {
  const names = new Set(data.joined.idsOf(keyHash(token.text)));
  if (token.script === 'latin' && token.text.length >= 4) {
    const shortest = shortestJoinedSkeleton(token.text);
    for (const skeleton of skeletonVariants(token.text)) {
      if (skeleton.length >= shortest) {
        for (const id of data.joined.idsOf(keyHash(JOINED_SKELETON_PREFIX + skeleton))) {
          names.add(id);
        }
      }
    }
  }
  return names.size === 0 ? EMPTY_NAMES : names;
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
