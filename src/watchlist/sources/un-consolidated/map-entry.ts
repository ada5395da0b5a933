/**
 * Maps one UN `INDIVIDUAL` or `ENTITY` element to a `WatchlistEntry`. Every child element is
 * either mapped to a field or kept in `unparsed` with its element path.
 *
 * @module
 */
import type {
  DateFact,
  IdentityDocument,
  OtherFact,
  TextFact,
  WatchlistEntry,
} from '../../watchlist-entry.js';
import { emptyEntry } from '../../watchlist-entry.js';
import { withoutUndefined } from '../shared/compact.js';
import {
  ElementReader,
  countLeaves,
  type ReaderContext,
  type XmlElement,
} from './element-reader.js';
import { isoDatePart } from '../shared/iso-dates.js';
import { originalScriptAlias, readAliases, type AliasFacts } from './map-aliases.js';
import { readBirthDate } from './map-dates.js';
import { readDocument } from './map-documents.js';
import { readAddress, readBirthPlace } from './map-places.js';

/** The two kinds of UN list element. */
export type UnEntryKind = 'INDIVIDUAL' | 'ENTITY';

/** A warning about the entry being mapped; the caller adds the file name. */
export interface EntryWarning {
  readonly code: string;
  readonly message: string;
  readonly field: string;
  readonly line?: number;
}

/** A mapped entry with its fragment counts for the report. */
export interface MappedEntry {
  readonly entry: WatchlistEntry;
  /** Non-empty leaf values in the element. */
  readonly fragments: number;
  /** How many of those ended up in `entry.unparsed`. */
  readonly unparsedFragments: number;
}

/** Source id of every UN entry. */
export const UN_SOURCE_ID = 'un';

const NAME_FIELDS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'];

type Warn = (warning: EntryWarning) => void;

/** Maps one entry element; undefined (with a warning) when it has no usable id or name. */
export function mapUnEntry(
  element: XmlElement,
  kind: UnEntryKind,
  context: ReaderContext,
  warn: Warn,
): MappedEntry | undefined {
  const reader = new ElementReader(element, kind, context);
  const sourceId = readSourceId(reader, warn);
  const aliasFacts = readAliases(reader, kind);
  reportAliasDates(aliasFacts, warn);
  const names = readNames(reader, aliasFacts, warn);
  if (sourceId === undefined || names === undefined) {
    return undefined;
  }
  const entry = buildEntry(reader, kind, sourceId, names, aliasFacts, warn);
  const leftovers = reader.leftovers();
  return {
    entry: { ...entry, unparsed: leftovers.map(({ text, origin }) => ({ text, origin })) },
    fragments: countLeaves(element),
    unparsedFragments: leftovers.reduce((sum, fragment) => sum + fragment.leaves, 0),
  };
}

interface Names {
  readonly name: string;
  readonly parts: readonly string[];
  readonly originalScriptName?: string;
}

function buildEntry(
  reader: ElementReader,
  kind: UnEntryKind,
  sourceId: string,
  names: Names,
  aliasFacts: AliasFacts,
  warn: Warn,
): WatchlistEntry {
  const type = kind === 'INDIVIDUAL' ? 'individual' : 'entity';
  return withoutUndefined<WatchlistEntry>({
    ...emptyEntry(UN_SOURCE_ID, sourceId, type, names.name),
    nameParts: names.parts.length > 0 ? { parts: names.parts } : undefined,
    originalScriptName: names.originalScriptName,
    // Lists first, so warnings about facts come before those about listing dates.
    ...readFactLists(reader, kind, names, aliasFacts, warn),
    ...readDescription(reader, warn),
  });
}

/** The entry's single-valued descriptive fields. */
function readDescription(reader: ElementReader, warn: Warn): Partial<WatchlistEntry> {
  return {
    programs: reader.texts('UN_LIST_TYPE'),
    title: joined(reader.values('TITLE')),
    gender: optionalFact(reader.text('GENDER'), 'GENDER'),
    otherFacts: readOtherFacts(reader),
    remarks: reader.text('COMMENTS1', 'trim'),
    listedOn: readDate(reader, 'LISTED_ON', reader.text('LISTED_ON'), warn),
    lastUpdated: readLastUpdated(reader, warn),
  };
}

/** The entry's fact lists; facts stated on aliases follow the entry's own. */
function readFactLists(
  reader: ElementReader,
  kind: UnEntryKind,
  names: Names,
  aliasFacts: AliasFacts,
  warn: Warn,
): Partial<WatchlistEntry> {
  const script = names.originalScriptName;
  const scriptAlias = script === undefined ? [] : [originalScriptAlias(script)];
  return {
    aliases: [...scriptAlias, ...aliasFacts.aliases],
    addresses: readAll(reader, `${kind}_ADDRESS`, readAddress),
    birthDates: [...readBirthDates(reader, kind, warn), ...aliasFacts.birthDates],
    birthPlaces: [
      ...readAll(reader, `${kind}_PLACE_OF_BIRTH`, readBirthPlace),
      ...aliasFacts.birthPlaces,
    ],
    nationalities: reader
      .values('NATIONALITY')
      .map((value) => textFact(value, 'NATIONALITY/VALUE')),
    documents: readDocuments(reader, kind, warn),
  };
}

