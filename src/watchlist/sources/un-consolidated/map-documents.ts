/**
 * UN identity documents (`INDIVIDUAL_DOCUMENT`): a coarse `TYPE_OF_DOCUMENT` (Passport, National
 * Identification Number), a free-text `TYPE_OF_DOCUMENT2` and the number, issuer and notes.
 *
 * @module
 */
import type { IdentityDocument } from '../../watchlist-entry.js';
import type { ElementReader } from './element-reader.js';
import { withoutUndefined } from '../shared/compact.js';
import { isIsoDate } from '../shared/iso-dates.js';

/** The outcome of reading one document element. */
export type DocumentReading =
  | {
      readonly kind: 'document';
      readonly document: IdentityDocument;
      readonly badIssueDate?: string;
    }
  | { readonly kind: 'unparsed'; readonly text: string; readonly leaves: number }
  | { readonly kind: 'empty' };

interface DocumentParts {
  readonly type?: string;
  readonly type2?: string;
  readonly number?: string;
  readonly issuingCountry?: string;
  readonly countryOfIssue?: string;
  readonly dateOfIssue?: string;
  readonly cityOfIssue?: string;
  readonly note?: string;
}

// Checked in order against TYPE_OF_DOCUMENT2, then TYPE_OF_DOCUMENT: specific kinds first, so
// "national passport" is a passport and "Social Security Number" is not a national id.
const TYPE_RULES: readonly (readonly [RegExp, string])[] = [
  [/social security/i, 'ssn'],
  [/fiscal code|tax/i, 'tax-id'],
  [/passport|passeport|pasaporte/i, 'passport'],
  [/birth certificate/i, 'birth-certificate'],
  [/ration card/i, 'ration-card'],
  [/driver|driving/i, 'driver-license'],
  [/voter/i, 'voter-id'],
  [/student/i, 'student-id'],
  [/military|serviceman/i, 'military-id'],
  [/nationality/i, 'nationality-certificate'],
  [/residen/i, 'residence-permit'],
  [/national|identity|identification|tazkira|\bid\b/i, 'national-id'],
];
const EXPIRY = /expir\w*\D{0,20}(\d{4}-\d{2}-\d{2})/i;

/** Reads one `*_DOCUMENT` element; documents without a number stay unparsed. */
export function readDocument(element: ElementReader): DocumentReading {
  const parts = readParts(element);
  const leaves = Object.values(parts).length;
  if (leaves === 0) {
    return { kind: 'empty' };
  }
  const text = describe(parts);
  if (parts.number === undefined) {
    // The number is then inside the NOTE in words ("Libyan passport number 347834 …").
    return { kind: 'unparsed', text, leaves };
  }
  return toDocument(parts, parts.number, text, element.path);
}

/** The stable document type code for the source's wording, `other` when none applies. */
export function documentTypeCode(type2: string | undefined, type: string | undefined): string {
  return classify(type2) ?? classify(type) ?? 'other';
}

function classify(label: string | undefined): string | undefined {
  if (label === undefined) {
    return undefined;
  }
  return TYPE_RULES.find(([pattern]) => pattern.test(label))?.[1];
}

function readParts(element: ElementReader): DocumentParts {
  return withoutUndefined<DocumentParts>({
    type: element.text('TYPE_OF_DOCUMENT'),
    type2: element.text('TYPE_OF_DOCUMENT2'),
    number: element.text('NUMBER'),
    issuingCountry: element.text('ISSUING_COUNTRY'),
    countryOfIssue: element.text('COUNTRY_OF_ISSUE'),
    dateOfIssue: element.text('DATE_OF_ISSUE'),
    cityOfIssue: element.text('CITY_OF_ISSUE'),
    note: element.text('NOTE'),
  });
}

function toDocument(
  parts: DocumentParts,
  number: string,
  text: string,
  origin: string,
): DocumentReading {
  const issueDateValid = parts.dateOfIssue === undefined || isIsoDate(parts.dateOfIssue);
  const expiresOn = parts.note === undefined ? undefined : EXPIRY.exec(parts.note)?.[1];
  const document: IdentityDocument = withoutUndefined({
    type: documentTypeCode(parts.type2, parts.type),
    label: parts.type2 ?? parts.type ?? 'Document',
    number,
    country: parts.issuingCountry ?? parts.countryOfIssue,
    issuedOn: issueDateValid ? parts.dateOfIssue : undefined,
    expiresOn: expiresOn !== undefined && isIsoDate(expiresOn) ? expiresOn : undefined,
    alternative: false,
    text,
    origin,
  });
  return issueDateValid
    ? { kind: 'document', document }
    : { kind: 'document', document, badIssueDate: parts.dateOfIssue };
}

// Every part, labelled, so the text alone says all the element said.
function describe(parts: DocumentParts): string {
  const labelled: readonly (readonly [string, string | undefined])[] = [
    ['', [parts.type, parts.type2].filter((part) => part !== undefined).join(' / ')],
    ['No. ', parts.number],
    ['issuing country: ', parts.issuingCountry],
    ['country of issue: ', parts.countryOfIssue],
    ['issued: ', parts.dateOfIssue],
    ['city of issue: ', parts.cityOfIssue],
    ['note: ', parts.note],
  ];
  return labelled
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([label, value]) => `${label}${value ?? ''}`)
    .join('; ');
}
