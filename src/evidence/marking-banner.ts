/**
 * The marking of an evidence document: the combined marking of the marked records it includes,
 * so a document is never less restricted than anything in it.
 *
 * @module
 */
import { combineMarkings } from '../access/change-marking.js';
import { formatMarking } from '../access/marking.js';
import type { Marking } from '../access/marking.js';

/**
 * The combined marking of every stored marking of the given entries, or null when none of
 * them is marked.
 *
 * @example
 * combinedMarking(await markings.entryMarkings([alert.entryId]));
 */
export function combinedMarking(markings: ReadonlyMap<string, readonly Marking[]>): Marking | null {
  const all = [...markings.values()].flat();
  return all.length === 0 ? null : combineMarkings(all);
}

/**
 * The `marking` field of a document for these facts (absent when unmarked).
 *
 * @example
 * return { title, ...markingBanner(facts.marking), sections, footer };
 */
export function markingBanner(marking: Marking | null): { marking?: string } {
  return marking === null ? {} : { marking: formatMarking(marking) };
}
