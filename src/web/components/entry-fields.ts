/**
 * Names of the fields of a watchlist entry (src/watchlist/watchlist-entry.ts), for the entry
 * page and the changed fields of a diff.
 *
 * @module
 */
import type { MessageKey } from '../i18n/messages-en.js';

/** Message key of each entry field, in the order the entry page shows them. */
export const ENTRY_FIELD_KEYS: Readonly<Record<string, MessageKey>> = {
  name: 'field.name',
  nameParts: 'field.nameParts',
  originalScriptName: 'field.originalScriptName',
  entityType: 'field.entityType',
  programs: 'field.programs',
  title: 'field.title',
  listedOn: 'field.listedOn',
  lastUpdated: 'field.lastUpdated',
  aliases: 'field.aliases',
  documents: 'field.documents',
  birthDates: 'field.birthDates',
  birthPlaces: 'field.birthPlaces',
  nationalities: 'field.nationalities',
  citizenships: 'field.citizenships',
  gender: 'field.gender',
  addresses: 'field.addresses',
  links: 'field.links',
  vessel: 'field.vessel',
  aircraft: 'field.aircraft',
  websites: 'field.websites',
  emails: 'field.emails',
  phones: 'field.phones',
  otherFacts: 'field.otherFacts',
  unparsed: 'field.unparsed',
  remarks: 'field.remarks',
};

/**
 * A short text for any fact value: the source's own wording (`text`) when the fact has it,
 * else its value, else its fields joined.
 *
 * @example
 * factText({ value: 'Colombia', text: 'nationality Colombia', origin: 'remarks' }); // 'nationality Colombia'
 */
export function factText(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return value.map(factText).join('; ');
  }
  const record = value as Record<string, unknown>;
  for (const key of ['text', 'name', 'value', 'number']) {
    if (typeof record[key] === 'string' && record[key] !== '') {
      return record[key];
    }
  }
  return Object.entries(record)
    .filter(([key]) => key !== 'origin')
    .map(([key, item]) => `${key}: ${factText(item)}`)
    .join(', ');
}
