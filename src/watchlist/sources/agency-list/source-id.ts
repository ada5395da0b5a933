/**
 * Agency list ids. They become the `source` of every entry (`kingpins-col:K-001`), so they are
 * short, lowercase and can never be mistaken for the fixed sources.
 *
 * @module
 */
import { ValidationError } from '../../../core/errors.js';

/** Source ids an agency list may not take: the fixed sources'. */
export const RESERVED_SOURCE_IDS: readonly string[] = ['ofac-sdn', 'un'];

const SOURCE_ID = /^[a-z][a-z0-9-]{1,39}$/;

/** Returns `id` when it is a valid agency list id; throws `ValidationError` otherwise. */
export function checkSourceId(id: string, field: string): string {
  if (!SOURCE_ID.test(id)) {
    throw new ValidationError(
      `invalid agency list id "${id}": use 2–40 characters a-z, 0-9 and "-", starting with a letter`,
      { field, value: id },
    );
  }
  if (RESERVED_SOURCE_IDS.includes(id)) {
    throw new ValidationError(`"${id}" is a fixed source; choose another agency list id`, {
      field,
      value: id,
    });
  }
  return id;
}
