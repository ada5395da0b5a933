/**
 * Validation of screening input. Everything a caller can send is checked before any work is
 * done, and every refusal is a `ValidationError` whose `details.field` names the culprit:
 * empty or over-long names, control characters, broken text (lone surrogates, U+FFFD), words
 * mixing two alphabets (a homoglyph such as a Cyrillic `о` inside `Mоhammed`), impossible
 * dates, unknown countries, entity types, sources or programs, and unknown option keys (a typo
 * such as `program:` must not silently screen against everything).
 *
 * @module
 */
import { ValidationError } from '../core/errors.js';
import type { EntityType } from '../watchlist/watchlist-entry.js';
import { parsePartialDate } from './birth-dates.js';
import { countryCode } from './countries.js';
import { documentKeys } from './documents.js';
import { analyzeName, type AnalyzedName } from './name-tokens.js';
import type { QueryFacts } from './score-facts.js';
import type { ScreeningQuery } from './screening-types.js';
import { lettersScripts, type Script } from './unicode-scripts.js';

/** Longest name accepted as typed: refused before any normalization work. */
export const MAX_RAW_NAME_LENGTH = 2048;
/** Longest name accepted after normalization (letters, digits and single spaces). */
export const MAX_NAME_LENGTH = 512;
/** Longest document number accepted. */
export const MAX_DOCUMENT_LENGTH = 64;
/** Earliest year of birth accepted. */
export const MIN_BIRTH_YEAR = 1850;

const ENTITY_TYPES: ReadonlySet<string> = new Set(['individual', 'entity', 'vessel', 'aircraft']);
const QUERY_KEYS: ReadonlySet<string> = new Set(['name', 'type', 'dob', 'country', 'document']);

/** C0/C1 controls, lone surrogates, the replacement character, bidi overrides and isolates. */
const FORBIDDEN = /[\p{Cc}\p{Cs}\uFFFD\u202A-\u202E\u2066-\u2069]/u;

/** A query that passed validation. */
export interface ValidQuery {
  readonly analyzed: AnalyzedName;
  readonly type?: EntityType;
  readonly facts: QueryFacts;
}

/** Reads a name into tokens (`analyzeName`, possibly with index knowledge). */
export type NameAnalyzer = (name: string, type: EntityType | undefined) => AnalyzedName;

/** Validates a screening query; throws `ValidationError`. */
export function validateQuery(
  query: ScreeningQuery,
  analyze: NameAnalyzer = analyzeName,
): ValidQuery {
  if (typeof query !== 'object' || query === null) {
    fail('query', 'query must be an object with at least a name');
  }
  rejectUnknownKeys(query, QUERY_KEYS, 'query');
  const type = validateEntityType(query.type, 'type');
  const analyzed = validateName(query.name, type, 'name', analyze);
  return { analyzed, ...(type === undefined ? {} : { type }), facts: validateFacts(query, type) };
}

/** Throws a `ValidationError` for `field`. */
export function fail(field: string, message: string, details: Record<string, unknown> = {}): never {
  throw new ValidationError(message, { field, ...details });
}

/** Refuses keys not in `allowed` (typos must not pass silently). */
export function rejectUnknownKeys(
  input: object,
  allowed: ReadonlySet<string>,
  field: string,
): void {
  const unknown = Object.keys(input).filter((key) => !allowed.has(key));
  if (unknown.length > 0) {
    fail(
      unknown[0]!,
      `unknown ${field} field "${unknown[0]!}"; expected one of: ${[...allowed].join(', ')}`,
      {
        known: [...allowed],
      },
    );
  }
}

/** Validates and analyzes a name (also used by `matchNames`). */
export function validateName(
  name: unknown,
  type: EntityType | undefined,
  field = 'name',
  analyze: NameAnalyzer = analyzeName,
): AnalyzedName {
  if (typeof name !== 'string') {
    fail(field, `${field} must be a string`);
  }
  if (name.length > MAX_RAW_NAME_LENGTH) {
    fail(field, `${field} is ${name.length} characters long; the limit is ${MAX_RAW_NAME_LENGTH}`, {
      limit: MAX_RAW_NAME_LENGTH,
    });
  }
  if (name.trim() === '') {
    fail(field, `${field} is empty`);
  }
  const forbidden = FORBIDDEN.exec(name);
  if (forbidden !== null) {
    const code = forbidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    fail(
      field,
      `${field} contains a control or invalid character (U+${code}) at position ${forbidden.index}`,
    );
  }
  rejectMixedScripts(name, field);
  return analyzedWithinLimits(analyze(name, type), field);
}

