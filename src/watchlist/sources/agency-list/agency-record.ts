/**
 * One entry of an agency list (`puente-watchlist/1`), its zod schema, and its mapping to a
 * `WatchlistEntry`. The CSV encoding is converted to this same shape before validation, so both
 * encodings obey one set of rules (docs/list-formats/agency-list.md).
 *
 * @module
 */
import { z } from 'zod';
import { CLASSIFICATION_LEVELS } from '../../../core/classification.js';
import type {
  Address,
  Alias,
  DateFact,
  EntryLink,
  IdentityDocument,
  TextFact,
  WatchlistEntry,
} from '../../watchlist-entry.js';
import { emptyEntry } from '../../watchlist-entry.js';
import { withoutUndefined } from '../shared/compact.js';
import { partialDatePrecision } from '../shared/iso-dates.js';
import { detectScript } from '../un-consolidated/map-aliases.js';
import { documentTypeCode } from './document-types.js';

const CONTROL_CHARACTER = /\p{Cc}/u;

const text = z.string().trim().min(1, 'must not be empty');
const partialDate = text.refine((value) => partialDatePrecision(value) !== undefined, {
  message: 'not a date (use YYYY, YYYY-MM or YYYY-MM-DD)',
});
const aliasObject = z.object({
  name: text,
  type: z.enum(['aka', 'fka', 'nka']).default('aka'),
  strength: z.enum(['strong', 'weak']).default('strong'),
});
const documentObject = z.object({ type: text, number: text, country: text.optional() });
const addressObject = z
  .object({
    street: text.optional(),
    city: text.optional(),
    stateProvince: text.optional(),
    postalCode: text.optional(),
    country: text.optional(),
  })
  .refine((address) => Object.values(address).some((part) => part !== undefined), {
    message: 'an address needs at least one part',
  });
const linkObject = z.object({ relation: text, name: text, targetId: text.optional() });
// The values src/access understands; anything else is refused rather than shared.
const markingObject = z.strictObject({
  classification: z.enum(CLASSIFICATION_LEVELS),
  releasableTo: z
    .strictObject({
      countries: z
        .array(z.string().regex(/^[A-Z]{3}$/, 'use ISO 3166-1 alpha-3 codes'))
        .default([]),
      organizations: z.array(text).default([]),
    })
    .default({ countries: [], organizations: [] }),
  caveats: z.array(z.enum(['ORCON', 'NOFORN'])).default([]),
  tlp: z.enum(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED']),
});

/** Schema of a marking (an entry's, or a JSON list's for every entry without its own). */
export const agencyMarkingSchema = markingObject;

/** Object-valued list fields whose own fields are known (unknown ones are reported). */
export const NESTED_OBJECTS = {
  aliases: aliasObject,
  documents: documentObject,
  addresses: addressObject,
  links: linkObject,
} as const;

/** Schema of one entry; unknown fields pass validation and are reported by the caller. */
export const agencyEntrySchema = z.object({
  id: text.max(100, 'must be at most 100 characters').refine((id) => !CONTROL_CHARACTER.test(id), {
    message: 'must not contain control characters',
  }),
  name: text,
  type: z.enum(['individual', 'entity', 'vessel', 'aircraft']),
  aliases: z.array(z.union([text, aliasObject])).optional(),
  birthDates: z.array(partialDate).optional(),
  birthPlaces: z.array(text).optional(),
  nationalities: z.array(text).optional(),
  gender: text.optional(),
  documents: z.array(documentObject).optional(),
  addresses: z.array(addressObject).optional(),
  programs: z.array(text).optional(),
  remarks: text.optional(),
  links: z.array(linkObject).optional(),
  marking: markingObject.optional(),
});

/** A validated agency list entry. */
export type AgencyRecord = z.output<typeof agencyEntrySchema>;

/** A field of the record, as named in the JSON encoding. */
export type AgencyField = keyof AgencyRecord;

/** Names the source field a fact came from (the JSON key or the CSV column). */
export type FieldOrigin = (field: AgencyField) => string;

/** Maps a validated record to an entry of `source`; links are resolved later by the caller. */
export function toWatchlistEntry(
  record: AgencyRecord,
  source: string,
  origin: FieldOrigin,
): WatchlistEntry {
  return withoutUndefined<WatchlistEntry>({
    ...emptyEntry(source, record.id, record.type, record.name),
    programs: record.programs ?? [],
    aliases: (record.aliases ?? []).map((alias) => toAlias(alias, origin('aliases'))),
    birthDates: (record.birthDates ?? []).map((date, index) =>
      toDateFact(date, index > 0, origin('birthDates')),
    ),
    birthPlaces: textFacts(record.birthPlaces, origin('birthPlaces')),
    nationalities: textFacts(record.nationalities, origin('nationalities')),
    gender: record.gender === undefined ? undefined : textFact(record.gender, origin('gender')),
    documents: (record.documents ?? []).map((item) => toDocument(item, origin('documents'))),
    addresses: (record.addresses ?? []).map((item) => toAddress(item, origin('addresses'))),
    links: (record.links ?? []).map((link) => toLink(link, origin('links'))),
    remarks: record.remarks,
    marking: record.marking,
  });
}

function toAlias(alias: NonNullable<AgencyRecord['aliases']>[number], origin: string): Alias {
  const { name, type, strength } =
    typeof alias === 'string'
      ? { name: alias, type: 'aka' as const, strength: 'strong' as const }
      : alias;
  return withoutUndefined<Alias>({ name, type, strength, origin, script: detectScript(name) });
}

function toDateFact(value: string, alternative: boolean, origin: string): DateFact {
  const precision = partialDatePrecision(value);
  const kind = precision === 'day' ? 'exact' : (precision ?? 'year');
  return { kind, value, alternative, text: value, origin };
}

function toDocument(
  item: NonNullable<AgencyRecord['documents']>[number],
  origin: string,
): IdentityDocument {
  const country = item.country === undefined ? '' : ` (${item.country})`;
  return withoutUndefined<IdentityDocument>({
    type: documentTypeCode(item.type),
    label: item.type,
    number: item.number,
    country: item.country,
    alternative: false,
    text: `${item.type} ${item.number}${country}`,
    origin,
  });
}

// The target id is checked against the publication's ids once every entry is read.
function toLink(link: NonNullable<AgencyRecord['links']>[number], origin: string): EntryLink {
  return withoutUndefined<EntryLink>({
    relation: link.relation,
    name: link.name,
    targetSourceId: link.targetId,
    text: `${link.relation}: ${link.name}`,
    origin,
  });
}

function toAddress(item: NonNullable<AgencyRecord['addresses']>[number], origin: string): Address {
  return withoutUndefined<Address>({ ...item, origin });
}

function textFacts(values: readonly string[] | undefined, origin: string): TextFact[] {
  return (values ?? []).map((value) => textFact(value, origin));
}

function textFact(value: string, origin: string): TextFact {
  return { value, text: value, origin };
}
