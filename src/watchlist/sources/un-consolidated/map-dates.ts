/**
 * UN dates of birth: `TYPE_OF_DATE` EXACT / APPROXIMATELY / BETWEEN with `DATE`, `YEAR`,
 * `FROM_YEAR`, `TO_YEAR` and a free-text `NOTE` (which sometimes holds the only date given,
 * e.g. `Nov. 1973`).
 *
 * @module
 */
import type { DateFact } from '../../watchlist-entry.js';
import type { ElementReader } from './element-reader.js';
import { withoutUndefined } from '../shared/compact.js';
import { isIsoDate, partialDatePrecision } from '../shared/iso-dates.js';

/** The outcome of reading one date element. */
export type DateReading =
  | { readonly kind: 'fact'; readonly fact: DateFact }
  | { readonly kind: 'unparsed'; readonly text: string; readonly leaves: number }
  | {
      readonly kind: 'bad';
      readonly text: string;
      readonly leaves: number;
      readonly reason: string;
    }
  | { readonly kind: 'empty' };

interface DateParts {
  readonly type?: string;
  readonly date?: string;
  readonly year?: string;
  readonly from?: string;
  readonly to?: string;
  readonly note?: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_YEAR = /^([A-Za-z]{3,9})\.?(?:\s+(\d{4}))?$/;
const KNOWN_TYPES = new Set(['EXACT', 'APPROXIMATELY', 'BETWEEN']);

/** Reads one `*_DATE_OF_BIRTH` element. `alternative` is false only for a person's first date. */
export function readBirthDate(element: ElementReader, alternative: boolean): DateReading {
  const parts = readParts(element);
  const leaves = Object.values(parts).length;
  if (leaves === 0 || (leaves === 1 && parts.type !== undefined)) {
    return leaves === 0 ? { kind: 'empty' } : { kind: 'unparsed', text: describe(parts), leaves };
  }
  const text = describe(parts);
  const problem = findProblem(parts);
  if (problem !== undefined) {
    return { kind: 'bad', text, leaves, reason: problem };
  }
  const fact = toFact(parts, alternative, text, element.path);
  return fact === undefined ? { kind: 'unparsed', text, leaves } : { kind: 'fact', fact };
}

/** Reads a bare date value (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), as in alias `DATE_OF_BIRTH`. */
export function dateFactFromValue(value: string, origin: string): DateFact | undefined {
  const precision = partialDatePrecision(value);
  if (precision === undefined) {
    return undefined;
  }
  const kind = precision === 'day' ? 'exact' : precision;
  return { kind, value, alternative: true, text: value, origin };
}

function readParts(element: ElementReader): DateParts {
  return withoutUndefined<DateParts>({
    type: element.text('TYPE_OF_DATE')?.toUpperCase(),
    date: element.text('DATE'),
    year: element.text('YEAR'),
    from: element.text('FROM_YEAR'),
    to: element.text('TO_YEAR'),
    note: element.text('NOTE'),
  });
}

// Renders the parts as one readable text, e.g. `BETWEEN 1955 AND 1958 (Approximately)`.
function describe(parts: DateParts): string {
  const range = parts.from !== undefined || parts.to !== undefined;
  const span = range ? `${parts.from ?? '?'} AND ${parts.to ?? '?'}` : undefined;
  const note = parts.note === undefined ? undefined : `(${parts.note})`;
  return [parts.type, parts.date, parts.year, span, note]
    .filter((part): part is string => part !== undefined)
    .join(' ');
}

function findProblem(parts: DateParts): string | undefined {
  if (parts.type !== undefined && !KNOWN_TYPES.has(parts.type)) {
    return `unknown TYPE_OF_DATE ${parts.type}`;
  }
  if (parts.date !== undefined && !isIsoDate(parts.date)) {
    return `DATE is not a YYYY-MM-DD date: ${parts.date}`;
  }
  const badYear = [parts.year, parts.from, parts.to].find((y) => y !== undefined && !isYear(y));
  if (badYear !== undefined) {
    return `not a four-digit year: ${badYear}`;
  }
  return rangeProblem(parts);
}

function rangeProblem(parts: DateParts): string | undefined {
  if ((parts.from === undefined) !== (parts.to === undefined)) {
    return 'BETWEEN needs both FROM_YEAR and TO_YEAR';
  }
  if (parts.from !== undefined && parts.to !== undefined && parts.from > parts.to) {
    return `FROM_YEAR ${parts.from} is after TO_YEAR ${parts.to}`;
  }
  return undefined;
}

function toFact(
  parts: DateParts,
  alternative: boolean,
  text: string,
  origin: string,
): DateFact | undefined {
  const base = { alternative, text, origin };
  if (parts.from !== undefined && parts.to !== undefined) {
    return { kind: 'range', from: parts.from, to: parts.to, ...base };
  }
  const value = valueOf(parts);
  if (value === undefined) {
    return undefined;
  }
  if (parts.type === 'APPROXIMATELY') {
    return { kind: 'approximate', value, ...base };
  }
  return { kind: precisionKind(value), value, ...base };
}

// The value a date states: DATE, else YEAR (refined by a month-only NOTE such as `Sep.`), else
// a NOTE that is itself a month and year (`Nov. 1973`).
function valueOf(parts: DateParts): string | undefined {
  if (parts.date !== undefined) {
    return parts.date;
  }
  const noted = parts.note === undefined ? undefined : monthYear(parts.note, parts.year);
  return noted ?? parts.year;
}

function monthYear(note: string, year: string | undefined): string | undefined {
  const match = MONTH_YEAR.exec(note);
  const month = match === null ? -1 : monthIndex(match[1] ?? '');
  const noteYear = match?.[2];
  if (month === -1 || (noteYear !== undefined && year !== undefined && noteYear !== year)) {
    return undefined;
  }
  const chosen = noteYear ?? year;
  return chosen === undefined ? undefined : `${chosen}-${String(month + 1).padStart(2, '0')}`;
}

// `Sep.`, `Sept`, `September` (at least three letters of an English month name).
function monthIndex(word: string): number {
  const lower = word.toLowerCase();
  return MONTHS.findIndex((month) => month.startsWith(lower));
}

function precisionKind(value: string): DateFact['kind'] {
  const precision = partialDatePrecision(value);
  return precision === 'day' ? 'exact' : (precision ?? 'year');
}

function isYear(text: string): boolean {
  return /^\d{4}$/.test(text);
}
