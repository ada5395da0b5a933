/**
 * Remark rules for contact details and for labelled facts without a dedicated entry field
 * (sanctions notes, organisation data, digital currency addresses, security identifiers).
 *
 * @module
 */
import { parseOfacDate } from './ofac-dates.js';
import {
  otherFact,
  textFact,
  type FragmentRule,
  type LabelHandler,
  type LabelRule,
  type RemarkFacts,
} from './remark-facts.js';
import type { Fragment } from './remarks-split.js';

function contact(pick: (facts: RemarkFacts) => unknown[]): LabelHandler {
  return ({ value, fragment }, facts) => {
    if (value === '') {
      return false;
    }
    pick(facts).push(textFact(value, fragment));
    return true;
  };
}

const website = contact((facts) => facts.websites);
const email = contact((facts) => facts.emails);
const phone = contact((facts) => facts.phones);

/** Websites, e-mail addresses and telephone numbers, in every spelling found. */
const CONTACT_RULES: readonly LabelRule[] = [
  { label: 'Website', handle: website },
  { label: 'Email Address', handle: email },
  { label: 'Email', handle: email },
  { label: 'Phone Number', handle: phone },
  { label: 'Phone No.', handle: phone },
  { label: 'Phone', handle: phone },
  { label: 'Telephone', handle: phone },
  { label: 'Telephone No.', handle: phone },
  { label: 'Telephone Number', handle: phone },
];

function keyed(key: string): LabelHandler {
  return ({ label, value, fragment }, facts) => {
    if (value === '') {
      return false;
    }
    facts.otherFacts.push(otherFact(key, label, value, fragment));
    return true;
  };
}

// The fragment is its own value (`ICTY indictee at large`).
function whole(key: string): LabelHandler {
  return ({ label, fragment }, facts) => {
    facts.otherFacts.push(otherFact(key, label, fragment.body, fragment));
    return true;
  };
}

// A date, or a span written as an ISO interval (`01 Jan 2015 to 31 Dec 2015` →
// `2015-01-01/2015-12-31`).
function dated(key: string): LabelHandler {
  return ({ label, value, fragment }, facts, context) => {
    const dates = value.split(' to ').map(parseOfacDate);
    if (dates.length > 2 || dates.some((date) => date === undefined)) {
      context.warn('bad-date', `unreadable date in "${fragment.text}"`, 'Remarks');
      return false;
    }
    const iso = dates.map((date) => date!.iso).join('/');
    facts.otherFacts.push(otherFact(key, label, iso, fragment));
    return true;
  };
}

// `Digital Currency Address - XBT 1Fz…`: the currency code belongs to the label.
const digitalCurrency: LabelHandler = ({ label, value, fragment }, facts) => {
  const space = value.indexOf(' ');
  if (space <= 0) {
    return false;
  }
  const fullLabel = `${label} ${value.slice(0, space)}`;
  const address = value.slice(space + 1).trim();
  facts.otherFacts.push(otherFact('digital-currency-address', fullLabel, address, fragment));
  return true;
};

/** Sanctions, organisation and security facts by label. */
const LABELLED_RULES: readonly LabelRule[] = [
  { label: 'Digital Currency Address -', handle: digitalCurrency },
  { label: 'Organization Established Date', handle: dated('organization-established-date') },
  { label: 'Organization Type:', handle: keyed('organization-type') },
  { label: 'Target Type', handle: keyed('target-type') },
  {
    label: 'Additional Sanctions Information -',
    handle: keyed('additional-sanctions-information'),
  },
  { label: 'Secondary sanctions risk:', handle: keyed('secondary-sanctions-risk') },
  {
    label:
      'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:',
    handle: keyed('transactions-prohibited'),
  },
  { label: 'IFCA Determination -', handle: keyed('ifca-determination') },
  { label: 'PEESA Information:', handle: keyed('peesa-information') },
  { label: 'CAATSA - RUSSIA', handle: whole('caatsa-russia') },
  { label: 'Equity Ticker', handle: keyed('equity-ticker') },
  { label: 'ISIN', handle: keyed('isin') },
  { label: 'Identification Number ISIN:', handle: keyed('isin') },
  { label: 'MICEX Code', handle: keyed('micex-code') },
  { label: 'UN/LOCODE', handle: keyed('un-locode') },
  { label: 'Chinese Commercial Code', handle: keyed('chinese-commercial-code') },
  { label: 'Former Name', handle: keyed('former-name') },
  { label: 'Nationality of Registration', handle: keyed('nationality-of-registration') },
  { label: 'Registration Country', handle: keyed('registration-country') },
  { label: 'Fax', handle: keyed('fax') },
  { label: 'Fax No.', handle: keyed('fax') },
  { label: 'TELEX', handle: keyed('telex') },
  { label: 'Position', handle: keyed('position') },
  { label: 'Title', handle: keyed('title') },
  { label: 'Alternate Title', handle: keyed('title') },
  { label: 'Occupation', handle: keyed('occupation') },
  { label: 'Organization', handle: keyed('organization') },
  { label: 'ethnicity', handle: keyed('ethnicity') },
  { label: 'Tribe', handle: keyed('tribe') },
  { label: 'Subtribe', handle: keyed('subtribe') },
  { label: 'Interpol', handle: keyed('interpol') },
  { label: 'ICTY indictee', handle: whole('icty-indictee') },
  {
    label: 'For more information on directives, please visit the following link:',
    handle: keyed('more-information'),
  },
];

/** Contact and other labelled rules. */
export const OTHER_FACT_RULES: readonly LabelRule[] = [...CONTACT_RULES, ...LABELLED_RULES];

// Labels that carry a number: `Executive Order 13846 information:`, `CAATSA Section 235
// Information:`, `Listing Date (EO 14024 Directive 2):`. Each pattern is linear (no nested
// quantifiers), so no input can make it backtrack.
const EXECUTIVE_ORDER =
  /^(Executive Order \d+ (?:information:|Directive Determination -|Directive Information))\s*/i;
const CAATSA_SECTION = /^(CAATSA Section \d+ Information:)\s*/i;
const DIRECTIVE_DATE = /^((Listing|Effective) Date \(EO [^()]*\):)\s*/i;

const executiveOrder: FragmentRule = (fragment, facts) =>
  patternFact(EXECUTIVE_ORDER, 'executive-order-information', fragment, facts);

const caatsaSection: FragmentRule = (fragment, facts) =>
  patternFact(CAATSA_SECTION, 'caatsa-information', fragment, facts);

const directiveDate: FragmentRule = (fragment, facts, context) => {
  const match = DIRECTIVE_DATE.exec(fragment.body);
  if (match === null) {
    return false;
  }
  const key = `${match[2]!.toLowerCase()}-date`;
  const value = fragment.body.slice(match[0].length);
  return dated(key)({ label: match[1]!, value, fragment }, facts, context);
};

function patternFact(
  pattern: RegExp,
  key: string,
  fragment: Fragment,
  facts: RemarkFacts,
): boolean {
  const match = pattern.exec(fragment.body);
  const value = match === null ? '' : fragment.body.slice(match[0].length);
  if (value === '') {
    return false;
  }
  facts.otherFacts.push(otherFact(key, match![1]!, value, fragment));
  return true;
}

/** Rules for labels with a number in them. */
export const NUMBERED_LABEL_RULES: readonly FragmentRule[] = [
  executiveOrder,
  caatsaSection,
  directiveDate,
];
