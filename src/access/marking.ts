/**
 * The marking of a record: classification level, originating organizations, releasability
 * (REL TO countries and organizations), dissemination caveats (ORCON, NOFORN) and a TLP 2.0
 * label. A marking is data: stored with the record, checked by `decideAccess`, never inferred.
 *
 * @module
 */
import {
  classificationRank,
  isClassificationLevel,
  isCountryCode,
} from '../core/classification.js';
import type { ClassificationLevel } from '../core/classification.js';

/** TLP 2.0 labels (FIRST, 2022), least to most restrictive. */
export const TLP_LABELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

/** One TLP 2.0 label. */
export type Tlp = (typeof TLP_LABELS)[number];

/** US dissemination controls Puente enforces. */
export const CAVEATS = ['ORCON', 'NOFORN'] as const;

/** ORCON: the originator approves every further release. NOFORN: no foreign recipients. */
export type Caveat = (typeof CAVEATS)[number];

/** An organization that contributed the content, with its country (for NOFORN). */
export interface Originator {
  readonly organizationId: string;
  /** ISO 3166-1 alpha-3. */
  readonly country: string;
}

/** To whom a record may be released besides its originators. Empty means nobody. */
export interface Releasability {
  /** ISO 3166-1 alpha-3 codes (`REL TO USA, COL`). */
  readonly countries: readonly string[];
  /** Organization ids named explicitly. */
  readonly organizations: readonly string[];
}

/** A record's marking. */
export interface Marking {
  readonly classification: ClassificationLevel;
  /** One organization, or several for content combined from several records. */
  readonly originators: readonly Originator[];
  readonly releasableTo: Releasability;
  readonly caveats: readonly Caveat[];
  readonly tlp: Tlp;
}

/** A record as access control sees it: an id and its marking. */
export interface MarkedRecord {
  readonly id: string;
  readonly marking: Marking;
}

/**
 * Rank of a TLP label (0 = CLEAR … 4 = RED).
 *
 * @example
 * tlpRank('AMBER+STRICT'); // 3
 */
export function tlpRank(tlp: Tlp): number {
  return TLP_LABELS.indexOf(tlp);
}

/**
 * What is wrong with a marking, or undefined when it is well formed. Anything unknown is a
 * problem: a marking Puente cannot fully interpret must share nothing.
 *
 * @example
 * markingProblem({ ...marking, tlp: 'WHITE' }); // 'unknown TLP label'
 */
export function markingProblem(marking: Marking): string | undefined {
  if (!isClassificationLevel(marking.classification)) {
    return 'unknown classification level';
  }
  if (!(TLP_LABELS as readonly string[]).includes(marking.tlp)) {
    return 'unknown TLP label';
  }
  if (!marking.caveats.every((caveat) => (CAVEATS as readonly string[]).includes(caveat))) {
    return 'unknown caveat';
  }
  if (marking.originators.length === 0 || !marking.originators.every(validOriginator)) {
    return 'missing or malformed originator';
  }
  if (!marking.releasableTo.countries.every(isCountryCode)) {
    return 'malformed REL TO country';
  }
  return undefined;
}

function validOriginator(originator: Originator): boolean {
  return originator.organizationId !== '' && isCountryCode(originator.country);
}

/**
 * True when `a` restricts at least as much as `b` in every dimension: level, TLP, caveats,
 * releasability (a subset) and the same originators.
 *
 * @example
 * isAtLeastAsRestrictive(raised, current); // true for any raise
 */
export function isAtLeastAsRestrictive(a: Marking, b: Marking): boolean {
  return (
    classificationRank(a.classification) >= classificationRank(b.classification) &&
    tlpRank(a.tlp) >= tlpRank(b.tlp) &&
    b.caveats.every((caveat) => a.caveats.includes(caveat)) &&
    isSubset(a.releasableTo.countries, b.releasableTo.countries) &&
    isSubset(a.releasableTo.organizations, b.releasableTo.organizations) &&
    sameOriginators(a, b)
  );
}

/**
 * True when both markings say exactly the same (order of lists aside).
 *
 * @example
 * sameMarking(stored, expected); // false once someone changed it
 */
export function sameMarking(a: Marking, b: Marking): boolean {
  // Each dimension is compared as a set both ways, originators included.
  return isAtLeastAsRestrictive(a, b) && isAtLeastAsRestrictive(b, a);
}

/**
 * The marking of a record without its originators: what a list declares and what a caller
 * proposes (originators are never declared, only recorded).
 *
 * @example
 * withoutOriginators(stored); // { classification, releasableTo, caveats, tlp }
 */
export function withoutOriginators(marking: Marking): Omit<Marking, 'originators'> {
  return {
    classification: marking.classification,
    releasableTo: marking.releasableTo,
    caveats: marking.caveats,
    tlp: marking.tlp,
  };
}

/**
 * True when both markings name the same originating organizations.
 *
 * @example
 * sameOriginators(a, b);
 */
export function sameOriginators(a: Marking, b: Marking): boolean {
  const left = new Set(a.originators.map((o) => o.organizationId));
  const right = new Set(b.originators.map((o) => o.organizationId));
  return left.size === right.size && [...left].every((id) => right.has(id));
}

/**
 * The banner form, e.g. `SECRET//ORCON/NOFORN//REL TO USA, COL TLP:AMBER`.
 *
 * @example
 * formatMarking(marking);
 */
export function formatMarking(marking: Marking): string {
  const parts = [marking.classification.toUpperCase()];
  if (marking.caveats.length > 0) {
    parts.push([...marking.caveats].sort().join('/'));
  }
  if (marking.releasableTo.countries.length > 0) {
    parts.push(`REL TO ${marking.releasableTo.countries.join(', ')}`);
  }
  return `${parts.join('//')} TLP:${marking.tlp}`;
}

function isSubset(small: readonly string[], large: readonly string[]): boolean {
  return small.every((item) => large.includes(item));
}
