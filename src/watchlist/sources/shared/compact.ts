/**
 * Object helpers for building entries without `undefined`-valued keys, so entries compare and
 * serialise the same whether a field was absent or just empty.
 *
 * @module
 */

/** A shallow copy of `value` without its `undefined` properties. */
export function withoutUndefined<T extends object>(value: T): T {
  // A plain loop: this runs for every fact of every entry, and entries/fromEntries allocate.
  const copy: Record<string, unknown> = {};
  for (const [key, part] of Object.entries(value)) {
    if (part !== undefined) {
      copy[key] = part;
    }
  }
  return copy as T;
}