// REFERENCE_NUMBER is the UN's public id (`CDi.001`); DATAID is internal but stable enough to
// keep an entry that lacks one.
function readSourceId(reader: ElementReader, warn: Warn): string | undefined {
  const reference = reader.text('REFERENCE_NUMBER');
  if (reference !== undefined) {
    return reference;
  }
  const dataId = reader.texts('DATAID')[0];
  const what = dataId === undefined ? 'no DATAID either; entry skipped' : `using DATAID ${dataId}`;
  warn({
    code: 'missing-reference-number',
    message: `${reader.path} has no REFERENCE_NUMBER; ${what}`,
    field: 'REFERENCE_NUMBER',
    line: reader.line,
  });
  return dataId;
}

function readNames(reader: ElementReader, aliasFacts: AliasFacts, warn: Warn): Names | undefined {
  const parts = NAME_FIELDS.map((field) => reader.text(field)).filter(
    (part): part is string => part !== undefined,
  );
  const originalScriptName = reader.text('NAME_ORIGINAL_SCRIPT');
  const name = parts.join(' ') || originalScriptName || aliasFacts.aliases[0]?.name;
  if (parts.length === 0) {
    const fallback = name === undefined ? 'entry skipped' : `using "${name}"`;
    warn({
      code: 'missing-name',
      message: `${reader.path} has no FIRST_NAME…FOURTH_NAME; ${fallback}`,
      field: 'FIRST_NAME',
      line: reader.line,
    });
  }
  return name === undefined ? undefined : withoutUndefined({ name, parts, originalScriptName });
}

// The first date stated is the primary one; later ones are alternatives.
function readBirthDates(reader: ElementReader, kind: UnEntryKind, warn: Warn): DateFact[] {
  const facts: DateFact[] = [];
  for (const element of reader.children(`${kind}_DATE_OF_BIRTH`)) {
    const reading = readBirthDate(element, facts.length > 0);
    if (reading.kind === 'fact') {
      facts.push(reading.fact);
    } else if (reading.kind !== 'empty') {
      element.keep(reading.text, reading.leaves);
    }
    if (reading.kind === 'bad') {
      warn({ code: 'bad-date', message: reading.reason, field: element.path, line: element.line });
    }
  }
  return facts;
}

function readDocuments(reader: ElementReader, kind: UnEntryKind, warn: Warn): IdentityDocument[] {
  const documents: IdentityDocument[] = [];
  for (const element of reader.children(`${kind}_DOCUMENT`)) {
    const reading = readDocument(element);
    if (reading.kind === 'document') {
      documents.push(reading.document);
      if (reading.badIssueDate !== undefined) {
        const message = `DATE_OF_ISSUE is not a YYYY-MM-DD date: ${reading.badIssueDate}`;
        warn({
          code: 'bad-date',
          message,
          field: `${element.path}/DATE_OF_ISSUE`,
          line: element.line,
        });
      }
    } else if (reading.kind === 'unparsed') {
      element.keep(reading.text, reading.leaves);
    }
  }
  return documents;
}

function readOtherFacts(reader: ElementReader): OtherFact[] {
  const designations = reader
    .values('DESIGNATION')
    .map((value) => otherFact('designation', 'Designation', value, 'DESIGNATION/VALUE'));
  const listTypes = reader
    .values('LIST_TYPE')
    .map((value) => otherFact('un-list-type', 'List type', value, 'LIST_TYPE/VALUE'));
  const dataIds = reader
    .texts('DATAID')
    .map((value) => otherFact('un-data-id', 'DATAID', value, 'DATAID'));
  const versions = reader
    .texts('VERSIONNUM')
    .map((value) => otherFact('un-version-number', 'VERSIONNUM', value, 'VERSIONNUM'));
  return [...designations, ...listTypes, ...dataIds, ...versions];
}

function readLastUpdated(reader: ElementReader, warn: Warn): string[] | undefined {
  const dates = reader
    .children('LAST_DAY_UPDATED')
    .flatMap((element) =>
      element.texts('VALUE').map((value) => readDate(element, 'VALUE', value, warn)),
    )
    .filter((date): date is string => date !== undefined);
  return dates.length > 0 ? dates : undefined;
}

// A date that is not one is kept in `unparsed` and warned about, never guessed at.
function readDate(
  reader: ElementReader,
  field: string,
  value: string | undefined,
  warn: Warn,
): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const date = isoDatePart(value);
  if (date === undefined) {
    reader.keep(value, 1, field);
    const message = `${field} is not an ISO date: ${value}`;
    warn({ code: 'bad-date', message, field: `${reader.path}/${field}`, line: reader.line });
  }
  return date;
}

function reportAliasDates(aliasFacts: AliasFacts, warn: Warn): void {
  for (const bad of aliasFacts.badDates) {
    const message = `alias DATE_OF_BIRTH is not a date: ${bad.text}`;
    warn(withoutUndefined({ code: 'bad-date', message, field: bad.field, line: bad.line }));
  }
}

function readAll<T>(
  reader: ElementReader,
  name: string,
  read: (element: ElementReader) => T | undefined,
): T[] {
  return reader
    .children(name)
    .map(read)
    .filter((value): value is T => value !== undefined);
}

function joined(values: readonly string[]): string | undefined {
  return values.length > 0 ? values.join('; ') : undefined;
}

function textFact(value: string, origin: string): TextFact {
  return { value, text: value, origin };
}

function optionalFact(value: string | undefined, origin: string): TextFact | undefined {
  return value === undefined ? undefined : textFact(value, origin);
}

function otherFact(key: string, label: string, value: string, origin: string): OtherFact {
  return { key, label, value, text: value, origin };
}
