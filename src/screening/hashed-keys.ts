/**
 * A compact multimap from string keys to token ids for the deletion neighbourhoods, which hold
 * several keys per vocabulary token (over 150,000 in all). Keys are stored as 32-bit FNV-1a
 * hashes packed with the id in one sorted `Float64Array` (`hash · 2²¹ + id`, exact below 2⁵³),
 * so building allocates no per-key string or array and a lookup is a binary search. A hash
 * collision can only add a candidate, never lose one; callers verify candidates anyway.
 *
 * @module
 */

const ID_SPACE = 2 ** 21;

/** FNV-1a over the UTF-16 code units of `text`, skipping position `skip` (-1 skips nothing). */
export function keyHash(text: string, skip = -1): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    if (i !== skip) {
      hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    }
  }
  return hash >>> 0;
}

/** `keyHash(a + b)` without building the string. */
export function pairHash(a: string, b: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < a.length; i++) {
    hash = Math.imul(hash ^ a.charCodeAt(i), 0x01000193);
  }
  for (let i = 0; i < b.length; i++) {
    hash = Math.imul(hash ^ b.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

/** Hashes of `text` and of every string one code unit shorter (its deletion neighbourhood). */
export function deletionHashes(text: string): number[] {
  const hashes = [keyHash(text)];
  for (let skip = 0; skip < text.length; skip++) {
    hashes.push(keyHash(text, skip));
  }
  return hashes;
}

/** Sorted (hash, id) pairs. */
export class HashedKeys {
  private readonly packed: Float64Array;

  private constructor(packed: Float64Array) {
    this.packed = packed;
  }

  /** Builds from the keys of each id (`keysOf(id)` returns hashes). */
  static build(count: number, keysOf: (id: number) => readonly number[]): HashedKeys {
    const values: number[] = [];
    for (let id = 0; id < count; id++) {
      for (const hash of keysOf(id)) {
        values.push(hash * ID_SPACE + id);
      }
    }
    return new HashedKeys(Float64Array.from(values).sort());
  }

  /** Ids stored under `hash` (may repeat an id; may include a colliding key's ids). */
  idsOf(hash: number): number[] {
    const low = hash * ID_SPACE;
    let lo = 0;
    let hi = this.packed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.packed[mid]! < low) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    const ids: number[] = [];
    for (let at = lo; at < this.packed.length && this.packed[at]! < low + ID_SPACE; at++) {
      ids.push(this.packed[at]! - low);
    }
    return ids;
  }

  /** Number of stored pairs. */
  get size(): number {
    return this.packed.length;
  }
}
