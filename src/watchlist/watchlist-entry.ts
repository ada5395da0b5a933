/**
 * The normalized shape of one watchlist entry, whatever list it came from. Every structured
 * fact keeps the text it was read from (`text`), and whatever a parser did not understand is
 * kept verbatim in `unparsed`: nothing in a source file is silently dropped.
 *
 * @module
 */

/** What kind of party an entry designates. */
export type EntityType = 'individual' | 'entity' | 'vessel' | 'aircraft';

/** Alias kinds: also known as, formerly known as, now known as. */
export type AliasType = 'aka' | 'fka' | 'nka';

/**
 * OFAC quotes weak aliases (nicknames, noms de guerre) and "does not expect that persons will
 * screen for weak AKAs"; the UN marks them `QUALITY=Low`. Strong aliases count like names.
 */
export type AliasStrength = 'strong' | 'weak';

/** Where a fact was read from, e.g. `alt.csv`, `remarks`, `INDIVIDUAL_ALIAS`. */
export type FactOrigin = string;

/** One alternative name. */
export interface Alias {
  readonly name: string;
  readonly type: AliasType;
  readonly strength: AliasStrength;
  readonly origin: FactOrigin;
  /** The source's own alias id (OFAC `alt_num`) when there is one. */
  readonly sourceAliasId?: string;
  /** UN `QUALITY` value, kept as published (`Good`, `Low`, `a.k.a.`, …). */
  readonly quality?: string;
  /** Script of the name when not Latin (`NAME_ORIGINAL_SCRIPT`), e.g. `Arab`, `Cyrl`. */
  readonly script?: string;
  /** Free-text remarks the source attached to this alias. */
  readonly remarks?: string;
}

/** One postal address (all parts optional, as in the sources). */
export interface Address {
  readonly sourceAddressId?: string;
  readonly street?: string;
  readonly city?: string;
  readonly stateProvince?: string;
  readonly postalCode?: string;
  /** `city_state_province_postal` as OFAC publishes it when it cannot be split safely. */
  readonly cityStateProvincePostal?: string;
  readonly country?: string;
  readonly remarks?: string;
  readonly origin: FactOrigin;
}

/**
 * A date of birth (or of registration/establishment) as precisely as the source states it.
 * `exact`: full date; `month`: year and month; `year`: year only; `range`: from/to (either may be
 * a year or a full date), e.g. OFAC `DOB 1960 to 1962`; `approximate`: "circa".
 * Dates use ISO forms: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`.
 */
export interface DateFact {
  readonly kind: 'exact' | 'month' | 'year' | 'range' | 'approximate';
  readonly value?: string;
  readonly from?: string;
  readonly to?: string;
  /** `alt. DOB` and later DOBs are alternatives; the first stated is primary. */
  readonly alternative: boolean;
  readonly text: string;
  readonly origin: FactOrigin;
}

/** A fact that is just a value with its source text: place of birth, nationality, gender, … */
export interface TextFact {
  readonly value: string;
  readonly text: string;
  readonly origin: FactOrigin;
}

/**
 * An identity document or registration number. `type` is a stable kebab-case code
 * (`cedula`, `nit`, `passport`, `rfc`, `curp`, `national-id`, `tax-id`, `registration-number`,
 * `matricula-mercantil`, `ruc`, `ssn`, `driver-license`, `imo`, `mmsi`, `swift-bic`, …);
 * `label` keeps the source's wording (`Cedula No.`, `NIT #`).
 */
export interface IdentityDocument {
  readonly type: string;
  readonly label: string;
  readonly number: string;
  readonly country?: string;
  readonly issuedOn?: string;
  readonly expiresOn?: string;
  readonly issuedBy?: string;
  /** For numbers with a check digit (NIT): whether it validates. Absent when not applicable. */
  readonly checkDigitValid?: boolean;
  readonly alternative: boolean;
  readonly text: string;
  readonly origin: FactOrigin;
}

/** A relation to another party, e.g. OFAC `Linked To: NAME`. */
export interface EntryLink {
  /** `linked-to`, `owned-or-controlled-by`, `subsidiary-of`, `associate-of`, `family-of`, … */
  readonly relation: string;
  /** The other party's name as published. */
  readonly name: string;
  /** The linked entry's source id in the same publication, when the name identifies exactly one. */
  readonly targetSourceId?: string;
  readonly text: string;
  readonly origin: FactOrigin;
}

