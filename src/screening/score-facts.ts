/**
 * How facts other than the name move a score. The name decides; facts confirm or contradict:
 *
 * | Fact | Effect | Basis |
 * |---|---|---|
 * | identical document number | decisive: score 1.0 | Watchman: exact gov ID → 1.0 [W19] |
 * | DOB identical to the day | +0.05 | Watchman dates weigh 15 vs name 35 [W19] |
 * | DOB consistent (same year/month at the precision given) | +0.03 | |
 * | DOB within tolerance (±1 year, ±2 for circa/ranges, day/month swapped) | 0 | |
 * | DOB same year, different day or month | −0.05 | |
 * | DOB conflicting year | −0.15 | OpenSanctions `dob_year_disjoint` −0.15 [N2] |
 * | country among the entry's countries | +0.02 | |
 * | entry has countries, none is the query's | −0.05 | OpenSanctions `ofac` −0.1, logic-v2 −0.2 [N2][N5] (people move; softer) |
 * | entity type differs (person vs company) | −0.2 | |
 *
 * References are to screening.md §4. A fact absent on either side changes nothing.
 *
 * @module
 */
import type { EntityType } from '../watchlist/watchlist-entry.js';
import { compareBirthDates, type PartialDate } from './birth-dates.js';
import type { IndexedEntry } from './screening-index.js';
import type { FactEffect } from './screening-types.js';

/** The query's facts in comparable form (validated). */
export interface QueryFacts {
  readonly dob?: PartialDate;
  readonly dobText?: string;
  readonly country?: string;
  readonly documentKeys: readonly string[];
  readonly documentText?: string;
  readonly type?: EntityType;
}

/** What the facts did to a score. */
export interface FactsOutcome {
  readonly adjustment: number;
  readonly decisive: boolean;
  readonly effects: readonly FactEffect[];
}

/** Largest total bonus facts can add (DOB to the day + country); used to bound candidates. */
export const MAX_FACT_BONUS = 0.07;

const DOB_EFFECTS = { exact: 0.05, match: 0.03, close: 0, 'same-year': -0.05, conflict: -0.15 };
const COUNTRY_MATCH = 0.02;
const COUNTRY_CONFLICT = -0.05;
const TYPE_CONFLICT = -0.2;

/** Compares the query's facts with an entry's. */
export function scoreFacts(query: QueryFacts, indexed: IndexedEntry): FactsOutcome {
  if (!hasFacts(query)) {
    return NO_FACTS;
  }
  const effects = [
    documentEffect(query, indexed),
    dobEffect(query, indexed),
    countryEffect(query, indexed),
    typeEffect(query, indexed),
  ].filter((effect): effect is FactEffect => effect !== undefined);
  const decisive = effects.some((e) => e.fact === 'document' && e.outcome === 'match');
  return { adjustment: effects.reduce((sum, e) => sum + e.effect, 0), decisive, effects };
}

const NO_FACTS: FactsOutcome = { adjustment: 0, decisive: false, effects: [] };

/** Whether the query states any fact besides the name. */
export function hasFacts(query: QueryFacts): boolean {
  return (
    query.dob !== undefined ||
    query.country !== undefined ||
    query.documentKeys.length > 0 ||
    query.type !== undefined
  );
}

function documentEffect(query: QueryFacts, indexed: IndexedEntry): FactEffect | undefined {
  if (query.documentKeys.length === 0) {
    return undefined;
  }
  const found = query.documentKeys.map((key) => indexed.facts.documents.get(key)).find(Boolean);
  if (found !== undefined) {
    return {
      fact: 'document',
      outcome: 'match',
      effect: 0,
      detail: `document ${query.documentText ?? ''} is listed: ${found}`,
    };
  }
  const listed = indexed.facts.documents.size > 0;
  return {
    fact: 'document',
    outcome: listed ? 'conflict' : 'absent',
    effect: 0,
    detail: listed
      ? `document ${query.documentText ?? ''} is not among the entry's listed documents`
      : 'the entry lists no identity documents',
  };
}

function dobEffect(query: QueryFacts, indexed: IndexedEntry): FactEffect | undefined {
  if (query.dob === undefined) {
    return undefined;
  }
  const { outcome, listed } = compareBirthDates(query.dob, indexed.facts.birthDates);
  if (outcome === 'unknown') {
    return {
      fact: 'dob',
      outcome: 'absent',
      effect: 0,
      detail: 'the entry lists no date of birth',
    };
  }
  const effect = DOB_EFFECTS[outcome];
  const reported =
    outcome === 'exact' || outcome === 'match'
      ? 'match'
      : outcome === 'close'
        ? 'close'
        : 'conflict';
  const versus = outcome === 'conflict' ? listedDates(indexed) : (listed?.text ?? '');
  return {
    fact: 'dob',
    outcome: reported,
    effect,
    detail: `DOB ${query.dobText ?? ''} vs listed ${versus} (${outcome})`,
  };
}

function listedDates(indexed: IndexedEntry): string {
  return indexed.facts.birthDates.map((d) => d.text).join('; ');
}

function countryEffect(query: QueryFacts, indexed: IndexedEntry): FactEffect | undefined {
  if (query.country === undefined) {
    return undefined;
  }
  const countries = indexed.facts.countries;
  if (countries.size === 0) {
    return { fact: 'country', outcome: 'absent', effect: 0, detail: 'the entry lists no country' };
  }
  const listed = [...countries].sort().join(', ');
  return countries.has(query.country)
    ? {
        fact: 'country',
        outcome: 'match',
        effect: COUNTRY_MATCH,
        detail: `${query.country} is among the entry's countries (${listed})`,
      }
    : {
        fact: 'country',
        outcome: 'conflict',
        effect: COUNTRY_CONFLICT,
        detail: `${query.country} is not among the entry's countries (${listed})`,
      };
}

function typeEffect(query: QueryFacts, indexed: IndexedEntry): FactEffect | undefined {
  if (query.type === undefined) {
    return undefined;
  }
  const listed = indexed.entry.entityType;
  return listed === query.type
    ? { fact: 'entity-type', outcome: 'match', effect: 0, detail: `both are ${listed}` }
    : {
        fact: 'entity-type',
        outcome: 'conflict',
        effect: TYPE_CONFLICT,
        detail: `query is ${query.type}, entry is ${listed}`,
      };
}
