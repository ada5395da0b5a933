/**
 * Finds, for one query token, every vocabulary token it may stand for and how alike they are:
 * exact, Spanish phonetic key, typo distance (through the deletion neighbourhood), consonant
 * skeleton (transliterations from Arabic or Hebrew), legal-form equivalence. The result is a
 * small map from vocabulary id to a packed (method, similarity) value; both candidate
 * generation and scoring read it, so a pair the scorer would accept is never missed upstream.
 *
 * @module
 */
import { MIN_FUZZY_LENGTH, MIN_PHONETIC_TYPO_LENGTH, type Vocabulary } from './index-vocabulary.js';
import { deletionHashes, keyHash } from './hashed-keys.js';
import type { NameToken } from './name-tokens.js';
import type { TokenMatchMethod } from './screening-types.js';
import {
  abjadSkeletonVariants,
  cedillaSkeletons,
  skeletonVariants,
  spanishPhoneticKey,
} from './spanish-phonetic.js';
import { boundedEditDistance, editSimilarity, typoBudget } from './token-similarity.js';
import { isAbjad } from './unicode-scripts.js';
import {
  abjadVowelsCompatible,
  abjadVowelsShared,
  SHARED_VOWEL_SIMILARITY,
} from './abjad-vowels.js';
import { cyrillicLatinReadings } from './cyrillic-readings.js';
import { PARTICLES } from './name-words.js';

/** Methods in a fixed order, so a (method, similarity) pair packs into one number. */
export const METHODS: readonly TokenMatchMethod[] = [
  'exact',
  'phonetic',
  'edit-distance',
  'transliteration',
  'initial',
  'legal-form',
  'joined',
];

/** Factor on typo matches of a word read from Arabic or Hebrew script. */
export const ABJAD_TYPO_FACTOR = 0.9;
/** Similarity of two spellings with the same Spanish phonetic key (`BAca`/`VAca`). */
export const PHONETIC_SIMILARITY = 0.95;
/** Same consonant skeleton, one side read from an abjad (`محمد`/`MOHAMMED`). */
export const ABJAD_SKELETON_SIMILARITY = 0.9;
/** Least similarity kept for a skeleton match between Latin spellings (`MUHAMMAD`/`MOHAMED`). */
export const LATIN_SKELETON_SIMILARITY = 0.7;
/** Shortest skeleton trusted between two Latin spellings. */
const MIN_LATIN_SKELETON = 3;
/** Shortest skeleton trusted between two Latin words written as one and an Arabic-script word. */
const MIN_JOINED_SKELETON = 4;

/**
 * Factor on typo-like matches of a query word that is itself a listed word. `MENDOZA` and
 * `MENDEZ`, `MARIO` and `MARIA` are both real names: when the query's spelling exists in the
 * lists it is more likely another name than a typo, so the fuzzy pairing counts less.
 */
export const KNOWN_WORD_FACTOR = 0.85;

/** Packs a method code and a similarity in [0, 1] into one number. */
export function pack(method: number, similarity: number): number {
  return method * 2 + similarity;
}

/** The method code of a packed value. */
export function methodOf(packed: number): number {
  return Math.floor(packed / 2);
}

/** The similarity of a packed value. */
export function similarityOf(packed: number): number {
  return packed - methodOf(packed) * 2;
}

/** Expansions of one token: vocabulary id → packed (method, similarity). */
export type Expansions = Map<number, number>;

/** Per-vocabulary-token marks reused across queries to avoid re-checking a token. */
export interface TokenMarks {
  readonly stamp: Int32Array;
  epoch: number;
}

/**
 * Every vocabulary token the query token may stand for. `shallow` limits the search to exact and
 * phonetic spellings (used for two query words read as one, where typos would mostly add noise).
 */
