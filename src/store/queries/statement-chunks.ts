/**
 * Splitting large writes and `in (…)` lookups into statements small enough for every database.
 *
 * @module
 */

/**
 * Bound parameters allowed in one statement. SQLite (as bundled by better-sqlite3) accepts
 * 32,766 and PostgreSQL 65,535; staying well below both keeps statements fast to prepare while
 * still writing thousands of rows per round trip.
 */
export const MAX_PARAMETERS_PER_STATEMENT = 8_000;

/**
 * How many rows of `columnsPerRow` bound values fit in one statement.
 *
 * @example
 * rowsPerStatement(4); // 2000
 */
export function rowsPerStatement(columnsPerRow: number): number {
  return Math.max(1, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columnsPerRow));
}

/**
 * Splits `items` into consecutive slices of at most `size` items.
 *
 * @example
 * chunked([1, 2, 3], 2); // [[1, 2], [3]]
 */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}
