/**
 * Kysely table interface of `entry_marking_change` (`0006-marking-changes`).
 *
 * @module
 */
import type { Generated } from 'kysely';

/** One change of an entry's marking; rows are never updated. */
export interface EntryMarkingChangeTable {
  id: Generated<number>;
  source: string;
  source_id: string;
  /** `raise` or `lower`. */
  kind: string;
  /** JSON of the `Marking` (src/access) before and after the change, originators included. */
  previous: string;
  marking: string;
  reason: string;
  actor_id: string;
  organization_id: string;
  changed_at: string;
}
