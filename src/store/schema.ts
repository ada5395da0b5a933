/**
 * The Kysely view of the database: one interface per table, column names as in SQL. JSON
 * columns hold text (the same in SQLite and PostgreSQL) and timestamps hold ISO 8601 text, so
 * both databases store and compare values identically.
 *
 * @module
 */
import type { Generated, Insertable, Selectable } from 'kysely';

import type {
  ApiKeyTable,
  AppUserTable,
  AuditCheckpointTable,
  AuditEventTable,
  AuditHeadTable,
  EntryMarkingTable,
  LoginThrottleTable,
  OrganizationTable,
  ServiceAccountTable,
  UserSessionTable,
} from './identity-audit-schema.js';
import type {
  MonitoringAlertNoteTable,
  MonitoringAlertTable,
  MonitoringCounterpartyTable,
  MonitoringPortfolioTable,
  MonitoringRunTable,
} from './queries/monitoring-tables.js';
import type { JobTable } from './queries/job-schema.js';
import type { EntryMarkingChangeTable } from './queries/marking-change-schema.js';
import type {
  EmailSubscriptionTable,
  NotificationDeliveryTable,
  NotificationOutboxTable,
  WebhookSubscriptionTable,
} from './queries/notification-schema.js';

/** One stored publication of one source. Immutable once written. */
export interface PublicationTable {
  /** Assigned by the database, increasing in ingest order. */
  id: Generated<number>;
  source: string;
  /** ISO date or timestamp; text order is date order. */
  published_at: string;
  /** Unique per source: re-ingesting identical content finds this row. */
  content_hash: string;
  ingested_at: string;
  entry_count: number;
  /** JSON array of file names. */
  files: string;
  /** JSON of the parse report. */
  report: string;
}

/** One version of one entry, shared by every publication that holds the same content. */
export interface EntryVersionTable {
  /** SHA-256 of `data`. */
  version_hash: string;
  source: string;
  source_id: string;
  /** The entry's canonical JSON. */
  data: string;
}

/** Which entry version a publication holds for each source id. */
export interface PublicationEntryTable {
  publication_id: number;
  source_id: string;
  version_hash: string;
}

/**
 * Every table the store knows. Later features add their tables here and in a new migration.
 *
 * @example
 * const db = new Kysely<Database>({ dialect });
 * await db.selectFrom('publication').selectAll().execute();
 */
export interface Database {
  publication: PublicationTable;
  entry_version: EntryVersionTable;
  publication_entry: PublicationEntryTable;
  organization: OrganizationTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  service_account: ServiceAccountTable;
  api_key: ApiKeyTable;
  audit_event: AuditEventTable;
  audit_head: AuditHeadTable;
  audit_checkpoint: AuditCheckpointTable;
  monitoring_portfolio: MonitoringPortfolioTable;
  monitoring_counterparty: MonitoringCounterpartyTable;
  monitoring_run: MonitoringRunTable;
  monitoring_alert: MonitoringAlertTable;
  monitoring_alert_note: MonitoringAlertNoteTable;
  webhook_subscription: WebhookSubscriptionTable;
  email_subscription: EmailSubscriptionTable;
  notification_outbox: NotificationOutboxTable;
  notification_delivery: NotificationDeliveryTable;
  job: JobTable;
  entry_marking: EntryMarkingTable;
  entry_marking_change: EntryMarkingChangeTable;
  login_throttle: LoginThrottleTable;
}

/** A `publication` row as read. */
export type PublicationRow = Selectable<PublicationTable>;

/** A `publication` row as written. */
export type NewPublicationRow = Insertable<PublicationTable>;
