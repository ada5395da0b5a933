/**
 * Indexed names stored column-wise in typed arrays (one flat token array with per-name offsets)
 * so that 40,000 names cost a few megabytes and scoring touches contiguous memory.
 *
 * @module
 */
import type { Vocabulary } from './index-vocabulary.js';
import { isDistinctiveKind, tokenWeight } from './token-weights.js';
import { weakAliasClass, type WeakAliasClass } from './weak-aliases.js';

/** A name as collected during a build, before it is packed. */
export interface PendingName {
  readonly entryIndex: number;
  /** 0 primary, 1 alias, 2 weak alias. */
  readonly kind: number;
  readonly display: string;
  /** The text analyzed: `display`, or a second reading of it (Korean, natural order). */
  readonly read: string;
  readonly surnameFirst: boolean;
  readonly tokenIds: readonly number[];
  readonly tokenKinds: readonly number[];
}

/** All names of an index, column-wise. Name `n` owns tokens `start[n]` to `start[n + 1]`. */
export interface NameTable {
  readonly entry: Int32Array;
  readonly kind: Uint8Array;
  readonly display: readonly string[];
  /** The text each name's tokens were analyzed from (see `PendingName.read`). */
  readonly read: readonly string[];
  readonly surnameFirst: Uint8Array;
  readonly start: Int32Array;
  readonly tokens: Int32Array;
  readonly tokenKinds: Uint8Array;
  /** Weight of each token occurrence (IDF × kind factor). */
  readonly tokenWeights: Float64Array;
  /** Sum of the name's token weights. */
  readonly totalWeight: Float64Array;
  /** The name's heaviest token weight. */
  readonly maxTokenWeight: Float64Array;
  /** The `WeakAliasClass` of each weak alias (see `weak-aliases.ts`); 0 for other names. */
  readonly weakClass: Uint8Array;
  /** Names of entry `e` are `entryStart[e]` to `entryStart[e + 1]` (names are added per entry). */
  readonly entryStart: Int32Array;
}

/** Packs pending names into a `NameTable`, weighing tokens with the final vocabulary. */
export function buildNameTable(
  pending: readonly PendingName[],
  vocabulary: Vocabulary,
  entryCount: number,
): NameTable {
  const start = new Int32Array(pending.length + 1);
  pending.forEach((name, n) => {
    start[n + 1] = start[n]! + name.tokenIds.length;
  });
  const tokens = new Int32Array(start[pending.length]!);
  const tokenKinds = new Uint8Array(tokens.length);
  const tokenWeights = new Float64Array(tokens.length);
  const totalWeight = new Float64Array(pending.length);
  const maxTokenWeight = new Float64Array(pending.length);
  pending.forEach((name, n) => {
    name.tokenIds.forEach((id, k) => {
      const at = start[n]! + k;
      tokens[at] = id;
      tokenKinds[at] = name.tokenKinds[k]!;
      tokenWeights[at] = tokenWeight(vocabulary.weights[id]!, name.tokenKinds[k]!);
      totalWeight[n]! += tokenWeights[at];
      maxTokenWeight[n] = Math.max(maxTokenWeight[n]!, tokenWeights[at]);
    });
  });
  return {
    entry: Int32Array.from(pending, (name) => name.entryIndex),
    kind: Uint8Array.from(pending, (name) => name.kind),
    display: pending.map((name) => name.display),
    read: pending.map((name) => name.read),
    surnameFirst: Uint8Array.from(pending, (name) => (name.surnameFirst ? 1 : 0)),
    start,
    tokens,
    tokenKinds,
    tokenWeights,
    totalWeight,
    maxTokenWeight,
    weakClass: Uint8Array.from(pending, (name) => weakAliasClassOf(name, vocabulary)),
    entryStart: entryStarts(pending, entryCount),
  };
}

function weakAliasClassOf(name: PendingName, vocabulary: Vocabulary): WeakAliasClass {
  let weight = 0;
  let letters = 0;
  name.tokenIds.forEach((id, k) => {
    if (isDistinctiveKind(name.tokenKinds[k]!)) {
      weight += tokenWeight(vocabulary.weights[id]!, name.tokenKinds[k]!);
      letters += vocabulary.texts[id]!.length;
    }
  });
  return weakAliasClass(weight, letters);
}

function entryStarts(pending: readonly PendingName[], entryCount: number): Int32Array {
  const starts = new Int32Array(entryCount + 1).fill(pending.length);
  for (let n = pending.length - 1; n >= 0; n--) {
    starts[pending[n]!.entryIndex] = n;
  }
  for (let e = entryCount - 1; e >= 0; e--) {
    starts[e] = Math.min(starts[e]!, starts[e + 1]!);
  }
  return starts;
}
