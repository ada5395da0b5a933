/**
 * Kysely table interface of the `job` table (`0004-notifications`).
 *
 * @module
 */

/** One queued job of the in-process queue. */
export interface JobTable {
  id: string;
  name: string;
  /** JSON. */
  payload: string;
  singleton_key: string | null;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  lease_until: string | null;
  worker_id: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}
