/**
 * Continuous monitoring: portfolios of counterparties screened on entry, on change and on every
 * list change (delta re-screening), alerts with four-eyes review, and domain events.
 *
 * @module
 */
export * from './alert.js';
export * from './counterparty.js';
export { AlertReview, type AlertQuery } from './alert-review.js';
export { affectedCounterparties, NEAR_MARGIN } from './delta-plan.js';
export {
  MonitoringEventBus,
  NO_MONITORING_EVENTS,
  type MonitoringEvent,
  type MonitoringEvents,
} from './monitoring-events.js';
export {
  MonitoringService,
  type ImportReport,
  type MonitoringOptions,
} from './monitoring-service.js';
export type * from './monitoring-store.js';
export {
  IMPORT_FIELDS,
  parseImport,
  type ColumnMapping,
  type ImportFormat,
  type RowError,
} from './portfolio-import.js';
export { PortfolioIndex, PortfolioIndexBuilder } from './portfolio-index.js';
export type * from './rescreen-run.js';
export { MONITORING_SYSTEM, runRescreen, type RescreenDeps } from './run-rescreen.js';
export {
  counterpartyQueries,
  screenCounterparty,
  type ListSnapshot,
} from './screen-counterparty.js';
export { loadListChange, loadListSnapshot } from './list-snapshots.js';
