/**
 * UN Security Council Consolidated List source plug-in.
 *
 * @module
 */
export { isConsolidatedList, unConsolidatedSource } from './un-source.js';