/** Scripts that legitimately share a word: Japanese mixes kanji and kana, Korean may use hanja. */
const COMPATIBLE: readonly (readonly Script[])[] = [
  ['han', 'kana'],
  ['han', 'hangul'],
];

/**
 * Below U+0370 the only letters are Latin: such a name cannot mix scripts (most queries).
 * Control characters were refused before this check.
 */
const BELOW_GREEK = /^[\u0020-\u036f]*$/;

function rejectMixedScripts(name: string, field: string): void {
  if (BELOW_GREEK.test(name)) {
    return;
  }
  for (const word of name.split(/[^\p{L}\p{M}]+/u)) {
    const scripts = [...lettersScripts(word)];
    if (scripts.length > 1 && !COMPATIBLE.some((ok) => scripts.every((s) => ok.includes(s)))) {
      fail(
        field,
        `${field} word "${word}" mixes ${scripts.join(' and ')} letters (a look-alike character?)`,
        {
          word,
          scripts,
        },
      );
    }
  }
}

function analyzedWithinLimits(analyzed: AnalyzedName, field: string): AnalyzedName {
  if (analyzed.tokens.length === 0) {
    fail(field, `${field} has no letters or digits`);
  }
  const length = analyzed.tokens.reduce((sum, t) => sum + t.surface.length + 1, -1);
  if (length > MAX_NAME_LENGTH) {
    fail(
      field,
      `${field} is ${length} characters long after normalization; the limit is ${MAX_NAME_LENGTH}`,
      {
        limit: MAX_NAME_LENGTH,
      },
    );
  }
  return analyzed;
}

/** Validates an entity type (query `type` or a filter value). */
export function validateEntityType(value: unknown, field: string): EntityType | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || !ENTITY_TYPES.has(value)) {
    fail(field, `${field} must be one of ${[...ENTITY_TYPES].join(', ')}`, { value });
  }
  return value as EntityType;
}

function validateFacts(query: ScreeningQuery, type: EntityType | undefined): QueryFacts {
  const dob = query.dob === undefined ? undefined : validateDob(query.dob);
  const country =
    query.country === undefined ? undefined : validateCountry(query.country, 'country');
  const keys = query.document === undefined ? [] : validateDocument(query.document);
  return {
    ...(dob === undefined ? {} : { dob, dobText: query.dob }),
    ...(country === undefined ? {} : { country }),
    documentKeys: keys,
    ...(query.document === undefined ? {} : { documentText: query.document }),
    ...(type === undefined ? {} : { type }),
  };
}

function validateDob(value: unknown) {
  const date = typeof value === 'string' ? parsePartialDate(value) : undefined;
  if (date === undefined) {
    fail('dob', 'dob must be a real date written YYYY, YYYY-MM or YYYY-MM-DD', { value });
  }
  const thisYear = new Date().getUTCFullYear();
  if (date.year < MIN_BIRTH_YEAR || date.year > thisYear) {
    fail('dob', `dob year must be between ${MIN_BIRTH_YEAR} and ${thisYear}`, { value });
  }
  return date;
}

/** Validates a country name or ISO alpha-2 code; returns the code. */
export function validateCountry(value: unknown, field: string): string {
  const code = typeof value === 'string' && value.length <= 80 ? countryCode(value) : undefined;
  if (code === undefined) {
    fail(
      field,
      `unknown country ${JSON.stringify(value)}; use an ISO 3166 alpha-2 code or a country name`,
      {
        value,
      },
    );
  }
  return code;
}

function validateDocument(value: unknown): string[] {
  if (typeof value !== 'string' || value.length > MAX_DOCUMENT_LENGTH || FORBIDDEN.test(value)) {
    fail(
      'document',
      `document must be a string of at most ${MAX_DOCUMENT_LENGTH} printable characters`,
    );
  }
  const keys = documentKeys(value);
  if (keys.length === 0) {
    fail('document', 'document must contain at least 4 letters or digits', { value });
  }
  return keys;
}
