/**
 * Counterparties: the customers, suppliers and partners an organization keeps under continuous
 * screening, grouped in portfolios. Validation is shared by the API, the CLI and file imports,
 * so a bad date or an invalid NIT is refused the same way everywhere, naming the field.
 *
 * @module
 */
import { PuenteError } from '../core/errors.js';
import { validateNit } from '../core/nit.js';
import { validateCountry, validateName } from '../screening/screening-query.js';

/** A person or a company. */
export type CounterpartyKind = 'person' | 'company';

/** Document types understood; anything else is kept as `other`. */
export const DOCUMENT_TYPES = ['cedula', 'nit', 'passport', 'cedula-extranjeria', 'other'] as const;

/** One identity document. */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** An identity document or registration number. */
export interface CounterpartyDocument {
  readonly type: DocumentType;
  readonly number: string;
}

/** A portfolio: a named set of counterparties of one organization. */
export interface Portfolio {
  readonly id: number;
  readonly organizationId: string;
  readonly name: string;
  readonly createdAt: string;
}

/** A counterparty as written by a caller (validated by `validateCounterparty`). */
export interface CounterpartyInput {
  /** The organization's own id for this customer; unique within a portfolio. */
  readonly externalId: string;
  readonly kind: CounterpartyKind;
  readonly name: string;
  readonly aliases: readonly string[];
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (birth or registration). */
  readonly dob?: string;
  /** Country name or ISO code, as the customer file states it. */
  readonly country?: string;
  readonly documents: readonly CounterpartyDocument[];
}

/** A stored counterparty. */
export interface Counterparty extends CounterpartyInput {
  readonly id: number;
  readonly organizationId: string;
  readonly portfolioId: number;
  /** Incremented on every change; screening results name the version screened. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One problem with one field of a counterparty. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** Longest name, alias or document accepted. */
export const MAX_FIELD_LENGTH = 512;
/** Most aliases or documents per counterparty. */
export const MAX_LIST_ITEMS = 20;

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Raw values to validate; every field may be anything. */
export type RawCounterparty = Readonly<Record<string, unknown>>;

/**
 * Validates one counterparty. Returns the clean value or every problem found (all fields are
 * checked, so a file import reports each bad field of a row at once).
 *
 * @example
 * validateCounterparty({ externalId: 'C-1', kind: 'company', name: 'ACME SAS',
 *   documents: [{ type: 'nit', number: '800197268-4' }] });
 */
export function validateCounterparty(
  raw: RawCounterparty,
): { ok: true; value: CounterpartyInput } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const text = (field: string, required: boolean): string | undefined => {
    const value = raw[field];
    if (
      value === undefined ||
      value === null ||
      (typeof value === 'string' && value.trim() === '')
    ) {
      if (required) {
        problems.push({ field, message: 'is required' });
      }
      return undefined;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      problems.push({ field, message: 'must be text' });
      return undefined;
    }
    const clean = String(value).trim();
    if (clean.length > MAX_FIELD_LENGTH || hasControlCharacters(clean)) {
      problems.push({
        field,
        message: `must be printable text of at most ${MAX_FIELD_LENGTH} characters`,
      });
      return undefined;
    }
    return clean;
  };
  const externalId = text('externalId', true);
  const name = text('name', true);
  const kind = validateKind(raw.kind, problems);
  const dob = text('dob', false);
  if (dob !== undefined && !isValidDate(dob)) {
    problems.push({ field: 'dob', message: `not a date (YYYY, YYYY-MM or YYYY-MM-DD): "${dob}"` });
  }
  const country = text('country', false);
  const aliases = validateAliases(raw.aliases, problems);
  const documents = validateDocuments(raw.documents, problems);
  screenable(problems, 'name', () => name !== undefined && validateName(name, undefined, 'name'));
  aliases.forEach((alias, i) => {
    screenable(problems, `aliases.${i}`, () => validateName(alias, undefined, `aliases.${i}`));
  });
  screenable(
    problems,
    'country',
    () => country !== undefined && validateCountry(country, 'country'),
  );
  if (problems.length > 0 || externalId === undefined || name === undefined || kind === undefined) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      externalId,
      kind,
      name,
      aliases,
      documents,
      ...(dob === undefined ? {} : { dob }),
      ...(country === undefined ? {} : { country }),
    },
  };
}

