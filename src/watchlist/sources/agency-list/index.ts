/**
 * Agency watchlist source plug-in (`puente-watchlist/1` JSON and CSV).
 *
 * @module
 */
export { agencyListSource, AGENCY_PLUGIN_ID, isAgencyCsv, isAgencyJson } from './agency-source.js';
export { agencyEntrySchema, type AgencyRecord } from './agency-record.js';
export { AGENCY_JSON_FORMAT } from './json-list.js';
export { OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from './csv-list.js';
export { checkSourceId, RESERVED_SOURCE_IDS } from './source-id.js';
