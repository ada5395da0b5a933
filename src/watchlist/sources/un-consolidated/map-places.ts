/**
 * UN addresses (`*_ADDRESS`) and places of birth (`*_PLACE_OF_BIRTH`): optional STREET, CITY,
 * STATE_PROVINCE, ZIP_CODE, COUNTRY and a free-text NOTE.
 *
 * @module
 */
import type { Address, TextFact } from '../../watchlist-entry.js';
import { withoutUndefined } from '../shared/compact.js';
import type { ElementReader } from './element-reader.js';

/** Reads one address element; undefined for an empty placeholder. */
export function readAddress(element: ElementReader): Address | undefined {
  const address = withoutUndefined<Address>({
    street: element.text('STREET'),
    city: element.text('CITY'),
    stateProvince: element.text('STATE_PROVINCE'),
    postalCode: element.text('ZIP_CODE'),
    country: element.text('COUNTRY'),
    remarks: element.text('NOTE'),
    origin: element.path,
  });
  return Object.keys(address).length > 1 ? address : undefined;
}

/**
 * Reads one place of birth as `street, city, state, country`; the NOTE follows in brackets, or
 * is the place itself when nothing else is given (`possibly Sabratha, Talil neighbourhood`).
 */
export function readBirthPlace(element: ElementReader): TextFact | undefined {
  const place = ['STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY']
    .map((name) => element.text(name))
    .filter((part): part is string => part !== undefined)
    .join(', ');
  const note = element.text('NOTE');
  const value = place === '' ? note : place;
  if (value === undefined) {
    return undefined;
  }
  const text = place !== '' && note !== undefined ? `${place} (${note})` : value;
  return { value, text, origin: element.path };
}
