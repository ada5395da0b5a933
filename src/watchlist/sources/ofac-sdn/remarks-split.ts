/**
 * Splits OFAC remarks into fragments. Remarks are `;`-separated facts ended by a `.`:
 * `DOB 15 Sep 1971; POB Necocli, Antioquia, Colombia; a.k.a. 'OTONIEL'.` Commas belong to
 * values (places, names), so only `;` separates.
 *
 * @module
 */

/** One fact of the remarks, with and without its `alt.` prefix. */
export interface Fragment {
  /** The fragment as published (trimmed), `alt.` included. */
  readonly text: string;
  /** The fragment without a leading `alt.` / `Alt.`. */
  readonly body: string;
  /** True when the fragment started with `alt.`: a further value of the same kind. */
  readonly alternative: boolean;
}

const ALT_PREFIX = /^alt\.\s+/i;
// The closing `.` doubles as the abbreviation dot of a final name (`Linked To: X S.A.`,
// `GRUPO Y LTDA.`, `SMITH, John M.`); such words keep it.
const DOTTED_ABBREVIATION = /^(?:[A-Za-z]{1,2}\.)+$/;
const ABBREVIATIONS = new Set(['ltd.', 'ltda.', 'co.', 'inc.', 'corp.', 'jr.', 'sr.', 'cia.']);

/** The fragments of a remarks text, in order; empty pieces (`; ;`) are skipped. */
export function splitRemarks(remarks: string): Fragment[] {
  const fragments: Fragment[] = [];
  for (const piece of withoutClosingPeriod(remarks.trim()).split(';')) {
    const text = piece.trim();
    if (text !== '') {
      fragments.push(toFragment(text));
    }
  }
  return fragments;
}

function toFragment(text: string): Fragment {
  // Cheap first-letter test before the pattern: most fragments do not start with `alt.`.
  const prefix = text[0] === 'a' || text[0] === 'A' ? ALT_PREFIX.exec(text) : null;
  return prefix === null
    ? { text, body: text, alternative: false }
    : { text, body: text.slice(prefix[0].length), alternative: true };
}

function withoutClosingPeriod(remarks: string): string {
  if (!remarks.endsWith('.')) {
    return remarks;
  }
  const lastWord = remarks.slice(remarks.lastIndexOf(' ') + 1);
  const keep = DOTTED_ABBREVIATION.test(lastWord) || ABBREVIATIONS.has(lastWord.toLowerCase());
  return keep ? remarks : remarks.slice(0, -1);
}
