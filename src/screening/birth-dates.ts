/**
 * Dates of birth as the lists state them (full date, month, year, range, "circa") and how a
 * query's date compares. Tolerance follows what clerks get wrong: a year off by one, day and
 * month swapped (`03/04` read as `04/03`). A different year (beyond tolerance) is a conflict.
 *
 * @module
 */
import type { DateFact } from '../watchlist/watchlist-entry.js';

/** A date known to year, month or day precision. */
export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** A listed birth date: an interval of years plus, for single dates, the date itself. */
export interface ListedBirthDate {
  readonly fromYear: number;
  readonly toYear: number;
  readonly date?: PartialDate;
  /** `circa` dates and ranges get one more year of tolerance. */
  readonly approximate: boolean;
  readonly text: string;
}

/** How a query date relates to an entry's dates, best relation first. */
export type DobOutcome = 'exact' | 'match' | 'close' | 'same-year' | 'conflict' | 'unknown';

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `undefined` when malformed or not a calendar date. */
export function parsePartialDate(text: string): PartialDate | undefined {
  const m = ISO.exec(text.trim());
  if (m === null) {
    return undefined;
  }
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) {
    return undefined;
  }
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month!))) {
    return undefined;
  }
  return { year, ...(month === undefined ? {} : { month }), ...(day === undefined ? {} : { day }) };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads an entry's date fact; `undefined` when it carries no usable year. */
export function listedBirthDate(fact: DateFact): ListedBirthDate | undefined {
  if (fact.kind === 'range') {
    const from = parsePartialDate(fact.from ?? '');
    const to = parsePartialDate(fact.to ?? '');
    if (from === undefined && to === undefined) {
      return undefined;
    }
    const fromYear = (from ?? to)!.year;
    return { fromYear, toYear: (to ?? from)!.year, approximate: true, text: fact.text };
  }
  const date = parsePartialDate(fact.value ?? '');
  if (date === undefined) {
    return undefined;
  }
  const approximate = fact.kind === 'approximate';
  return { fromYear: date.year, toYear: date.year, date, approximate, text: fact.text };
}

const RANK: Readonly<Record<DobOutcome, number>> = {
  exact: 5,
  match: 4,
  close: 3,
  'same-year': 2,
  conflict: 1,
  unknown: 0,
};

/** The best relation between the query date and any of the entry's dates. */
export function compareBirthDates(
  query: PartialDate,
  listed: readonly ListedBirthDate[],
): { outcome: DobOutcome; listed?: ListedBirthDate } {
  let best: { outcome: DobOutcome; listed?: ListedBirthDate } = { outcome: 'unknown' };
  for (const candidate of listed) {
    const outcome = compareOne(query, candidate);
    if (RANK[outcome] > RANK[best.outcome]) {
      best = { outcome, listed: candidate };
    }
  }
  return best;
}

function compareOne(query: PartialDate, listed: ListedBirthDate): DobOutcome {
  const tolerance = listed.approximate ? 2 : 1;
  if (query.year < listed.fromYear - tolerance || query.year > listed.toYear + tolerance) {
    return 'conflict';
  }
  if (query.year < listed.fromYear || query.year > listed.toYear) {
    return 'close';
  }
  return listed.date === undefined ? 'match' : compareWithinYear(query, listed.date);
}

/** Same year: months and days decide, with day/month swaps tolerated. */
function compareWithinYear(query: PartialDate, listed: PartialDate): DobOutcome {
  if (query.month === undefined || listed.month === undefined) {
    return 'match';
  }
  if (query.month !== listed.month) {
    return query.month === listed.day && query.day === listed.month ? 'close' : 'same-year';
  }
  if (query.day === undefined || listed.day === undefined) {
    return 'match';
  }
  return query.day === listed.day ? 'exact' : 'same-year';
}
