/**
 * Rules for remark fragments without a label: the entry's title repeated in the remarks,
 * family relations (`wife of …`), bare web and e-mail addresses, the reach of an entity's
 * designation (`all offices worldwide`) and, for individuals, free-text positions.
 *
 * @module
 */
import { otherFact, REMARKS_ORIGIN, textFact, type FragmentRule } from './remark-facts.js';

// Shorter pieces (`Dr`) are too weak to call a fragment a repetition of the title.
const MIN_TITLE_OVERLAP = 8;

/** The `Title` column repeated in the remarks, whole or in part. */
const repeatedTitle: FragmentRule = (fragment, facts, context) => {
  for (const title of context.titles) {
    if (overlaps(title, fragment.body)) {
      facts.otherFacts.push(otherFact('title', 'Title', fragment.body, fragment));
      return true;
    }
  }
  return false;
};

function overlaps(title: string, text: string): boolean {
  const [a, b] = [title.toLowerCase(), text.toLowerCase()];
  if (a === b) {
    return true;
  }
  const shorter = a.length < b.length ? a : b;
  return shorter.length >= MIN_TITLE_OVERLAP && (a.includes(b) || b.includes(a));
}

const FAMILY =
  /^((?:half-)?(?:wife|husband|spouse|son|daughter|child|brother|sister|father|mother|nephew|niece|cousin|uncle|aunt|grandson|granddaughter)(?:-in-law)?) of (.+)$/i;

// `Associated with Islamic Jihad Group` (also misspelt `Assocated`).
const ASSOCIATED = /^(associated|assocated) with (.+)$/i;

function relationRule(pattern: RegExp, relation: string): FragmentRule {
  return (fragment, facts) => {
    const match = pattern.exec(fragment.body);
    if (match === null) {
      return false;
    }
    const name = match[2]!.trim();
    facts.links.push({ relation, name, text: fragment.text, origin: REMARKS_ORIGIN });
    return true;
  };
}

const BARE_WEBSITE = /^((?:https?:\/\/|www\.)\S+)(?: \(website\))?$/i;
const BARE_EMAIL = /^([^\s@]+@[^\s@]+?)(?: \(email\))?\.?$/i;

/** `http://www.example.org (website)`, `info@example.org (email)`. */
const bareAddress: FragmentRule = (fragment, facts) => {
  const site = BARE_WEBSITE.exec(fragment.body);
  if (site !== null) {
    facts.websites.push(textFact(site[1]!, fragment));
    return true;
  }
  const mail = BARE_EMAIL.exec(fragment.body);
  if (mail !== null) {
    facts.emails.push(textFact(mail[1]!, fragment));
    return true;
  }
  return false;
};

const SCOPE = /\b(?:offices?|branch(?:es)?|locations?|operations)\b/i;

/** `all offices worldwide`, `Only locations in Syria`: where an entity's designation applies. */
const designationScope: FragmentRule = (fragment, facts, context) => {
  if (context.entityType === 'individual' || !SCOPE.test(fragment.body)) {
    return false;
  }
  facts.otherFacts.push(otherFact('designation-scope', 'Scope', fragment.body, fragment));
  return true;
};

// Words that make a free-text fragment of an individual a position or role (`Governor of
// Basrah`, `Member ETA`, `presidential advisor`). Whole words only, one linear alternation.
const POSITION_WORD =
  /\b(?:minister|ministry|director|directorate|commander|command|commissioner|president|presidential|chair|chairman|chairwoman|chairperson|governor|head|chief|deputy|general|member|secretary|advis[eo]r|ambassador|colonel|officer|manager|representative|leader|founder|co-founder|judge|prosecutor|prosecutor-general|speaker|mayor|senator|counsell?or|attorney|warden|magistrate|lieutenant|brigadier|major|captain|admiral|marshal|ceo|owner|businessman|official|executive|envoy|assistant|politburo|parliament|mp|sheikh|haji|maulana|hojjatoleslam|imam|emir|financier|facilitator|operative|spokesman|coordinator|inspector|treasurer|vice|consul|diplomat|delegate|doctor|dr|chemist|engineer|dealer|indictee)\b/i;

// Words of a legal or custody status (`currently incarcerated in the Philippines`).
const STATUS_WORD = /\b(?:incarcerated|jail|custody|detained|fugitive|wanted|arrested|remand)\b/i;

function individualText(pattern: RegExp, key: string, label: string): FragmentRule {
  return (fragment, facts, context) => {
    if (context.entityType !== 'individual' || !pattern.test(fragment.body)) {
      return false;
    }
    facts.otherFacts.push(otherFact(key, label, fragment.body, fragment));
    return true;
  };
}

/** Unlabelled-fragment rules, in the order they are tried. */
export const FREE_TEXT_RULES: readonly FragmentRule[] = [
  repeatedTitle,
  // `wife of Slobodan Milosevic`: a family relation to a named person.
  relationRule(FAMILY, 'family-of'),
  relationRule(ASSOCIATED, 'associate-of'),
  bareAddress,
  designationScope,
  individualText(STATUS_WORD, 'status', 'Status'),
  individualText(POSITION_WORD, 'position', 'Position'),
];

/** Splits the `Title` column into the titles it lists (`;`-separated). */
export function titlesOf(title: string | undefined): string[] {
  return (title ?? '')
    .split(';')
    .map((piece) => piece.trim().replace(/\.$/, ''))
    .filter((piece) => piece !== '');
}
