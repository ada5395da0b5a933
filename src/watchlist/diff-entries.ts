/**
 * Field-level comparison of two versions of one entry. Pure: no store, no I/O.
 *
 * @module
 */
import { canonicalJson } from '../core/hash.js';
import type { WatchlistEntry } from './watchlist-entry.js';

/** One changed top-level field. For list fields, the items added and removed. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
  /** Present for list fields: items only in `after`. */
  readonly itemsAdded?: readonly unknown[];
  /** Present for list fields: items only in `before`. */
  readonly itemsRemoved?: readonly unknown[];
}

/**
 * Lists the top-level fields whose values differ, in a stable (alphabetical) order.
 * @example
 * diffEntries(before, after).map((c) => c.field); // ['aliases', 'remarks']
 */
export function diffEntries(before: WatchlistEntry, after: WatchlistEntry): FieldChange[] {
  const left = before as unknown as Record<string, unknown>;
  const right = after as unknown as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const a = left[field];
    const b = right[field];
    if (canonicalJson(a ?? null) !== canonicalJson(b ?? null)) {
      changes.push(describeChange(field, a, b));
    }
  }
  return changes;
}

function describeChange(field: string, before: unknown, after: unknown): FieldChange {
  if (!Array.isArray(before) && !Array.isArray(after)) {
    return { field, before, after };
  }
  const beforeItems = Array.isArray(before) ? (before as unknown[]) : [];
  const afterItems = Array.isArray(after) ? (after as unknown[]) : [];
  const beforeKeys = new Set(beforeItems.map((item) => canonicalJson(item)));
  const afterKeys = new Set(afterItems.map((item) => canonicalJson(item)));
  return {
    field,
    before,
    after,
    itemsAdded: afterItems.filter((item) => !beforeKeys.has(canonicalJson(item))),
    itemsRemoved: beforeItems.filter((item) => !afterKeys.has(canonicalJson(item))),
  };
}
