/**
 * The persistence layer: the only code that knows SQL. Callers open a store and use its ports.
 *
 * @example
 * import { openStore } from './store/index.js';
 * const store = await openStore('./puente.db');
 *
 * @module
 */
export { DEFAULT_STORE_LOCATION, openStore } from './open-store.js';
export type { Store, StoreKind } from './store.js';