/** Vessel particulars (OFAC columns and remarks). */
export interface VesselDetails {
  readonly callSign?: string;
  readonly vesselType?: string;
  readonly tonnage?: string;
  readonly grossRegisteredTonnage?: string;
  readonly flag?: string;
  readonly owner?: string;
  readonly imoNumber?: string;
  readonly mmsi?: string;
  readonly yearOfBuild?: string;
}

/** Aircraft particulars from OFAC remarks. */
export interface AircraftDetails {
  readonly manufacturer?: string;
  readonly model?: string;
  readonly serialNumber?: string;
  readonly tailNumber?: string;
  readonly operator?: string;
  readonly manufactureDate?: string;
}

/** Any other labelled fact the parser recognised but that has no dedicated field. */
export interface OtherFact {
  /** Stable kebab-case key, e.g. `digital-currency-address`, `organization-established-date`. */
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly text: string;
  readonly origin: FactOrigin;
}

/** A piece of source text no rule understood, kept verbatim. */
export interface UnparsedFragment {
  readonly text: string;
  readonly origin: FactOrigin;
}

/**
 * The marking an agency list declares for an entry (docs/list-formats/agency-list.md): level,
 * releasability, caveats and TLP 2.0. The originating organization is the one that ingests the
 * list; the store records it and enforces the marking on every read (src/access).
 */
export interface EntryMarking {
  readonly classification: string;
  readonly releasableTo: {
    /** ISO 3166-1 alpha-3 codes. */
    readonly countries: readonly string[];
    /** Organization ids. */
    readonly organizations: readonly string[];
  };
  readonly caveats: readonly string[];
  readonly tlp: string;
}

/** One entry of one publication of one list. */
export interface WatchlistEntry {
  /** Source id, e.g. `ofac-sdn`, `un`, or an agency list's id. */
  readonly source: string;
  /** The source's stable id: OFAC `ent_num`, UN reference number (`QDi.001`), agency id. */
  readonly sourceId: string;
  readonly entityType: EntityType;
  /** Primary name exactly as published (OFAC: `SURNAME, Given`). */
  readonly name: string;
  /** Name parts when the source gives them (UN FIRST_NAME…FOURTH_NAME; OFAC split at the comma). */
  readonly nameParts?: {
    readonly given?: string;
    readonly family?: string;
    readonly parts?: readonly string[];
  };
  /** Primary name in its original script when the source gives one. */
  readonly originalScriptName?: string;
  readonly programs: readonly string[];
  readonly title?: string;
  readonly aliases: readonly Alias[];
  readonly addresses: readonly Address[];
  readonly birthDates: readonly DateFact[];
  readonly birthPlaces: readonly TextFact[];
  readonly nationalities: readonly TextFact[];
  readonly citizenships: readonly TextFact[];
  readonly gender?: TextFact;
  readonly documents: readonly IdentityDocument[];
  readonly links: readonly EntryLink[];
  readonly vessel?: VesselDetails;
  readonly aircraft?: AircraftDetails;
  readonly websites: readonly TextFact[];
  readonly emails: readonly TextFact[];
  readonly phones: readonly TextFact[];
  readonly otherFacts: readonly OtherFact[];
  readonly unparsed: readonly UnparsedFragment[];
  /** Full remarks text as published (OFAC remarks joined with `sdn_comments.csv`, UN COMMENTS1). */
  readonly remarks?: string;
  /** Date first listed when the source says (UN LISTED_ON). */
  readonly listedOn?: string;
  /** Date last updated when the source says (UN LAST_DAY_UPDATED). */
  readonly lastUpdated?: readonly string[];
  /** Present only on marked entries of agency lists; absent means public (OFAC, UN). */
  readonly marking?: EntryMarking;
}

/** Builds the public entry id `<source>:<sourceId>` used by every API and the CLI. */
export function entryId(entry: Pick<WatchlistEntry, 'source' | 'sourceId'>): string {
  return `${entry.source}:${entry.sourceId}`;
}

/** An entry with every list field empty: a base for parsers to spread over. */
export function emptyEntry(
  source: string,
  sourceId: string,
  entityType: EntityType,
  name: string,
): WatchlistEntry {
  return {
    source,
    sourceId,
    entityType,
    name,
    programs: [],
    aliases: [],
    addresses: [],
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    citizenships: [],
    documents: [],
    links: [],
    websites: [],
    emails: [],
    phones: [],
    otherFacts: [],
    unparsed: [],
  };
}
