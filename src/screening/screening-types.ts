/**
 * The public shapes of the screening engine: what a caller asks (`ScreeningQuery`,
 * `ScreeningOptions`) and what it gets back (`ScreeningMatch` with its `MatchExplanation`).
 *
 * @module
 */
import type { EntityType } from '../watchlist/watchlist-entry.js';

/** One party to screen. Only `name` is required. */
export interface ScreeningQuery {
  readonly name: string;
  readonly type?: EntityType;
  /** Date of birth (or of registration): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly dob?: string;
  /** Nationality or country of residence/registration: a name (`Colombia`) or ISO alpha-2 (`CO`). */
  readonly country?: string;
  /** An identity document or registration number (cédula, NIT, passport, …). */
  readonly document?: string;
}

/** How to screen. All optional; unknown filter values are a `ValidationError`. */
export interface ScreeningOptions {
  /** Minimum score to report, 0..1; default `DEFAULT_THRESHOLD`. */
  readonly threshold?: number;
  /** Maximum matches returned, best first; default 10, at most 1000. */
  readonly limit?: number;
  /** Only these list sources (`ofac-sdn`, `un`, …). */
  readonly sources?: readonly string[];
  /** Only entries under at least one of these programs (`SDNT`, `SDNTK`, `ILLICIT-DRUGS-EO14059`). */
  readonly programs?: readonly string[];
  /** Only these entity types. */
  readonly entityTypes?: readonly EntityType[];
  /** Only entries linked to one of these countries (names or alpha-2 codes). */
  readonly countries?: readonly string[];
}

/** Which of an entry's names matched. Weak aliases are OFAC's quoted a.k.a.s and UN `Low` ones. */
export type MatchedNameKind = 'primary' | 'alias' | 'weak-alias';

/** How one query token was paired with one list token. */
export type TokenMatchMethod =
  'exact' | 'phonetic' | 'edit-distance' | 'transliteration' | 'initial' | 'legal-form' | 'joined';

/** One aligned pair of tokens. */
export interface TokenMatch {
  /** The query word(s), normalized. */
  readonly query: string;
  /** The list word(s), normalized. */
  readonly list: string;
  readonly method: TokenMatchMethod;
  /** 0..1, how alike the two are. */
  readonly similarity: number;
  /** How much the pair weighs in the name score (IDF-based, 0..1 of the query's total). */
  readonly weight: number;
}

/** A non-name fact that moved the score. */
export interface FactEffect {
  readonly fact: 'dob' | 'country' | 'document' | 'entity-type';
  readonly outcome: 'match' | 'close' | 'conflict' | 'absent';
  /** Points added to (or, negative, removed from) the name score. */
  readonly effect: number;
  readonly detail: string;
}

/** Why a match scored what it did: structured for tools, `summary` for reviewers. */
export interface MatchExplanation {
  readonly summary: string;
  /** Name similarity before facts, 0..1. */
  readonly nameScore: number;
  /** Share of the query's name weight found in the list name. */
  readonly queryCoverage: number;
  /** Share of the list name's weight found in the query. */
  readonly listCoverage: number;
  readonly tokens: readonly TokenMatch[];
  /** Query words with no counterpart in the list name. */
  readonly unmatchedQuery: readonly string[];
  /** List words with no counterpart in the query (e.g. an omitted second surname). */
  readonly unmatchedList: readonly string[];
  /** Whether the list writes this name `SURNAMES, Given` (OFAC) or in natural order. */
  readonly listNameOrder: 'surname-first' | 'natural';
  readonly facts: readonly FactEffect[];
  /** Set when a fact alone decided the score (an identical identity document). */
  readonly decisive?: 'document';
}

/** One entry that matched. */
export interface ScreeningMatch {
  /** `<source>:<sourceId>`, e.g. `ofac-sdn:11900`. */
  readonly entryId: string;
  readonly source: string;
  readonly sourceId: string;
  /** 0..1 after facts; compare with the threshold. */
  readonly score: number;
  /** The entry name that matched, as published. */
  readonly name: string;
  readonly matchedNameKind: MatchedNameKind;
  readonly entityType: EntityType;
  readonly programs: readonly string[];
  readonly explanation: MatchExplanation;
}
