/**
 * The in-memory screening index: every primary name, original-script name and alias of every
 * entry, analyzed once, with the vocabulary that candidate generation searches. An index is
 * immutable once built; when a new publication arrives, `patchScreeningIndex` (or a rebuild)
 * returns a new index and the caller swaps its reference atomically, so queries in flight keep
 * using the old one. Name analyses are cached and carried over, which makes a patch much
 * cheaper than a first build.
 *
 * @module
 */
import { entryId, type EntityType, type WatchlistEntry } from '../watchlist/watchlist-entry.js';
import { entryFacts, type EntryFacts } from './entry-facts.js';
import { VocabularyBuilder, type Vocabulary } from './index-vocabulary.js';
import {
  analyzeName,
  naturalOrderCompoundReading,
  type AnalyzedName,
  type AnalyzeOptions,
} from './name-tokens.js';
import type { NameAnalyzer } from './screening-query.js';
import type { MatchedNameKind } from './screening-types.js';
import { koreanReading } from './han-korean.js';
import { HashedKeys, keyHash, pairHash } from './hashed-keys.js';
import { abjadSkeletonVariants } from './spanish-phonetic.js';
import { kindCode } from './token-weights.js';
import { isAbjad } from './unicode-scripts.js';
import type { TokenMarks } from './token-expansion.js';
import { QueryWordCache } from './query-words.js';
import { buildNameTable, type NameTable, type PendingName } from './name-table.js';

/** One entry with its precomputed facts. */
export interface IndexedEntry {
  readonly entry: WatchlistEntry;
  readonly id: string;
  readonly facts: EntryFacts;
}

/** Per-query scratch space (queries are synchronous, so one set per index suffices). */
export interface Scratch {
  readonly accumulated: Float64Array;
  /** Last query token that touched each name, -1 when untouched. */
  readonly seenToken: Int32Array;
  /** Similarity credited to each touched name for its last query token. */
  readonly lastSimilarity: Float64Array;
  /** Upper bound of the list-side weight each touched name may match. */
  readonly listAccumulated: Float64Array;
  /** List weight credited to each touched name for its last query token. */
  readonly lastListWeight: Float64Array;
  /** Reads a query name with this index's vocabulary (typo corrections of unlisted words). */
  readonly analyzer: NameAnalyzer;
  /** Marks over vocabulary tokens, for token expansion. */
  readonly tokenMarks: TokenMarks;
  /**
   * Prepared query words and pairs. Customer names repeat (`MARIA`, `RODRIGUEZ`,
   * `INVERSIONES`); preparing a word is the costliest step of a query, so results are kept per
   * index (they depend only on the vocabulary), bounded (see `query-words.ts`).
   */
  readonly queryWords: QueryWordCache;
}

/** Internal structures of an index; not a stable API. */
export interface IndexData {
  readonly entries: readonly IndexedEntry[];
  readonly names: NameTable;
  readonly vocabulary: Vocabulary;
  /** Two adjacent name tokens written as one (`abu marzook` → `abumarzook`) → name ids. */
  readonly joined: HashedKeys;
  /** Document key → entry indexes. */
  readonly documents: ReadonlyMap<string, readonly number[]>;
  readonly cache: ReadonlyMap<string, AnalyzedName>;
  readonly scratch: Scratch;
}

/** An immutable screening index. Build with `buildScreeningIndex`. */
export interface ScreeningIndex {
  readonly entryCount: number;
  readonly nameCount: number;
  /** Sources present (`ofac-sdn`, `un`, …), for filter validation. */
  readonly sources: ReadonlySet<string>;
  /** Programs present, for filter validation. */
  readonly programs: ReadonlySet<string>;
  readonly builtAt: string;
  readonly data: IndexData;
}

/** A publication change: entries added (or replaced, same id) and entry ids removed. */
export interface IndexPatch {
  readonly added?: readonly WatchlistEntry[];
  /** Entry ids (`ofac-sdn:11900`) to drop. */
  readonly removed?: readonly string[];
}

const NAME_KIND_CODES: Readonly<Record<MatchedNameKind, number>> = {
  primary: 0,
  alias: 1,
  'weak-alias': 2,
};

/** Builds an index over the given entries (duplicated entry ids: the last one wins). */
export function buildScreeningIndex(entries: readonly WatchlistEntry[]): ScreeningIndex {
  return buildWithCache(entries, new Map(), false);
}

/** An index over one entry with every token weighing the same, for pairwise comparison. */
export function buildPairIndex(entry: WatchlistEntry): ScreeningIndex {
  return buildWithCache([entry], new Map(), true);
}

/**
 * A new index with the patch applied; the given index is untouched. Reuses its name analyses,
 * so only new names are analyzed; weights are recomputed over the new entry set.
 */
