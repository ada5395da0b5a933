/**
 * The identity-document and registration-number labels found in OFAC remarks (measured over
 * the 2021-07 set and ten publications 2021–2024), each with a stable type code. Labels are
 * matched case-insensitively, longest first, so `Passport Booklet` wins over `Passport`.
 *
 * @module
 */

/** How one document label is read. */
export interface DocumentLabel {
  readonly label: string;
  readonly type: string;
  /** Country the label itself implies (`Kenyan ID No.`), used when none is in parentheses. */
  readonly country?: string;
  /** The number may be followed by a city before the country: `181301-1 Cali (Colombia)`. */
  readonly cityAfterNumber?: boolean;
}

const label = (text: string, type: string, country?: string): DocumentLabel =>
  country === undefined ? { label: text, type } : { label: text, type, country };

/** Colombian and Latin American identifiers, the core of the narcotics programs. */
const LATIN_AMERICA: readonly DocumentLabel[] = [
  label('Cedula No.', 'cedula'),
  label('NIT #', 'nit'),
  { label: 'Matricula Mercantil No', type: 'matricula-mercantil', cityAfterNumber: true },
  label('Tarjeta Profesional', 'tarjeta-profesional'),
  label('R.F.C.', 'rfc'),
  label('R.F.C. #', 'rfc'),
  label('RFC', 'rfc'),
  label('C.U.R.P.', 'curp'),
  label('C.U.R.P. #', 'curp'),
  label('RUC #', 'ruc'),
  label('RIF #', 'rif'),
  label('Folio Mercantil No.', 'folio-mercantil'),
  label('Credencial electoral', 'credencial-electoral'),
  label('Cartilla de Servicio Militar Nacional', 'military-service-card'),
  label('I.F.E.', 'ife'),
  label('C.U.I.', 'cui'),
  label('C.U.I.P.', 'cuip'),
  label('C.U.I.T.', 'cuit'),
  label('RTN', 'rtn'),
  label('LE Number', 'le-number'),
  label('Numero de Identidad', 'national-id'),
  label('Electoral Registry No.', 'electoral-registry'),
  label('SRE Permit No.', 'sre-permit'),
  label('VisaNumberID', 'visa'),
  label('Paraguayan tax identification number', 'tax-id', 'Paraguay'),
];

/** Personal identity documents. */
const PERSONAL: readonly DocumentLabel[] = [
  label('Passport', 'passport'),
  label('Passport No.', 'passport'),
  label('Pasaporte', 'passport'),
  label('Passport Booklet', 'passport-booklet'),
  label('Diplomatic Passport', 'diplomatic-passport'),
  label('British National Overseas Passport', 'passport', 'United Kingdom'),
  label('Stateless Person Passport', 'passport'),
  label('Stateless Person ID Card', 'national-id'),
  label("Seafarer's Identification Document", 'seafarer-id'),
  label('CNP (Personal Numerical Code)', 'national-id', 'Romania'),
  label('Travel Document Number', 'travel-document'),
  label('National ID No.', 'national-id'),
  label('National ID No. CNIC:', 'national-id'),
  label('National ID No. NIC:', 'national-id'),
  label('National Foreign ID Number', 'national-foreign-id'),
  label('National Foreign ID Number RNE:', 'national-foreign-id'),
  label('Personal ID Card', 'national-id'),
  label('Identification Number', 'identification-number'),
  label('Kenyan ID No.', 'national-id', 'Kenya'),
  label('Bosnian Personal ID No.', 'national-id', 'Bosnia and Herzegovina'),
  label('Moroccan Personal ID No.', 'national-id', 'Morocco'),
  label('Turkish Identification Number', 'national-id', 'Turkey'),
  label('Tazkira National ID Card', 'national-id', 'Afghanistan'),
  label('UAE Identification', 'national-id', 'United Arab Emirates'),
  label("Citizen's Card Number", 'national-id'),
  label('D.N.I.', 'dni'),
  label('N.I.E.', 'nie'),
  label('SSN', 'ssn', 'United States'),
  label("Driver's License No.", 'driver-license'),
  label('Birth Certificate Number', 'birth-certificate'),
  label('Residency Number', 'residency-number'),
  label('Romanian Permanent Resident', 'residency-number', 'Romania'),
  label('Refugee ID Card', 'refugee-id'),
  label('Immigration No.', 'immigration-number'),
  label('Public Security and Immigration No.', 'immigration-number'),
  label('Military Registration Number', 'military-registration'),
  label('Pilot License Number', 'pilot-license'),
  label('Permit Number', 'permit-number'),
  label('Italian Fiscal Code', 'tax-id', 'Italy'),
  label('Fiscal Code', 'tax-id'),
  label('Romanian Tax Registration', 'tax-id', 'Romania'),
  label('RSIN', 'tax-id', 'Netherlands'),
  label('Tax ID No.', 'tax-id'),
  label('US FEIN', 'tax-id', 'United States'),
  label('File Number', 'file-number'),
  label('Serial No.', 'serial-number'),
];

