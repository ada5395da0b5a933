/**
 * The value of an identity-document remark: `NUMBER [PLACE] [(Place)] [(Country)]
 * [issued DATE] [expires DATE]`, e.g. `AB151486 (Colombia) issued 01 Jan 2010 expires
 * 01 Jan 2020`, `181301-1 Cali (Colombia)`, `22839 (Jalisco) (Mexico)`. Read from the right,
 * with plain string search (no backtracking).
 *
 * @module
 */
import { withoutUndefined } from './compact.js';

/** The parts of a document value; dates are the raw text after `issued` / `expires`. */
export interface DocumentValue {
  readonly number: string;
  readonly country?: string;
  /** A place in parentheses before the country (`(Jalisco)`, `(Stuttgart)`). */
  readonly place?: string;
  readonly issued?: string;
  readonly expires?: string;
}

/** Splits a document value into number, place, country and date texts. */
export function splitDocumentValue(value: string): DocumentValue {
  const [beforeExpires, expires] = splitLast(` ${value.trim()}`, ' expires ');
  const [beforeIssued, issued] = splitLast(beforeExpires, ' issued ');
  const [beforeCountry, country] = trailingGroup(beforeIssued);
  const [beforePlace, place] =
    country === undefined ? [beforeCountry, undefined] : trailingGroup(beforeCountry);
  return withoutUndefined({
    number: beforePlace.trim().replace(/,$/, ''),
    country,
    place,
    issued,
    expires,
  });
}

function splitLast(text: string, keyword: string): [string, string | undefined] {
  const at = text.lastIndexOf(keyword);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + keyword.length).trim()];
}

// A trailing `(…)` preceded by a space; `D489833(9)` is a number with its check digit.
function trailingGroup(text: string): [string, string | undefined] {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(')')) {
    return [text, undefined];
  }
  const open = trimmed.lastIndexOf('(');
  if (open <= 0 || trimmed[open - 1] !== ' ') {
    return [text, undefined];
  }
  return [trimmed.slice(0, open), trimmed.slice(open + 1, -1).trim()];
}