export function expandToken(
  vocabulary: Vocabulary,
  marks: TokenMarks,
  token: NameToken,
  shallow = false,
): Expansions {
  const out: Expansions = new Map();
  const exact = vocabulary.lookup.get(token.text);
  if (exact !== undefined) {
    out.set(exact, pack(0, 1));
  }
  if (token.kind === 'legal' || token.kind === 'initial') {
    return out;
  }
  const phonetic = spanishPhoneticKey(token.text);
  const fuzzy = exact === undefined ? 1 : KNOWN_WORD_FACTOR;
  addPhonetic(vocabulary, phonetic, out);
  if (!shallow) {
    // A word read from Arabic script differs from a Latin spelling by its vowels, which the
    // skeleton handles; a letter changed outright (`عدي` read `adi` against ALI) is weak.
    addTypos(
      vocabulary,
      marks,
      token.text,
      isAbjad(token.script) ? fuzzy * ABJAD_TYPO_FACTOR : fuzzy,
      out,
    );
    if (token.kind === 'word') {
      addDroppedLetter(vocabulary, token.text, fuzzy, out);
    }
    addPhoneticTypos(vocabulary, marks, phonetic, fuzzy, out);
  }
  addEquivalentParticles(vocabulary, token.text, out);
  if (!shallow && token.script === 'cyrillic') {
    addCyrillicReadings(vocabulary, marks, token.text, fuzzy, out);
  }
  // Two Latin words written as one may still meet one word read from Arabic (`KHUDAI RAHIM`,
  // `خدايرحيم`); between Latin spellings a joined skeleton is mostly noise.
  addSkeleton(vocabulary, token, fuzzy, out, shallow && !isAbjad(token.script));
  return relabelTransliterated(vocabulary, token, out);
}

/** Keeps the better of two findings for the same vocabulary token. */
function offer(out: Expansions, id: number, method: number, similarity: number): void {
  const previous = out.get(id);
  if (previous === undefined || similarityOf(previous) < similarity) {
    out.set(id, pack(method, similarity));
  }
}

function addPhonetic(
  vocabulary: Vocabulary,
  phonetic: string,
  out: Expansions,
  similarity = PHONETIC_SIMILARITY,
): void {
  for (const id of vocabulary.byPhonetic.get(phonetic) ?? []) {
    offer(out, id, 1, similarity);
  }
}

/** Phonetic keys one typo apart (`TRUKHILO` → `trujilo` vs `TRUJILLO` → `trujiyo`). */
function addPhoneticTypos(
  vocabulary: Vocabulary,
  marks: TokenMarks,
  phonetic: string,
  factor: number,
  out: Expansions,
): void {
  if (phonetic.length <= MIN_PHONETIC_TYPO_LENGTH) {
    return;
  }
  const epoch = nextEpoch(marks);
  for (const key of deletionHashes(phonetic)) {
    for (const id of vocabulary.phoneticDeletions.idsOf(key)) {
      if (marks.stamp[id] === epoch) {
        continue;
      }
      marks.stamp[id] = epoch;
      const other = vocabulary.phonetics[id]!;
      if (boundedEditDistance(phonetic, other, 1) === 1) {
        offer(
          out,
          id,
          1,
          factor * PHONETIC_SIMILARITY * editSimilarity(1, phonetic.length, other.length),
        );
      }
    }
  }
}

/** A fresh epoch for `marks` (reset before the counter could overflow). */
function nextEpoch(marks: TokenMarks): number {
  if (marks.epoch >= 0x3fffffff) {
    marks.stamp.fill(0);
    marks.epoch = 0;
  }
  return ++marks.epoch;
}

/** Tokens sharing a deletion key are verified with the bounded edit distance. */
function addTypos(
  vocabulary: Vocabulary,
  marks: TokenMarks,
  text: string,
  factor: number,
  out: Expansions,
): void {
  if (text.length < MIN_FUZZY_LENGTH) {
    return;
  }
  const epoch = nextEpoch(marks);
  for (const key of deletionHashes(text)) {
    for (const id of vocabulary.deletions.idsOf(key)) {
      if (marks.stamp[id] === epoch) {
        continue;
      }
      marks.stamp[id] = epoch;
      const other = vocabulary.texts[id]!;
      const budget = typoBudget(Math.min(text.length, other.length));
      const distance = boundedEditDistance(text, other, budget);
      if (distance > 0 && distance <= budget) {
        offer(out, id, 2, factor * editSimilarity(distance, text.length, other.length));
      }
    }
  }
}

