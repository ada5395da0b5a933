/**
 * Builds one `WatchlistEntry` from an `sdn.csv` row, its `alt.csv` and `add.csv` rows and the
 * facts of its remarks.
 *
 * @module
 */
import {
  type Address,
  type Alias,
  type AliasType,
  type EntityType,
  type VesselDetails,
  type WatchlistEntry,
} from '../../watchlist-entry.js';
import { nonEmpty, withoutUndefined } from './compact.js';
import { ROLE_FILE } from './file-roles.js';
import { fieldValue, type OfacRow } from './ofac-csv.js';
import type { RemarkFacts } from './remark-facts.js';

/** Source id of the OFAC SDN list. */
export const OFAC_SOURCE_ID = 'ofac-sdn';

const ENTITY_TYPES: ReadonlySet<string> = new Set(['individual', 'vessel', 'aircraft']);
const ALIAS_TYPES: ReadonlySet<string> = new Set(['aka', 'fka', 'nka']);
// Brackets OFAC leaves around joined programs: `SDNT] [SDNTK`, `[SDGT]`.
const PROGRAM_SEPARATOR = /\]\s*\[/;
const BRACKETS = /[[\]]/g;

/** The primary fields of an `sdn.csv` row. */
export interface PrimaryRecord {
  readonly entNum: string;
  readonly name: string;
  /** Undefined when SDN_Type is neither empty nor a known type. */
  readonly entityType: EntityType | undefined;
  readonly rawType: string;
  readonly programs: readonly string[];
  readonly title?: string;
  readonly row: OfacRow;
}

/** Reads the primary fields of an `sdn.csv` row (`-0-` SDN_Type means an entity). */
export function readPrimary(row: OfacRow): PrimaryRecord {
  const [entNum, name, type, program, title] = row.fields;
  const rawType = fieldValue(type) ?? '';
  const lowered = rawType.toLowerCase();
  const entityType =
    rawType === '' ? 'entity' : ENTITY_TYPES.has(lowered) ? (lowered as EntityType) : undefined;
  const primary: PrimaryRecord = {
    entNum: entNum!.trim(),
    name: fieldValue(name) ?? '',
    entityType,
    rawType,
    programs: programsOf(fieldValue(program)),
    row,
  };
  const titleValue = fieldValue(title);
  return titleValue === undefined ? primary : { ...primary, title: titleValue };
}

/** Splits `SDNT] [SDNTK` into `['SDNT', 'SDNTK']`. */
export function programsOf(field: string | undefined): string[] {
  const programs: string[] = [];
  for (const piece of field?.split(PROGRAM_SEPARATOR) ?? []) {
    const program = piece.replace(BRACKETS, '').trim();
    if (program !== '') {
      programs.push(program);
    }
  }
  return programs;
}

/** An `alt.csv` row as a strong alias (see person-rules.ts on weak aliases). */
export function aliasOfRow(row: OfacRow, type: AliasType): Alias {
  const [, altNum, , altName, altRemarks] = row.fields;
  return withoutUndefined({
    name: fieldValue(altName) ?? '',
    type,
    strength: 'strong' as const,
    origin: ROLE_FILE.alt,
    sourceAliasId: fieldValue(altNum),
    remarks: fieldValue(altRemarks),
  });
}

/** The alias type of an `alt.csv` row, or undefined when it is not aka/fka/nka. */
export function aliasTypeOf(row: OfacRow): AliasType | undefined {
  const type = fieldValue(row.fields[2])?.toLowerCase() ?? '';
  return ALIAS_TYPES.has(type) ? (type as AliasType) : undefined;
}

/** An `add.csv` row as an address; `city_state_province_postal` is kept as published. */
export function addressOfRow(row: OfacRow): Address {
  const [, addNum, street, cityLine, country, remarks] = row.fields;
  return withoutUndefined({
    sourceAddressId: fieldValue(addNum),
    street: fieldValue(street),
    cityStateProvincePostal: fieldValue(cityLine),
    country: fieldValue(country),
    remarks: fieldValue(remarks),
    origin: ROLE_FILE.add,
  });
}

/** Everything an entry is made of. */
export interface EntryParts {
  readonly primary: PrimaryRecord;
  readonly entityType: EntityType;
  readonly aliases: readonly Alias[];
  readonly addresses: readonly Address[];
  readonly remarks: string | undefined;
  readonly facts: RemarkFacts;
}

/** Assembles the entry. */
export function buildEntry(parts: EntryParts): WatchlistEntry {
  const { primary, facts } = parts;
  // Every list field is set here, so the `emptyEntry` base is not needed; one literal is
  // markedly cheaper than spreading it for ~15k entries.
  const entry: Writable<WatchlistEntry> = {
    source: OFAC_SOURCE_ID,
    sourceId: primary.entNum,
    entityType: parts.entityType,
    name: primary.name,
    programs: primary.programs,
    aliases: parts.aliases.length === 0 ? facts.aliases : [...parts.aliases, ...facts.aliases],
    addresses: parts.addresses,
    birthDates: facts.birthDates,
    birthPlaces: facts.birthPlaces,
    nationalities: facts.nationalities,
    citizenships: facts.citizenships,
    documents: facts.documents,
    links: facts.links,
    websites: facts.websites,
    emails: facts.emails,
    phones: facts.phones,
    otherFacts: facts.otherFacts,
    unparsed: facts.unparsed,
  };
  return Object.assign(
    entry,
    withoutUndefined({
      nameParts: parts.entityType === 'individual' ? namePartsOf(primary.name) : undefined,
      title: primary.title,
      gender: facts.gender,
      vessel: vesselOf(primary.row, facts),
      aircraft: nonEmpty(facts.aircraft),
      remarks: parts.remarks,
    }),
  );
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

// OFAC writes individuals `SURNAME(S), Given names`; the first comma separates them.
function namePartsOf(name: string): WatchlistEntry['nameParts'] {
  const comma = name.indexOf(',');
  if (comma < 0) {
    return undefined;
  }
  return nonEmpty({
    family: name.slice(0, comma).trim() || undefined,
    given: name.slice(comma + 1).trim() || undefined,
  });
}

// Column values win over remark values: columns are OFAC's structured data.
function vesselOf(row: OfacRow, facts: RemarkFacts): VesselDetails | undefined {
  const [, , , , , callSign, vesselType, tonnage, grt, flag, owner] = row.fields;
  return nonEmpty({
    ...facts.vessel,
    ...nonEmpty({
      callSign: fieldValue(callSign),
      vesselType: fieldValue(vesselType),
      tonnage: fieldValue(tonnage),
      grossRegisteredTonnage: fieldValue(grt),
      flag: fieldValue(flag),
      owner: fieldValue(owner),
    }),
  });
}
