/**
 * The storage port of the audit trail. Appends are serialized by the store so concurrent
 * writers can never fork the chain; stores that record other changes append their events in
 * the same transaction as the change (see `IdentityStore` and `WatchlistStore`).
 *
 * @module
 */
import type { AuditCheckpoint } from './audit-checkpoint.js';
import type { AuditContext, AuditEvent, AuditEventInput } from './audit-event.js';
import type { ChainHead } from './verify-audit-chain.js';

/** Filters for listing events; all optional. */
export interface AuditQuery {
  /** Only events with a greater sequence number (paging). */
  readonly afterSeq?: number;
  /** At most this many (default 100, at most 1,000). */
  readonly limit?: number;
  readonly actorId?: string;
  readonly organizationId?: string;
  readonly action?: string;
  readonly targetId?: string;
}

/** Persistence of audit events and checkpoints. */
export interface AuditStore {
  /** Appends one event in its own transaction and returns it chained. */
  append(context: AuditContext, input: AuditEventInput): Promise<AuditEvent>;
  /** Events in sequence order matching the query. */
  list(query?: AuditQuery): Promise<readonly AuditEvent[]>;
  /** The recorded head (sequence 0 and the genesis hash when empty). */
  head(): Promise<ChainHead>;
  /** Stores a signed checkpoint. */
  saveCheckpoint(checkpoint: AuditCheckpoint): Promise<void>;
  /** Every checkpoint, oldest first. */
  listCheckpoints(): Promise<readonly AuditCheckpoint[]>;
}