/**
 * Spellings of the same Arabic particle: the article (`al`, `el`, `ul` and its assimilated
 * forms `ur`, `ad`, `ash`, …), "son of" (`bin`, `ben`,
 * `ibn`), "father of" (`abu`, `abou`, `abo`, `bou`) and the Mauritanian `ould`. Short and
 * frequent, they are too short for typos to reach one another.
 */
const PARTICLE_SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map(
  [
    ['al', 'el', 'ul', 'ur', 'ud', 'ar', 'ad', 'ash', 'az'],
    ['bin', 'ben', 'ibn', 'bn'],
    ['abu', 'abou', 'abo', 'bou'],
    ['ould', 'old', 'wuld'],
  ].flatMap((group) => group.map((word) => [word, group.filter((w) => w !== word)] as const)),
);

/** Similarity of two spellings of one particle. */
const PARTICLE_SPELLING_SIMILARITY = 0.95;

function addEquivalentParticles(vocabulary: Vocabulary, text: string, out: Expansions): void {
  for (const other of PARTICLE_SPELLINGS.get(text) ?? []) {
    const id = vocabulary.lookup.get(other);
    if (id !== undefined) {
      offer(out, id, 1, PARTICLE_SPELLING_SIMILARITY);
    }
  }
}

/** Similarity of a listed word spelt as a Cyrillic token's Latin reading (`Джохн`/`JOHN`). */
export const CYRILLIC_READING_SIMILARITY = 0.95;

/**
 * A token read from Cyrillic, spelt the way Latin names are (`dzhokhn` → `john`): the listed
 * word itself, its phonetic equals and its typos, each counted as a transliteration.
 */
function addCyrillicReadings(
  vocabulary: Vocabulary,
  marks: TokenMarks,
  text: string,
  factor: number,
  out: Expansions,
): void {
  for (const reading of cyrillicLatinReadings(text)) {
    const exact = vocabulary.lookup.get(reading);
    if (exact !== undefined) {
      offer(out, exact, 3, CYRILLIC_READING_SIMILARITY);
    }
    addPhonetic(vocabulary, spanishPhoneticKey(reading), out, factor * PHONETIC_SIMILARITY);
    addTypos(vocabulary, marks, reading, factor * CYRILLIC_READING_SIMILARITY, out);
  }
}

/**
 * A two-letter word that is a three-letter listed word missing one letter (`BE` for `BEN`,
 * `AI` for `ALI`, `OR` for `FOR`). Too short for typos in general, but a dropped letter is the
 * commonest typo, and the listed word's deletion neighbourhood already holds the key.
 */
function addDroppedLetter(
  vocabulary: Vocabulary,
  text: string,
  factor: number,
  out: Expansions,
): void {
  if (text.length !== MIN_FUZZY_LENGTH - 1) {
    return;
  }
  for (const id of vocabulary.deletions.idsOf(keyHash(text))) {
    const other = vocabulary.texts[id]!;
    if (other.length === text.length + 1 && boundedEditDistance(text, other, 1) === 1) {
      offer(out, id, 2, factor * editSimilarity(1, text.length, other.length));
    }
  }
}

/** Consonant skeletons (every reading): trusted when either side was written in Arabic or Hebrew. */
function addSkeleton(
  vocabulary: Vocabulary,
  token: NameToken,
  factor: number,
  out: Expansions,
  abjadOnly: boolean,
): void {
  const fromAbjad = isAbjad(token.script);
  const variants = fromAbjad ? abjadSkeletonVariants(token.text) : skeletonVariants(token.text);
  for (const skeleton of variants) {
    if (skeleton === '') {
      continue;
    }
    if (abjadOnly && skeleton.length < MIN_JOINED_SKELETON) {
      continue;
    }
    if (abjadOnly || (!fromAbjad && skeleton.length < MIN_LATIN_SKELETON)) {
      for (const id of vocabulary.byAbjadSkeleton.get(skeleton) ?? []) {
        offerAbjad(out, id, vocabulary.texts[id]!, token.text, skeleton);
      }
      continue;
    }
    for (const id of vocabulary.bySkeleton.get(skeleton) ?? []) {
      offerSkeleton(vocabulary, token, fromAbjad, id, skeleton, factor, out);
    }
  }
  if (!fromAbjad && !abjadOnly) {
    // `FAYCAL` (FAYÇAL) against `فيصل`: against words read from Arabic only.
    for (const skeleton of cedillaSkeletons(token.text)) {
      for (const id of vocabulary.byAbjadSkeleton.get(skeleton) ?? []) {
        offerAbjad(out, id, vocabulary.texts[id]!, token.text, skeleton);
      }
    }
  }
}

