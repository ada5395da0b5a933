/**
 * UN aliases (`INDIVIDUAL_ALIAS`, `ENTITY_ALIAS`) and the name in original script. `QUALITY` is
 * `Good`, `Low`, `a.k.a.`, `f.k.a.` or empty; `Low` marks the weak aliases the UN does not
 * expect anyone to screen on alone. Individual aliases may carry their own date and place of
 * birth (the identity used under that name).
 *
 * @module
 */
import type { Alias, DateFact, TextFact } from '../../watchlist-entry.js';
import { withoutUndefined } from '../shared/compact.js';
import type { ElementReader } from './element-reader.js';
import { dateFactFromValue } from './map-dates.js';

/** Facts read from the alias elements of one entry. */
export interface AliasFacts {
  readonly aliases: Alias[];
  readonly birthDates: DateFact[];
  readonly birthPlaces: TextFact[];
  /** Alias birth dates that are not dates, for a warning. */
  readonly badDates: { readonly text: string; readonly field: string; readonly line?: number }[];
}

// ISO 15924 codes of the scripts names on sanctions lists are written in; checked in order.
const SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['Arab', /\p{Script=Arabic}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Jpan', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hani', /\p{Script=Han}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
];
const NOT_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/** The ISO 15924 code of a non-Latin name (`Zzzz` when uncommon); undefined for Latin names. */
export function detectScript(name: string): string | undefined {
  if (!NOT_LATIN.test(name)) {
    return undefined;
  }
  return SCRIPTS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'Zzzz';
}

/** Reads every `<prefix>_ALIAS` child of an entry; empty placeholders are skipped silently. */
export function readAliases(entry: ElementReader, prefix: string): AliasFacts {
  const facts: AliasFacts = { aliases: [], birthDates: [], birthPlaces: [], badDates: [] };
  for (const element of entry.children(`${prefix}_ALIAS`)) {
    readAlias(element, facts);
  }
  return facts;
}

/** The alias for `NAME_ORIGINAL_SCRIPT`, so screening also matches the name as written. */
export function originalScriptAlias(name: string): Alias {
  return withoutUndefined<Alias>({
    name,
    type: 'aka',
    strength: 'strong',
    origin: 'NAME_ORIGINAL_SCRIPT',
    script: detectScript(name),
  });
}

function readAlias(element: ElementReader, facts: AliasFacts): void {
  const name = element.text('ALIAS_NAME');
  if (name === undefined) {
    // Not reading the rest leaves any stray value of a nameless alias to `unparsed`.
    return;
  }
  const quality = element.text('QUALITY');
  facts.aliases.push(
    withoutUndefined<Alias>({
      name,
      type: quality?.toLowerCase() === 'f.k.a.' ? 'fka' : 'aka',
      strength: quality?.toLowerCase() === 'low' ? 'weak' : 'strong',
      origin: element.path,
      quality,
      script: detectScript(name),
      remarks: element.text('NOTE'),
    }),
  );
  readAliasBirth(element, facts);
}

function readAliasBirth(element: ElementReader, facts: AliasFacts): void {
  const origin = element.path;
  for (const value of element.texts('DATE_OF_BIRTH')) {
    const fact = dateFactFromValue(value, `${origin}/DATE_OF_BIRTH`);
    if (fact === undefined) {
      element.keep(value, 1, 'DATE_OF_BIRTH');
      facts.badDates.push(
        withoutUndefined({ text: value, field: `${origin}/DATE_OF_BIRTH`, line: element.line }),
      );
    } else {
      facts.birthDates.push(fact);
    }
  }
  const place = [element.text('CITY_OF_BIRTH'), element.text('COUNTRY_OF_BIRTH')]
    .filter((part): part is string => part !== undefined)
    .join(', ');
  if (place !== '') {
    facts.birthPlaces.push({ value: place, text: place, origin });
  }
}
