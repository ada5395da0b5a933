/**
 * OFAC writes dates as `15 Sep 1971`, `Sep 1971` or `1971` (a few old remarks spell the month
 * out: `10 October 1969`). These turn them into ISO forms: `1971-09-15`, `1971-09`, `1971`.
 *
 * @module
 */

/** How much of a date was stated. */
export type OfacDatePrecision = 'day' | 'month' | 'year';

/** A date read from OFAC text. */
export interface OfacDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  readonly iso: string;
  readonly precision: OfacDatePrecision;
}

const MONTHS: readonly string[] = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
// `Sept` and full month names are accepted by their first three letters.
const MONTH_WORD = /^[a-z]{3,9}\.?$/i;
const YEAR = /^\d{4}$/;
const DAY = /^\d{1,2}$/;

/** Reads one OFAC date; undefined when the text is not one or names no real day. */
export function parseOfacDate(text: string): OfacDate | undefined {
  const parts = text.trim().split(/\s+/);
  if (parts.length === 1) {
    return YEAR.test(parts[0]!) ? { iso: parts[0]!, precision: 'year' } : undefined;
  }
  if (parts.length === 2) {
    return monthDate(parts[0]!, parts[1]!);
  }
  return parts.length === 3 ? dayDate(parts[0]!, parts[1]!, parts[2]!) : undefined;
}

function monthNumber(word: string): number | undefined {
  if (!MONTH_WORD.test(word)) {
    return undefined;
  }
  const index = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return index < 0 ? undefined : index + 1;
}

function monthDate(monthWord: string, year: string): OfacDate | undefined {
  const month = monthNumber(monthWord);
  if (month === undefined || !YEAR.test(year)) {
    return undefined;
  }
  return { iso: `${year}-${pad(month)}`, precision: 'month' };
}

function dayDate(dayText: string, monthWord: string, year: string): OfacDate | undefined {
  const month = monthNumber(monthWord);
  if (month === undefined || !YEAR.test(year) || !DAY.test(dayText)) {
    return undefined;
  }
  const day = Number(dayText);
  const date = new Date(Date.UTC(Number(year), month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return { iso: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A date statement as `DateFact` holds it: kind and value or bounds. */
export interface DateStatement {
  readonly kind: 'exact' | 'month' | 'year' | 'range' | 'approximate';
  readonly value?: string;
  readonly from?: string;
  readonly to?: string;
}

const CIRCA = /^circa\s+/i;
const YEAR_SPAN = /^(\d{4})\s*-\s*(\d{4})$/;
const KIND_OF_PRECISION = { day: 'exact', month: 'month', year: 'year' } as const;

/**
 * Reads `15 Sep 1971`, `Sep 1971`, `1971`, `1960 to 1962`, `circa 1960`, `circa 1960-1962`.
 * Undefined when any part is not a date.
 */
export function parseDateStatement(text: string): DateStatement | undefined {
  const circa = CIRCA.exec(text);
  const rest = circa === null ? text.trim() : text.slice(circa[0].length).trim();
  const bounds = rangeBounds(rest);
  if (bounds !== undefined) {
    const [from, to] = bounds.map(parseOfacDate);
    if (from === undefined || to === undefined) {
      return undefined;
    }
    return { kind: circa === null ? 'range' : 'approximate', from: from.iso, to: to.iso };
  }
  const date = parseOfacDate(rest);
  if (date === undefined) {
    return undefined;
  }
  return {
    kind: circa === null ? KIND_OF_PRECISION[date.precision] : 'approximate',
    value: date.iso,
  };
}

function rangeBounds(text: string): readonly [string, string] | undefined {
  const to = text.indexOf(' to ');
  if (to >= 0) {
    return [text.slice(0, to), text.slice(to + 4)];
  }
  const span = YEAR_SPAN.exec(text);
  return span === null ? undefined : [span[1]!, span[2]!];
}