function offerSkeleton(
  vocabulary: Vocabulary,
  token: NameToken,
  fromAbjad: boolean,
  id: number,
  skeleton: string,
  factor: number,
  out: Expansions,
): void {
  const other = vocabulary.texts[id]!;
  if (fromAbjad) {
    offerAbjad(out, id, token.text, vocabulary.abjad[id] === 1 ? token.text : other, skeleton);
  } else if (vocabulary.abjad[id] === 1) {
    offerAbjad(out, id, other, token.text, skeleton);
  } else {
    const similarity = latinSkeletonSimilarity(token.text, other);
    if (similarity >= LATIN_SKELETON_SIMILARITY) {
      offer(out, id, 1, factor * similarity);
    }
  }
}

/**
 * A skeleton match across scripts, if the long vowels the abjad spelling writes agree and
 * neither side is a particle (`al`). Short skeletons are weaker evidence: one consonant (`علي`
 * `li`, `ALI`) counts 0.8, two 0.85, three or more `ABJAD_SKELETON_SIMILARITY`.
 */
function offerAbjad(
  out: Expansions,
  id: number,
  abjad: string,
  latin: string,
  skeleton: string,
): void {
  if (PARTICLES.has(abjad) || PARTICLES.has(latin)) {
    return;
  }
  if (!abjadVowelsCompatible(abjad, latin)) {
    // Two like long vowels met by one Latin vowel (`dbiski`/DABSKI), on four consonants or more.
    if (skeleton.length >= 4 && abjadVowelsShared(abjad, latin)) {
      offer(out, id, 3, SHARED_VOWEL_SIMILARITY);
    }
    return;
  }
  const similarity =
    skeleton.length >= 3 ? ABJAD_SKELETON_SIMILARITY : 0.7 + 0.05 * (skeleton.length + 1);
  offer(out, id, 3, similarity);
}

/**
 * Two Latin spellings with the same consonants that differ in at most two vowels
 * (`MOHAMMED`/`MUHAMMAD`, `ABDELMALEK`/`ABDALMALIK`) are priced like typos; more vowel changes
 * (`PALACIOS`/`VELEZ` share the skeleton `bls`) are not a match.
 */
function latinSkeletonSimilarity(a: string, b: string): number {
  const distance = boundedEditDistance(a, b, 2);
  return distance > 2 ? 0 : editSimilarity(distance, a.length, b.length);
}

/**
 * A pairing across scripts (the query word or the listed word was read from another script) is
 * reported as a transliteration, whichever key found it.
 */
function relabelTransliterated(
  vocabulary: Vocabulary,
  token: NameToken,
  out: Expansions,
): Expansions {
  const queryTransliterated = token.script !== 'latin';
  for (const [id, packed] of out) {
    const crossScript = queryTransliterated || vocabulary.abjad[id] === 1;
    if (
      crossScript &&
      methodOf(packed) !== 3 &&
      !(methodOf(packed) === 0 && !queryTransliterated)
    ) {
      out.set(id, pack(3, similarityOf(packed)));
    }
  }
  return out;
}

/** The expansions as a list, best similarity first (candidate generation walks it in order). */
export function rankedExpansions(expansions: Expansions): { id: number; similarity: number }[] {
  const list = [...expansions].map(([id, packed]) => ({ id, similarity: similarityOf(packed) }));
  return list.sort((a, b) => b.similarity - a.similarity);
}
