/**
 * What remark rules write into while one entry's remarks are parsed, and what they may ask.
 *
 * @module
 */
import type {
  AircraftDetails,
  Alias,
  DateFact,
  EntityType,
  EntryLink,
  IdentityDocument,
  OtherFact,
  TextFact,
  UnparsedFragment,
  VesselDetails,
} from '../../watchlist-entry.js';
import type { Fragment } from './remarks-split.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Origin of every fact read from the remarks. */
export const REMARKS_ORIGIN = 'remarks';

/** The facts of one entry's remarks, filled in fragment by fragment. */
export interface RemarkFacts {
  readonly aliases: Alias[];
  readonly birthDates: DateFact[];
  readonly birthPlaces: TextFact[];
  readonly nationalities: TextFact[];
  readonly citizenships: TextFact[];
  gender?: TextFact;
  readonly documents: IdentityDocument[];
  readonly links: EntryLink[];
  readonly vessel: Writable<VesselDetails>;
  readonly aircraft: Writable<AircraftDetails>;
  readonly websites: TextFact[];
  readonly emails: TextFact[];
  readonly phones: TextFact[];
  readonly otherFacts: OtherFact[];
  readonly unparsed: UnparsedFragment[];
}

/** What a rule may know about the entry besides its remarks. */
export interface RemarkContext {
  readonly entityType: EntityType;
  /** The entry's `Title` column, split on `;` (remarks repeat it). */
  readonly titles: readonly string[];
  /** Records a non-fatal problem (the caller adds file and line). */
  readonly warn: (code: string, message: string, field: string) => void;
}

/** A fragment that starts with a rule's label, split into label and value. */
export interface LabelledFragment {
  /** The label as published (its case may differ from the rule's). */
  readonly label: string;
  /** The text after the label and any `:` or spaces following it. */
  readonly value: string;
  readonly fragment: Fragment;
}

/**
 * Handles a fragment that starts with the rule's label; returns false when the value is not
 * understood, so the fragment is kept as unparsed.
 */
export type LabelHandler = (
  input: LabelledFragment,
  facts: RemarkFacts,
  context: RemarkContext,
) => boolean;

/** A rule for fragments that start with a fixed label (`Cedula No.`, `Linked To:`). */
export interface LabelRule {
  /** The label as OFAC writes it; matched case-insensitively at the start of a fragment. */
  readonly label: string;
  readonly handle: LabelHandler;
}

/** A rule for fragments without a fixed label; returns false when it does not apply. */
export type FragmentRule = (
  fragment: Fragment,
  facts: RemarkFacts,
  context: RemarkContext,
) => boolean;

/** Empty facts for one entry. */
export function emptyRemarkFacts(): RemarkFacts {
  return {
    aliases: [],
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    citizenships: [],
    documents: [],
    links: [],
    vessel: {},
    aircraft: {},
    websites: [],
    emails: [],
    phones: [],
    otherFacts: [],
    unparsed: [],
  };
}

/** A value with its fragment, read from the remarks. */
export function textFact(value: string, fragment: Fragment): TextFact {
  return { value, text: fragment.text, origin: REMARKS_ORIGIN };
}

/** A labelled fact without a dedicated field. */
export function otherFact(
  key: string,
  label: string,
  value: string,
  fragment: Fragment,
): OtherFact {
  return { key, label, value, text: fragment.text, origin: REMARKS_ORIGIN };
}
