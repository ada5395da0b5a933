/**
 * Changing and combining markings. Raising is open to anyone who may read the record (more
 * protection never harms); lowering only to the originating organization; combining keeps every
 * restriction of every input.
 *
 * @module
 */
import { CLASSIFICATION_LEVELS, classificationRank } from '../core/classification.js';
import type { Actor } from '../identity/actor.js';
import { decideAccess } from './decide-access.js';
import type { AccessReason } from './decide-access.js';
import {
  CAVEATS,
  TLP_LABELS,
  isAtLeastAsRestrictive,
  markingProblem,
  sameOriginators,
  tlpRank,
} from './marking.js';
import type { MarkedRecord, Marking, Originator } from './marking.js';

/** Outcome of a marking change. */
export type MarkingChange =
  | { readonly ok: true; readonly marking: Marking }
  | {
      readonly ok: false;
      readonly reason: AccessReason | 'not_more_restrictive' | 'originators_changed';
    };

/**
 * Replaces the marking with a more restrictive one.
 *
 * @example
 * const change = raiseMarking(actor, record, { ...record.marking, tlp: 'RED' });
 */
export function raiseMarking(actor: Actor, record: MarkedRecord, proposed: Marking): MarkingChange {
  const decision = decideAccess(actor, record, 'raise-marking');
  if (!decision.allowed) {
    return { ok: false, reason: decision.reason };
  }
  if (markingProblem(proposed) !== undefined) {
    return { ok: false, reason: 'invalid_marking' };
  }
  if (!isAtLeastAsRestrictive(proposed, record.marking)) {
    return { ok: false, reason: 'not_more_restrictive' };
  }
  return { ok: true, marking: proposed };
}

/**
 * Replaces the marking with any well-formed one keeping the same originators; only the
 * originating organization (with `marking.lower`) may do it.
 *
 * @example
 * const change = lowerMarking(actor, record, { ...record.marking, tlp: 'GREEN' });
 */
export function lowerMarking(actor: Actor, record: MarkedRecord, proposed: Marking): MarkingChange {
  const decision = decideAccess(actor, record, 'lower-marking');
  if (!decision.allowed) {
    return { ok: false, reason: decision.reason };
  }
  if (markingProblem(proposed) !== undefined) {
    return { ok: false, reason: 'invalid_marking' };
  }
  if (!sameOriginators(proposed, record.marking)) {
    return { ok: false, reason: 'originators_changed' };
  }
  return { ok: true, marking: proposed };
}

/**
 * The marking of content derived from several records: highest level and TLP, every caveat,
 * every originator, and only the recipients all inputs were released to.
 *
 * @example
 * combineMarkings([a, b]); // at least as restrictive as a and as b
 */
export function combineMarkings(markings: readonly Marking[]): Marking {
  const [first, ...rest] = markings;
  if (first === undefined) {
    throw new Error('combineMarkings needs at least one marking');
  }
  return {
    classification:
      CLASSIFICATION_LEVELS[
        Math.max(...markings.map((m) => classificationRank(m.classification)))
      ]!,
    originators: unionOriginators(markings),
    releasableTo: {
      countries: intersect(
        first.releasableTo.countries,
        rest.map((m) => m.releasableTo.countries),
      ),
      organizations: intersect(
        first.releasableTo.organizations,
        rest.map((m) => m.releasableTo.organizations),
      ),
    },
    caveats: CAVEATS.filter((caveat) => markings.some((m) => m.caveats.includes(caveat))),
    tlp: TLP_LABELS[Math.max(...markings.map((m) => tlpRank(m.tlp)))]!,
  };
}

/**
 * The combined marking of everything a derived output includes (each record's stored
 * markings, as `MarkingStore.entryMarkings` returns them), or null when nothing is marked.
 *
 * @example
 * combinedMarking(await store.markings.entryMarkings(entryIds)); // null for OFAC and UN only
 */
export function combinedMarking(markings: ReadonlyMap<string, readonly Marking[]>): Marking | null {
  const all = [...markings.values()].flat();
  return all.length === 0 ? null : combineMarkings(all);
}

function unionOriginators(markings: readonly Marking[]): readonly Originator[] {
  const byId = new Map<string, Originator>();
  for (const originator of markings.flatMap((m) => m.originators)) {
    byId.set(originator.organizationId, originator);
  }
  return [...byId.values()].sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1));
}

function intersect(
  first: readonly string[],
  others: readonly (readonly string[])[],
): readonly string[] {
  return [...new Set(first)].filter((item) => others.every((list) => list.includes(item))).sort();
}
