/**
 * Remark rules about the person or party itself: dates and places of birth, nationality,
 * citizenship, gender, the aliases OFAC keeps in the remarks, and relations to other parties.
 *
 * @module
 */
import type { AliasType } from '../../watchlist-entry.js';
import { parseDateStatement } from './ofac-dates.js';
import {
  otherFact,
  REMARKS_ORIGIN,
  textFact,
  type LabelHandler,
  type LabelRule,
} from './remark-facts.js';

const handleBirthDate: LabelHandler = ({ value, fragment }, facts, context) => {
  const statement = parseDateStatement(value);
  if (statement === undefined) {
    context.warn('bad-date', `unreadable date of birth "${value}"`, 'Remarks');
    return false;
  }
  // The first date stated is the primary one; `alt. DOB` and any later DOB are alternatives.
  const alternative = fragment.alternative || facts.birthDates.length > 0;
  facts.birthDates.push({ ...statement, alternative, text: fragment.text, origin: REMARKS_ORIGIN });
  return true;
};

const handleGender: LabelHandler = ({ label, value, fragment }, facts) => {
  if (facts.gender === undefined) {
    facts.gender = textFact(value, fragment);
  } else {
    facts.otherFacts.push(otherFact('gender', label, value, fragment));
  }
  return true;
};

function textList(pick: (facts: Parameters<LabelHandler>[1]) => unknown[]): LabelHandler {
  return ({ value, fragment }, facts) => {
    pick(facts).push(textFact(value, fragment));
    return true;
  };
}

/*
 * Weak aliases. In the legacy CSV set, alt.csv holds only OFAC's strong aliases: its
 * `alt_remarks` is always `-0-` and no `alt_name` is wrapped in quotes (a leading apostrophe
 * there is an Arabic ʿayn, as in `'ABD ALLAH, 'Issam`). The weak AKAs — nicknames and noms de
 * guerre that the TXT and PDF lists print in double quotes — appear only in the Remarks, single-
 * quoted: `a.k.a. 'OTONIEL'`, `f.k.a. 'ANSAR INSTITUTE'`. None of them repeats an alt.csv name
 * (2021-07: 2,439 remark a.k.a.s, 0 duplicates). So every remark alias is weak and every
 * alt.csv alias strong; the surrounding quotes are removed from the name.
 */
function aliasHandler(type: AliasType): LabelHandler {
  return ({ value }, facts) => {
    const name = withoutQuotes(value);
    if (name === '') {
      return false;
    }
    facts.aliases.push({ name, type, strength: 'weak', origin: REMARKS_ORIGIN });
    return true;
  };
}

function withoutQuotes(value: string): string {
  const quoted = value.length >= 2 && value.startsWith("'") && value.endsWith("'");
  return (quoted ? value.slice(1, -1) : value).trim();
}

function linkHandler(relation: string): LabelHandler {
  return ({ value, fragment }, facts) => {
    facts.links.push({ relation, name: value, text: fragment.text, origin: REMARKS_ORIGIN });
    return true;
  };
}

// OFAC's relation labels (`Linked To:` since June 2011; the others from SDN_ADVANCED's
// relationship types, which newer remarks may carry).
const RELATIONS: readonly (readonly [string, string])[] = [
  ['Linked To:', 'linked-to'],
  ['Owned or Controlled By:', 'owned-or-controlled-by'],
  ['Subsidiary Of:', 'subsidiary-of'],
  ['Associate Of:', 'associate-of'],
  ['Acting for or on behalf of:', 'acting-for'],
  ['Family member of:', 'family-of'],
  ['Leader or official of:', 'leader-or-official-of'],
  ['Providing support to:', 'providing-support-to'],
  ['Principal Executive Officer:', 'principal-executive-officer'],
];

/** Rules for birth, nationality, gender, remark aliases and relations. */
export const PERSON_RULES: readonly LabelRule[] = [
  { label: 'DOB', handle: handleBirthDate },
  { label: 'POB', handle: textList((facts) => facts.birthPlaces) },
  { label: 'nationality', handle: textList((facts) => facts.nationalities) },
  { label: 'citizen', handle: textList((facts) => facts.citizenships) },
  { label: 'Gender', handle: handleGender },
  { label: 'a.k.a.', handle: aliasHandler('aka') },
  { label: 'f.k.a.', handle: aliasHandler('fka') },
  { label: 'n.k.a.', handle: aliasHandler('nka') },
  // "doing business as": another name the party trades under.
  { label: 'd.b.a.', handle: aliasHandler('aka') },
  ...RELATIONS.map(([label, relation]) => ({ label, handle: linkHandler(relation) })),
];