/** Runs a screening-engine check, turning its error into a field problem. */
function screenable(problems: FieldProblem[], field: string, check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof PuenteError)) {
      throw error;
    }
    problems.push({ field, message: error.message });
  }
}

function validateKind(value: unknown, problems: FieldProblem[]): CounterpartyKind | undefined {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (text === 'person' || text === 'individual' || text === 'persona') {
    return 'person';
  }
  if (text === 'company' || text === 'entity' || text === 'empresa') {
    return 'company';
  }
  problems.push({ field: 'kind', message: 'must be person or company' });
  return undefined;
}

function validateAliases(value: unknown, problems: FieldProblem[]): string[] {
  if (value === undefined || value === null || value === '') {
    return [];
  }
  const list = typeof value === 'string' ? value.split(';') : value;
  if (!Array.isArray(list) || list.length > MAX_LIST_ITEMS) {
    problems.push({
      field: 'aliases',
      message: `must be a list of at most ${MAX_LIST_ITEMS} names`,
    });
    return [];
  }
  const out: string[] = [];
  for (const alias of list) {
    const clean = typeof alias === 'string' ? alias.trim() : '';
    if (
      typeof alias !== 'string' ||
      clean.length > MAX_FIELD_LENGTH ||
      hasControlCharacters(clean)
    ) {
      problems.push({ field: 'aliases', message: 'every alias must be printable text' });
      return [];
    }
    if (clean !== '') {
      out.push(clean);
    }
  }
  return out;
}

function validateDocuments(value: unknown, problems: FieldProblem[]): CounterpartyDocument[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value) || value.length > MAX_LIST_ITEMS) {
    problems.push({ field: 'documents', message: `must be a list of at most ${MAX_LIST_ITEMS}` });
    return [];
  }
  const out: CounterpartyDocument[] = [];
  value.forEach((item: unknown, index) => {
    const document = validateDocument(item, `documents.${index}`, problems);
    if (document !== undefined) {
      out.push(document);
    }
  });
  return out;
}

/**
 * One document. A NIT must carry a correct check digit (DIAN's modulus-11 rule); a cédula is 3 to
 * 10 digits once dots and spaces are removed.
 */
export function validateDocument(
  item: unknown,
  field: string,
  problems: FieldProblem[],
): CounterpartyDocument | undefined {
  if (typeof item !== 'object' || item === null) {
    problems.push({ field, message: 'must be an object {type, number}' });
    return undefined;
  }
  const record = item as Record<string, unknown>;
  const typeText = typeof record.type === 'string' ? record.type.trim().toLowerCase() : '';
  const type = (DOCUMENT_TYPES as readonly string[]).includes(typeText)
    ? (typeText as DocumentType)
    : undefined;
  const number = typeof record.number === 'string' ? record.number.trim() : '';
  if (type === undefined) {
    problems.push({
      field: `${field}.type`,
      message: `must be one of ${DOCUMENT_TYPES.join(', ')}`,
    });
    return undefined;
  }
  if (number === '' || number.length > 64 || hasControlCharacters(number)) {
    problems.push({ field: `${field}.number`, message: 'is required (at most 64 characters)' });
    return undefined;
  }
  if (type === 'nit' && !validateNit(number).valid) {
    problems.push({ field: `${field}.number`, message: `invalid NIT (check digit): "${number}"` });
    return undefined;
  }
  if (type === 'cedula' && !/^\d{3,10}$/.test(number.replace(/[.\s]/g, ''))) {
    problems.push({ field: `${field}.number`, message: `a cédula is 3 to 10 digits: "${number}"` });
    return undefined;
  }
  return { type, number };
}

function isValidDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) {
    return false;
  }
  const year = Number(match[1]);
  if (year < 1850 || year > 2100) {
    return false;
  }
  if (match[2] === undefined) {
    return true;
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) {
    return false;
  }
  if (match[3] === undefined) {
    return true;
  }
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function hasControlCharacters(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(text);
}
