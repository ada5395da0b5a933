/**
 * Stable document type codes for what agencies write in a `type` field (`Cédula`, `CC`,
 * `pasaporte`, `NIT`): accents and case removed, then common synonyms folded.
 *
 * @module
 */

// Colombian, Mexican and US usage plus the English and Spanish names of the usual documents.
const SYNONYMS: Readonly<Record<string, string>> = {
  cc: 'cedula',
  'cedula-de-ciudadania': 'cedula',
  'cedula-ciudadania': 'cedula',
  ce: 'cedula-extranjeria',
  'cedula-de-extranjeria': 'cedula-extranjeria',
  pasaporte: 'passport',
  pp: 'passport',
  'national-identification-number': 'national-id',
  'national-identity-card': 'national-id',
  'id-card': 'national-id',
  'tax-identification-number': 'tax-id',
  tin: 'tax-id',
  'social-security-number': 'ssn',
  'drivers-license': 'driver-license',
  'driving-license': 'driver-license',
  'licencia-de-conduccion': 'driver-license',
  'matricula-mercantil': 'matricula-mercantil',
  'registration-no': 'registration-number',
  swift: 'swift-bic',
  bic: 'swift-bic',
};

/** The kebab-case code for a document type as an agency wrote it; `other` when empty. */
export function documentTypeCode(type: string): string {
  const kebab = type
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return SYNONYMS[kebab] ?? (kebab === '' ? 'other' : kebab);
}
