/**
 * The marking banner of an evidence document: the combined marking (`combinedMarking`) of the
 * marked records it includes, so a document is never less restricted than anything in it.
 *
 * @module
 */
import { formatMarking } from '../access/marking.js';
import type { Marking } from '../access/marking.js';

/**
 * The `marking` field of a document for these facts (absent when unmarked).
 *
 * @example
 * return { title, ...markingBanner(facts.marking), sections, footer };
 */
export function markingBanner(marking: Marking | null): { marking?: string } {
  return marking === null ? {} : { marking: formatMarking(marking) };
}
