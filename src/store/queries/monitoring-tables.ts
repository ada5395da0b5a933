/**
 * Kysely table types of the monitoring tables (migration `0003-monitoring`).
 *
 * @module
 */
import type { Generated } from 'kysely';

/** A portfolio of counterparties. */
export interface MonitoringPortfolioTable {
  id: Generated<number>;
  organization_id: string;
  name: string;
  created_at: string;
}

/** One counterparty; `aliases` and `documents` hold JSON arrays. */
export interface MonitoringCounterpartyTable {
  id: Generated<number>;
  organization_id: string;
  portfolio_id: number;
  external_id: string;
  kind: string;
  name: string;
  aliases: string;
  dob: string | null;
  country: string | null;
  documents: string;
  version: number;
  best_score: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A re-screening run; list references and counterparty ids hold JSON. */
export interface MonitoringRunTable {
  id: Generated<number>;
  kind: string;
  status: string;
  organization_id: string | null;
  portfolio_id: number | null;
  counterparty_ids: string | null;
  from_lists: string;
  to_lists: string;
  threshold: number;
  cursor: number;
  planned: number | null;
  processed: number;
  alerts_raised: number;
  alerts_closed: number;
  created_at: string;
  finished_at: string | null;
  error: string | null;
}

/** An alert; `pending` holds the JSON of a decision awaiting approval. */
export interface MonitoringAlertTable {
  id: Generated<number>;
  organization_id: string;
  portfolio_id: number;
  counterparty_id: number;
  entry_id: string;
  entry_version: string;
  entry_name: string;
  matched_name: string;
  score: number;
  run_id: number;
  state: string;
  assignee_id: string | null;
  due_at: string | null;
  pending: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  closed_reason: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** A comment or state change on an alert. */
export interface MonitoringAlertNoteTable {
  id: Generated<number>;
  organization_id: string;
  alert_id: number;
  at: string;
  actor_id: string;
  kind: string;
  text: string;
}
