/**
 * Organizations: the agencies and companies whose people use Puente. Every user, service
 * account and record belongs to exactly one.
 *
 * @module
 */
import { isCountryCode } from '../core/classification.js';
import { ValidationError } from '../core/errors.js';

/** Government agency (may receive classified material) or company (may not). */
export type OrganizationKind = 'agency' | 'company';

/** A stored organization. */
export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganizationKind;
  /** ISO 3166-1 alpha-3 (`COL`, `USA`); decides REL TO and NOFORN. */
  readonly country: string;
  readonly createdAt: string;
}

/** What creating an organization needs. */
export interface NewOrganization {
  readonly name: string;
  readonly kind: OrganizationKind;
  readonly country: string;
}

/**
 * Checks and normalizes a new organization (trimmed name, upper-case country).
 *
 * @throws ValidationError naming the bad field.
 * @example
 * validateOrganization({ name: 'DIJIN', kind: 'agency', country: 'col' });
 */
export function validateOrganization(input: NewOrganization): NewOrganization {
  const name = input.name.trim();
  if (name.length < 2 || name.length > 200) {
    throw new ValidationError('organization name must be 2 to 200 characters', { field: 'name' });
  }
  if (input.kind !== 'agency' && input.kind !== 'company') {
    throw new ValidationError('organization kind must be agency or company', { field: 'kind' });
  }
  const country = input.country.trim().toUpperCase();
  if (!isCountryCode(country)) {
    throw new ValidationError('country must be an ISO 3166-1 alpha-3 code such as COL', {
      field: 'country',
    });
  }
  return { name, kind: input.kind, country };
}
