/**
 * Parses OFAC remarks into structured facts. Each `;`-separated fragment is offered to the
 * label rules (by its first word, longest label first), then to the numbered-label and free-text
 * rules; a fragment no rule understands is kept verbatim in `unparsed`. Nothing is dropped.
 *
 * @module
 */
import { CRAFT_RULES } from './vessel-aircraft-rules.js';
import { DOCUMENT_RULES } from './document-rules.js';
import { FREE_TEXT_RULES } from './free-text-rules.js';
import { NUMBERED_LABEL_RULES, OTHER_FACT_RULES } from './other-fact-rules.js';
import { PERSON_RULES } from './person-rules.js';
import {
  emptyRemarkFacts,
  REMARKS_ORIGIN,
  type FragmentRule,
  type LabelRule,
  type RemarkContext,
  type RemarkFacts,
} from './remark-facts.js';
import { splitRemarks, type Fragment } from './remarks-split.js';

/** The facts of one entry's remarks and how many fragments were read. */
export interface ParsedRemarks {
  readonly facts: RemarkFacts;
  readonly fragments: number;
}

const ALL_LABEL_RULES: readonly LabelRule[] = [
  ...PERSON_RULES,
  ...DOCUMENT_RULES,
  ...CRAFT_RULES,
  ...OTHER_FACT_RULES,
];
const UNLABELLED_RULES: readonly FragmentRule[] = [...NUMBERED_LABEL_RULES, ...FREE_TEXT_RULES];

// Longer than the longest label (`Transactions Prohibited For Persons … Institutions:`).
const LABEL_HEAD = 120;
// What may follow a label before its value: `Linked To: X`, `Passport No.: X`, `Email:x`,
// `Alternate Title, X`.
const LEADING_SEPARATORS = /^[\s:,]+/;
const WORD_END = /[\s:,]/;
const ALPHANUMERIC = /[A-Za-z0-9]/;

interface IndexedRule extends LabelRule {
  readonly lowered: string;
}

// Label rules by the lowercased first word of their label, longest label first.
const LABEL_INDEX = buildIndex(ALL_LABEL_RULES);

/** Parses a remarks text (already joined with its `sdn_comments.csv` continuation). */
export function parseRemarks(remarks: string, context: RemarkContext): ParsedRemarks {
  const facts = emptyRemarkFacts();
  const fragments = splitRemarks(remarks);
  for (const fragment of fragments) {
    if (!applyLabelRule(fragment, facts, context) && !applyUnlabelled(fragment, facts, context)) {
      facts.unparsed.push({ text: fragment.text, origin: REMARKS_ORIGIN });
    }
  }
  return { facts, fragments: fragments.length };
}

function applyLabelRule(fragment: Fragment, facts: RemarkFacts, context: RemarkContext): boolean {
  // Only the head can hold a label; lowering whole long fragments would be wasted work.
  const { body } = fragment;
  const lowered = (body.length > LABEL_HEAD ? body.slice(0, LABEL_HEAD) : body).toLowerCase();
  for (const rule of LABEL_INDEX.get(firstWord(lowered)) ?? []) {
    const end = rule.label.length;
    if (lowered.startsWith(rule.lowered) && isLabelEnd(body, end)) {
      const label = body.slice(0, end);
      const value = body.slice(end).replace(LEADING_SEPARATORS, '').trim();
      return rule.handle({ label, value, fragment }, facts, context);
    }
  }
  return false;
}

function applyUnlabelled(fragment: Fragment, facts: RemarkFacts, context: RemarkContext): boolean {
  // A plain loop: this runs for every unlabelled fragment, and a callback per call costs.
  for (const rule of UNLABELLED_RULES) {
    if (rule(fragment, facts, context)) {
      return true;
    }
  }
  return false;
}

function firstWord(text: string): string {
  const end = text.search(WORD_END);
  return end < 0 ? text : text.slice(0, end);
}

// A label ending in a letter or digit must end a word (`Passport` is no label of
// `Passports…`); one ending in punctuation (`NIT #`, `Linked To:`) ends where it ends.
function isLabelEnd(body: string, end: number): boolean {
  const last = body[end - 1] ?? '';
  const next = body[end];
  return next === undefined || !ALPHANUMERIC.test(last) || WORD_END.test(next);
}

function buildIndex(rules: readonly LabelRule[]): Map<string, IndexedRule[]> {
  const index = new Map<string, IndexedRule[]>();
  for (const rule of rules) {
    const lowered = rule.label.toLowerCase();
    const key = firstWord(lowered);
    index.set(key, [...(index.get(key) ?? []), { ...rule, lowered }]);
  }
  for (const bucket of index.values()) {
    bucket.sort((a, b) => b.label.length - a.label.length);
  }
  return index;
}
