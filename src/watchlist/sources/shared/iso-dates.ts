/**
 * ISO 8601 date checks shared by the list sources. Sources publish dates as `YYYY-MM-DD`,
 * `YYYY-MM` or `YYYY`; a date that does not exist in the calendar is a data error, not a date.
 *
 * @module
 */
import { ValidationError } from '../../../core/errors.js';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;
// XML Schema dates may carry a zone (`2015-04-07-04:00`); timestamps carry a time.
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:$|T|Z$|[+-]\d{2}:\d{2}$)/;

/** Precision of a partial ISO date. */
export type DatePrecision = 'day' | 'month' | 'year';

/** True when `text` is `YYYY-MM-DD` and that day exists (no 30 February). */
export function isIsoDate(text: string): boolean {
  const match = FULL_DATE.exec(text);
  if (match === null) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year > 0;
}

/** The precision of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or undefined when it is none of them. */
export function partialDatePrecision(text: string): DatePrecision | undefined {
  if (YEAR.test(text)) {
    return 'year';
  }
  if (YEAR_MONTH.test(text)) {
    return 'month';
  }
  return isIsoDate(text) ? 'day' : undefined;
}

/** The `YYYY-MM-DD` part of an ISO date, zoned date or timestamp; undefined when not one. */
export function isoDatePart(text: string): string | undefined {
  const date = DATE_PREFIX.exec(text.trim())?.[1];
  return date !== undefined && isIsoDate(date) ? date : undefined;
}

/**
 * Checks a caller-supplied publication date (`YYYY-MM-DD` or an ISO timestamp) and returns it
 * unchanged; throws `ValidationError` otherwise.
 */
export function checkPublishedAt(value: string): string {
  if (isoDatePart(value) === undefined || Number.isNaN(Date.parse(value))) {
    throw new ValidationError(
      `publishedAt must be an ISO date (YYYY-MM-DD) or timestamp: ${value}`,
      {
        field: 'publishedAt',
        value,
      },
    );
  }
  return value;
}
