/**
 * The audit append on SQLite without the query builder: two prepared statements (three when the
 * head hint is stale) in one synchronous `BEGIN IMMEDIATE` transaction, run at once unless a
 * transaction is open on the connection. Every audited read (each screening request) pays for
 * an append, and through Kysely its compilation and awaits cost more than the writes.
 * Produces exactly the rows `appendAuditEvent` does; the store contract suite checks both.
 *
 * @module
 */
import type BetterSqlite3 from 'better-sqlite3';

import { chainAuditEvent } from '../../audit/audit-event.js';
import type { AuditContext, AuditEvent, AuditEventInput } from '../../audit/audit-event.js';
import type { ChainHead } from '../../audit/verify-audit-chain.js';
import { toAuditRow } from '../queries/audit-queries.js';
import type { AuditHeadHint, NativeAuditAppend } from '../queries/audit-queries.js';

interface HeadRow {
  last_seq: number;
  last_hash: string;
}

/**
 * A `NativeAuditAppend` over an open, migrated database.
 *
 * @example
 * useNativeAuditAppend(db, sqliteAuditAppend(database));
 */
export function sqliteAuditAppend(database: BetterSqlite3.Database): NativeAuditAppend {
  const begin = database.prepare('begin immediate');
  const commit = database.prepare('commit');
  const rollback = database.prepare('rollback');
  const moveHead = database.prepare<[number, string, number, string]>(
    'update audit_head set last_seq = ?, last_hash = ? where id = 1 and last_seq = ? and last_hash = ?',
  );
  const readHead = database.prepare<[], HeadRow>(
    'select last_seq, last_hash from audit_head where id = 1',
  );
  const insert = database.prepare(
    `insert into audit_event (seq, at, actor_kind, actor_id, organization_id, action, target_type,
       target_id, outcome, ip, reason, details, prev_hash, hash)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  /** The next event from `head` if the stored head still is `head` (then moved), else undefined. */
  const proposeAndMove = (
    head: ChainHead,
    now: Date,
    context: AuditContext,
    input: AuditEventInput,
  ): AuditEvent | undefined => {
    const event = chainAuditEvent(head, now, context, input);
    return moveHead.run(event.seq, event.hash, head.seq, head.hash).changes === 1
      ? event
      : undefined;
  };
  /** Runs inside BEGIN IMMEDIATE. */
  const write = (
    context: AuditContext,
    input: AuditEventInput,
    now: Date,
    hint: AuditHeadHint,
  ): AuditEvent => {
    // BEGIN IMMEDIATE holds the write lock, so the head read below cannot go stale before the
    // conditional update; the hint only saves that read.
    let event =
      hint.head === undefined ? undefined : proposeAndMove(hint.head, now, context, input);
    if (event === undefined) {
      const row = readHead.get();
      if (row === undefined) {
        throw new Error('audit_head row is missing');
      }
      event = proposeAndMove({ seq: row.last_seq, hash: row.last_hash }, now, context, input);
      if (event === undefined) {
        throw new Error('audit_head changed under the write lock');
      }
    }
    const row = toAuditRow(event);
    insert.run(
      row.seq,
      row.at,
      row.actor_kind,
      row.actor_id,
      row.organization_id,
      row.action,
      row.target_type,
      row.target_id,
      row.outcome,
      row.ip,
      row.reason,
      row.details,
      row.prev_hash,
      row.hash,
    );
    return event;
  };
  return (context, input, now, hint) => {
    // A Kysely transaction in progress on this connection (BEGIN run, not yet committed): the
    // event must not join it. The caller retries once it holds the connection.
    if (database.inTransaction) {
      return undefined;
    }
    try {
      begin.run();
    } catch (error) {
      // A statement still being iterated (a streamed query) keeps the connection busy; nothing
      // was written.
      if (error instanceof TypeError && /connection is busy/.test(error.message)) {
        return undefined;
      }
      throw error;
    }
    let event: AuditEvent;
    try {
      event = write(context, input, now, hint);
      commit.run();
    } catch (error) {
      if (database.inTransaction) {
        rollback.run();
      }
      throw error;
    }
    hint.head = { seq: event.seq, hash: event.hash };
    return event;
  };
}
