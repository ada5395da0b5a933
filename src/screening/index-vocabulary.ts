/**
 * The index's vocabulary: every distinct token of every listed name, with its IDF weight, its
 * postings (the names containing it) and three ways to reach it from a misspelt query token:
 *
 * - a deletion neighbourhood (the token and every string one letter shorter): two tokens within
 *   one typo always share a key, so a typo in every word of a name still finds it;
 * - the Spanish phonetic key (b/v, y/ll, s/z/c, silent h, …);
 * - the consonant skeleton, for names read from Arabic or Hebrew.
 *
 * @module
 */
import { deletionHashes, HashedKeys } from './hashed-keys.js';
import {
  abjadSkeletonVariants,
  consonantSkeleton,
  skeletonVariants,
  spanishPhoneticKey,
} from './spanish-phonetic.js';

/** Read-only vocabulary shared by every query against one index. */
export interface Vocabulary {
  readonly lookup: ReadonlyMap<string, number>;
  readonly texts: readonly string[];
  /** IDF over entries: `ln((N + 1) / (df + 0.5))`. */
  readonly weights: Float64Array;
  /** 1 when some occurrence was written in Arabic or Hebrew script. */
  readonly abjad: Uint8Array;
  readonly skeletons: readonly string[];
  /** Name ids containing each token, ascending. */
  readonly postings: readonly Int32Array[];
  /** Lookup key → token ids. */
  readonly deletions: HashedKeys;
  readonly byPhonetic: ReadonlyMap<string, readonly number[]>;
  /** Spanish phonetic key of each token. */
  readonly phonetics: readonly string[];
  /** Deletion neighbourhoods of phonetic keys: a typo on top of a respelling. */
  readonly phoneticDeletions: HashedKeys;
  readonly bySkeleton: ReadonlyMap<string, readonly number[]>;
  /** Skeleton variants of the tokens read from Arabic or Hebrew only (short keys are useful there). */
  readonly byAbjadSkeleton: ReadonlyMap<string, readonly number[]>;
  /** Weight of a query token found nowhere in the lists: as rare as a token can be. */
  readonly unknownWeight: number;
}

/** Shortest token that gets a deletion neighbourhood (shorter ones only match exactly). */
export const MIN_FUZZY_LENGTH = 3;
/** Phonetic keys longer than this get a deletion neighbourhood too. */
export const MIN_PHONETIC_TYPO_LENGTH = 4;

/** Accumulates tokens while names are added, then freezes into a `Vocabulary`. */
export class VocabularyBuilder {
  private readonly lookup = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly df: number[] = [];
  private readonly lastEntry: number[] = [];
  private readonly postings: number[][] = [];
  private readonly abjad: number[] = [];

  /** Registers one occurrence of `text` in name `nameId` of entry `entryIndex`; returns its id. */
  add(text: string, nameId: number, entryIndex: number, fromAbjad: boolean): number {
    let id = this.lookup.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.lookup.set(text, id);
      this.texts.push(text);
      this.df.push(0);
      this.lastEntry.push(-1);
      this.postings.push([]);
      this.abjad.push(0);
    }
    this.count(id, nameId, entryIndex, fromAbjad);
    return id;
  }

  private count(id: number, nameId: number, entryIndex: number, fromAbjad: boolean): void {
    if (this.lastEntry[id] !== entryIndex) {
      this.lastEntry[id] = entryIndex;
      this.df[id]!++;
    }
    const list = this.postings[id]!;
    if (list[list.length - 1] !== nameId) {
      list.push(nameId);
    }
    if (fromAbjad) {
      this.abjad[id] = 1;
    }
  }

  /**
   * Computes weights and lookup keys. `uniform` gives every token weight 1 (pairwise comparison,
   * where there is no population to take frequencies from).
   */
  build(entryCount: number, uniform = false): Vocabulary {
    const weights = Float64Array.from(this.df, (df) => (uniform ? 1 : idf(entryCount, df)));
    const skeletons = this.texts.map((text) => (isWord(text) ? consonantSkeleton(text) : ''));
    const variants = this.texts.map((text, id) =>
      isWord(text)
        ? (this.abjad[id] === 1 ? abjadSkeletonVariants(text) : skeletonVariants(text)).filter(
            (v) => v !== '',
          )
        : [],
    );
    const phonetics = this.texts.map((text) => (isWord(text) ? spanishPhoneticKey(text) : ''));
    return {
      lookup: this.lookup,
      texts: this.texts,
      weights,
      abjad: Uint8Array.from(this.abjad),
      skeletons,
      postings: this.postings.map((list) => Int32Array.from(list)),
      deletions: HashedKeys.build(this.texts.length, (id) =>
        fuzzyKeys(this.texts[id]!, MIN_FUZZY_LENGTH),
      ),
      byPhonetic: keyed(phonetics, (key) => (key === '' ? [] : [key])),
      phonetics,
      phoneticDeletions: HashedKeys.build(phonetics.length, (id) =>
        fuzzyKeys(phonetics[id]!, MIN_PHONETIC_TYPO_LENGTH + 1),
      ),
      bySkeleton: keyed(this.texts, (_, id) => variants[id]!),
      byAbjadSkeleton: keyed(this.texts, (_, id) => (this.abjad[id] === 1 ? variants[id]! : [])),
      unknownWeight: uniform ? 1 : idf(entryCount, 0),
    };
  }
}

/** Inverse document frequency over entries (an entry's aliases do not inflate it). */
function idf(entryCount: number, df: number): number {
  return Math.log((entryCount + 1) / (df + 0.5));
}

/** Legal-form ids (`#sas`) are matched only exactly. */
function isWord(text: string): boolean {
  return !text.startsWith('#');
}

/** Deletion-neighbourhood hashes of a word of at least `minLength` letters (none for legal ids). */
export function fuzzyKeys(text: string, minLength: number): number[] {
  return isWord(text) && text.length >= minLength ? deletionHashes(text) : [];
}

/** Inverts `keysOf` over the token list: key → token ids. */
function keyed(texts: readonly string[], keysOf: (text: string, id: number) => string[]) {
  const map = new Map<string, number[]>();
  texts.forEach((text, id) => {
    for (const key of keysOf(text, id)) {
      const ids = map.get(key);
      if (ids === undefined) {
        map.set(key, [id]);
      } else if (ids[ids.length - 1] !== id) {
        ids.push(id);
      }
    }
  });
  return map;
}
