/**
 * Remark rules that turn `Cedula No. 71980054 (Colombia)`-style fragments into identity
 * documents, with issuing country, place, issue and expiry dates, and the NIT check digit.
 *
 * @module
 */
import { validateNit } from '../../../core/nit.js';
import type { IdentityDocument } from '../../watchlist-entry.js';
import { withoutUndefined } from './compact.js';
import { DOCUMENT_LABELS, type DocumentLabel } from './document-labels.js';
import { splitDocumentValue, type DocumentValue } from './document-value.js';
import { parseOfacDate } from './ofac-dates.js';
import {
  REMARKS_ORIGIN,
  type LabelHandler,
  type LabelledFragment,
  type LabelRule,
  type RemarkContext,
} from './remark-facts.js';

/**
 * Reads one document fragment; undefined when it holds no number or an `issued` / `expires`
 * that is not followed by a date (`Passport 4117921 issued under the name …`), which is left
 * unparsed rather than half-read.
 */
export function readDocument(
  spec: Pick<DocumentLabel, 'type' | 'country' | 'cityAfterNumber'>,
  input: LabelledFragment,
  context: RemarkContext,
): IdentityDocument | undefined {
  const value = withCity(splitDocumentValue(input.value), spec.cityAfterNumber === true);
  const issuedOn = documentDate(value.issued, 'from', context);
  const expiresOn = documentDate(value.expires, 'to', context);
  if (value.number === '' || issuedOn === null || expiresOn === null) {
    return undefined;
  }
  return withoutUndefined({
    type: spec.type,
    label: input.label,
    number: value.number,
    country: value.country ?? spec.country,
    issuedOn,
    expiresOn,
    issuedBy: value.place,
    checkDigitValid: spec.type === 'nit' ? validateNit(value.number).valid : undefined,
    alternative: input.fragment.alternative,
    text: input.fragment.text,
    origin: REMARKS_ORIGIN,
  });
}

// `Matricula Mercantil No 181301-1 Cali (Colombia)`: the chamber's city follows the number.
function withCity(value: DocumentValue, cityAfterNumber: boolean): DocumentValue {
  const space = value.number.indexOf(' ');
  if (!cityAfterNumber || space < 0 || value.place !== undefined) {
    return value;
  }
  return { ...value, number: value.number.slice(0, space), place: value.number.slice(space + 1) };
}

// A few documents state a span (`issued 01 Jan 2008 to 31 Dec 2010`); the issue date is its
// start, the expiry date its end. Null when the text is there but is no date.
function documentDate(
  text: string | undefined,
  bound: 'from' | 'to',
  context: RemarkContext,
): string | undefined | null {
  if (text === undefined) {
    return undefined;
  }
  const [from, to] = text.split(' to ');
  const date = parseOfacDate(bound === 'from' || to === undefined ? from! : to);
  if (date === undefined) {
    context.warn('bad-date', `unreadable document date "${text}"`, 'Remarks');
    return null;
  }
  return date.iso;
}

function documentHandler(spec: DocumentLabel): LabelHandler {
  return (input, facts, context) => {
    const document = readDocument(spec, input, context);
    if (document === undefined) {
      return false;
    }
    facts.documents.push(document);
    return true;
  };
}

/** One rule per document label. */
export const DOCUMENT_RULES: readonly LabelRule[] = DOCUMENT_LABELS.map((spec) => ({
  label: spec.label,
  handle: documentHandler(spec),
}));
