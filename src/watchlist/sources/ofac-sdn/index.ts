/**
 * OFAC SDN list source plug-in (legacy CSV set).
 *
 * @module
 */
export { ofacSdnSource, parseOfacPublication } from './ofac-sdn-source.js';
export { claimOfacFiles } from './claim-files.js';
export { parseRemarks, type ParsedRemarks } from './remarks-parser.js';
