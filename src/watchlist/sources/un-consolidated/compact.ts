/**
 * Object helpers for building entries without `undefined`-valued keys, so entries compare and
 * serialise the same whether a field was absent or just empty.
 *
 * @module
 */

/** A shallow copy of `value` without its `undefined` properties. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, part]) => part !== undefined)) as T;
}