export function patchScreeningIndex(index: ScreeningIndex, patch: IndexPatch): ScreeningIndex {
  const removed = new Set(patch.removed ?? []);
  const added = patch.added ?? [];
  for (const entry of added) {
    removed.add(entryId(entry));
  }
  const kept = index.data.entries.filter((indexed) => !removed.has(indexed.id));
  return buildWithCache(
    [...kept.map((indexed) => indexed.entry), ...added],
    index.data.cache,
    false,
  );
}

function buildWithCache(
  input: readonly WatchlistEntry[],
  previous: ReadonlyMap<string, AnalyzedName>,
  uniform: boolean,
): ScreeningIndex {
  const entries = uniqueEntries(input);
  const cache = new Map<string, AnalyzedName>();
  const vocabulary = new VocabularyBuilder();
  const pending: PendingName[] = [];
  entries.forEach((indexed, entryIndex) => {
    for (const name of entryNames(indexed.entry, previous, cache)) {
      pending.push(toPending(name, entryIndex, pending.length, vocabulary));
    }
  });
  const built = vocabulary.build(entries.length, uniform);
  const names = buildNameTable(pending, built, entries.length);
  return {
    entryCount: entries.length,
    nameCount: pending.length,
    sources: new Set(entries.map((e) => e.entry.source)),
    programs: new Set(entries.flatMap((e) => e.entry.programs)),
    builtAt: new Date().toISOString(),
    data: {
      entries,
      names,
      vocabulary: built,
      joined: joinedPairs(pending, built.texts, built.abjad),
      documents: documentMap(entries),
      cache,
      scratch: newScratch(pending.length, built),
    },
  };
}

function uniqueEntries(input: readonly WatchlistEntry[]): IndexedEntry[] {
  const byId = new Map<string, WatchlistEntry>();
  for (const entry of input) {
    byId.set(entryId(entry), entry);
  }
  return [...byId].map(([id, entry]) => ({ entry, id, facts: entryFacts(entry) }));
}

interface RawName {
  readonly display: string;
  readonly read: string;
  readonly kind: MatchedNameKind;
  readonly analyzed: AnalyzedName;
}

/** The entry's names, analyzed, without duplicates (the strongest kind wins). */
function entryNames(
  entry: WatchlistEntry,
  previous: ReadonlyMap<string, AnalyzedName>,
  cache: Map<string, AnalyzedName>,
): RawName[] {
  const candidates: { display: string; kind: MatchedNameKind }[] = [
    { display: entry.name, kind: 'primary' },
    ...(entry.originalScriptName === undefined
      ? []
      : [{ display: entry.originalScriptName, kind: 'primary' as const }]),
    ...entry.aliases.map((alias) => ({
      display: alias.name,
      kind: alias.strength === 'weak' ? ('weak-alias' as const) : ('alias' as const),
    })),
  ];
  const seen = new Map<string, RawName>();
  const keep = (candidate: ReadCandidate, read: string, analyzed: AnalyzedName) => {
    const key = analyzed.tokens.map((t) => t.text).join(' ');
    const existing = seen.get(key);
    if (key !== '' && (existing === undefined || rank(candidate.kind) < rank(existing.kind))) {
      seen.set(key, { display: candidate.display, kind: candidate.kind, read, analyzed });
    }
  };
  for (const candidate of withKoreanReadings(candidates)) {
    const analyzed = cachedAnalysis(candidate.read, entry.entityType, previous, cache);
    keep(candidate, candidate.read, analyzed);
    // `KARIM, Abdul` is also indexed as `Abdul KARIM` (`abdulkarim`), see `name-tokens.ts`.
    const natural = naturalOrderCompoundReading(candidate.read, analyzed);
    if (natural !== undefined) {
      keep(candidate, natural, cachedAnalysis(natural, entry.entityType, previous, cache));
    }
  }
  return [...seen.values()];
}

/** A name of an entry with the text to analyze for it. */
interface ReadCandidate {
  readonly display: string;
  readonly kind: MatchedNameKind;
  readonly read: string;
}

/**
 * Each name to analyze (`read`), plus its Korean reading when written in hanja (`金铁三` is
 * also read `kim chol sam`, see `han-korean.ts`), shown as written.
 */
function withKoreanReadings(
  candidates: readonly { display: string; kind: MatchedNameKind }[],
): ReadCandidate[] {
  return candidates.flatMap((candidate) => {
    const korean = koreanReading(candidate.display);
    const own = { ...candidate, read: candidate.display };
    return korean === undefined ? [own] : [own, { ...candidate, read: korean }];
  });
}

function rank(kind: MatchedNameKind): number {
  return NAME_KIND_CODES[kind];
}

function cachedAnalysis(
  display: string,
  type: EntityType,
  previous: ReadonlyMap<string, AnalyzedName>,
  cache: Map<string, AnalyzedName>,
): AnalyzedName {
  const key = `${type}\u0000${display}`;
  const analyzed = cache.get(key) ?? previous.get(key) ?? analyzeName(display, type);
  cache.set(key, analyzed);
  return analyzed;
}