/** Company and registry numbers. */
const REGISTRIES: readonly DocumentLabel[] = [
  label('Registration ID', 'registration-id'),
  label('Registration Number', 'registration-number'),
  label('Registration Certificate Number', 'registration-number'),
  label('Public Registration Number', 'registration-number'),
  label('Business Registration Number', 'business-registration-number'),
  label('Business Registration Document #', 'business-registration-document'),
  label('Business Number', 'business-number'),
  label('Company Number', 'company-number'),
  label('UK Company Number', 'company-number', 'United Kingdom'),
  label('Company ID: No.', 'company-number'),
  label('Commercial Registry Number', 'commercial-registry-number'),
  label('C.R. No.', 'commercial-registry-number'),
  label('Romanian C.R.', 'commercial-registry-number', 'Romania'),
  label('Chamber of Commerce Number', 'chamber-of-commerce-number'),
  label('Istanbul Chamber of Comm. No.', 'chamber-of-commerce-number', 'Turkey'),
  label(
    'Dubai Chamber of Commerce Membership No.',
    'chamber-of-commerce-number',
    'United Arab Emirates',
  ),
  label('Certificate of Incorporation Number', 'incorporation-certificate'),
  label('Enterprise Number', 'enterprise-number'),
  label('Branch Unit Number', 'branch-unit-number'),
  label('Government Gazette Number', 'government-gazette-number'),
  label('Central Registration System Number', 'central-registration-system-number'),
  label('Economic Register Number (CBLS)', 'economic-register-number'),
  label('Unified Social Credit Code (USCC)', 'uscc', 'China'),
  label('United Social Credit Code Certificate (USCCC)', 'uscc', 'China'),
  label('Organization Code', 'organization-code'),
  label('Numero Unico de Identificacao Tributaria (NUIT)', 'tax-id', 'Mozambique'),
  label('V.A.T. Number', 'vat-number'),
  label('C.I.F.', 'cif', 'Spain'),
  label('Legal Entity Number', 'legal-entity-number'),
  label('D-U-N-S Number', 'duns'),
  label('Trade License No.', 'trade-license'),
  label('Tourism License No.', 'license'),
  label('MSB Registration Number', 'registration-number'),
  label('License', 'license'),
  label('Afghan Money Service Provider License Number', 'license', 'Afghanistan'),
  label('Registered Charity No.', 'charity-number'),
  // A flag state's registry number; `… Identification IMO` is read as the vessel's IMO number.
  label('Vessel Registration Identification', 'vessel-registration'),
  label('SWIFT/BIC', 'swift-bic'),
  label('BIK (RU)', 'bik', 'Russia'),
  // `Company Number IMO` and `Identification Number IMO` are IMO company numbers (shipping
  // companies), a different series from the IMO numbers of vessels.
  label('Company Number IMO', 'imo-company'),
  label('Identification Number IMO', 'imo-company'),
  label('International Maritime Organization No.', 'imo-company'),
];

/** Every document label the remarks parser knows (vessel IMO and MMSI live with vessels). */
export const DOCUMENT_LABELS: readonly DocumentLabel[] = [
  ...LATIN_AMERICA,
  ...PERSONAL,
  ...REGISTRIES,
];