function toPending(
  name: RawName,
  entryIndex: number,
  nameId: number,
  vocabulary: VocabularyBuilder,
): PendingName {
  const tokens = name.analyzed.tokens;
  const tokenIds: number[] = [];
  const tokenKinds: number[] = [];
  for (const t of tokens) {
    tokenIds.push(vocabulary.add(t.text, nameId, entryIndex, isAbjad(t.script)));
    tokenKinds.push(kindCode(t.kind));
  }
  return {
    entryIndex,
    kind: NAME_KIND_CODES[name.kind],
    display: name.display,
    read: name.read,
    surnameFirst: name.analyzed.surnameFirst,
    tokenIds,
    tokenKinds,
  };
}

const LEGAL = kindCode('legal');

/** Prefix of the skeleton keys of joined pairs read from Arabic or Hebrew (see `joinedPairs`). */
export const JOINED_SKELETON_PREFIX = '~';

/**
 * Adjacent token pairs written as one word (`abu` + `marzook` → hash of `abumarzook`) → name
 * ids, for queries that write two listed words as one. Pairs read from Arabic or Hebrew are
 * also keyed by the consonant skeletons of the joined word, because Latin spellings join what
 * Arabic and Persian write apart (`آخوند زاده` AKHUNDZADA, `شهيد خيل` SHAHIDKHEL). Hashed: the
 * scorer checks the text.
 */
function joinedPairs(
  pending: readonly PendingName[],
  texts: readonly string[],
  abjad: Uint8Array,
): HashedKeys {
  return HashedKeys.build(pending.length, (nameId) => {
    const name = pending[nameId]!;
    const hashes: number[] = [];
    for (let j = 0; j + 1 < name.tokenIds.length; j++) {
      if (name.tokenKinds[j] === LEGAL || name.tokenKinds[j + 1] === LEGAL) {
        continue;
      }
      const [left, right] = [name.tokenIds[j]!, name.tokenIds[j + 1]!];
      hashes.push(pairHash(texts[left]!, texts[right]!));
      if (abjad[left] === 1 && abjad[right] === 1) {
        for (const skeleton of joinedSkeletons(texts[left]! + texts[right]!)) {
          hashes.push(keyHash(JOINED_SKELETON_PREFIX + skeleton));
        }
        const third = name.tokenIds[j + 2];
        if (third !== undefined && texts[right] === ARTICLE && abjad[third] === 1) {
          for (const skeleton of articleJoinSkeletons(texts[left]!, texts[third]!)) {
            hashes.push(keyHash(JOINED_SKELETON_PREFIX + skeleton));
          }
        }
      }
    }
    return hashes;
  });
}

/** The Arabic article as read from Arabic script (`الرحمان` → `al` + `rhman`). */
export const ARTICLE = 'al';

/**
 * Skeletons of a word, the article and the next word written as one: Latin spellings join all
 * three (`بن الشيبة` BINALSHIBH) or assimilate the article to a vowel (`عزیز الرحمان`
 * AZIZIRAHMAN, `عبد الرحمن` ABDURRAHMAN).
 */
export function articleJoinSkeletons(left: string, right: string): string[] {
  const variants = new Set([
    ...joinedSkeletons(left + ARTICLE + right),
    ...joinedSkeletons(left + right),
  ]);
  // The article makes a long word of short ones: `امين الله` must not join on `mnl`.
  return [...variants].filter((v) => v.length >= 4);
}

/**
 * Skeleton variants long enough to key a joined pair (shorter ones join almost anything); a
 * joined word of eight letters or more keeps three consonants (`کاکا زاده` KAKAZADA, `ksd`).
 */
export function joinedSkeletons(text: string): string[] {
  const shortest = shortestJoinedSkeleton(text);
  return abjadSkeletonVariants(text).filter((v) => v.length >= shortest);
}

/** See `joinedSkeletons`. */
export function shortestJoinedSkeleton(text: string): number {
  return text.length >= 8 ? 3 : 4;
}

function documentMap(entries: readonly IndexedEntry[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  entries.forEach((indexed, entryIndex) => {
    for (const key of indexed.facts.documents.keys()) {
      const list = map.get(key) ?? [];
      list.push(entryIndex);
      map.set(key, list);
    }
  });
  return map;
}

function newScratch(nameCount: number, vocabulary: Vocabulary): Scratch {
  const vocabularySize = vocabulary.texts.length;
  const options: AnalyzeOptions = { knownWord: (word) => vocabulary.lookup.has(word) };
  return {
    analyzer: (name, type) => analyzeName(name, type, options),
    accumulated: new Float64Array(nameCount),
    seenToken: new Int32Array(nameCount).fill(-1),
    lastSimilarity: new Float64Array(nameCount),
    listAccumulated: new Float64Array(nameCount),
    lastListWeight: new Float64Array(nameCount),
    tokenMarks: { stamp: new Int32Array(vocabularySize), epoch: 0 },
    queryWords: new QueryWordCache(),
  };
}
