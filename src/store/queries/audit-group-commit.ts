/**
 * Group commit of stand-alone audit events on PostgreSQL (`docs/adr/0014-audit-group-commit.md`).
 * Every screening request appends an event that must be committed before it is answered; with a
 * durable commit per event, concurrent requests queue behind each other's WAL flush. Here an
 * append that arrives while a commit is in flight waits for it and is then committed together
 * with every other event that arrived meanwhile, in one statement (one transaction, one flush).
 * A lone append is committed at once: sequential clients wait for nothing more than before.
 *
 * @module
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

import { chainAuditEvent } from '../../audit/audit-event.js';
import type { AuditContext, AuditEvent, AuditEventInput } from '../../audit/audit-event.js';
import type { ChainHead } from '../../audit/verify-audit-chain.js';
import type { Database } from '../schema.js';
import { appendAuditEvent, toAuditRow } from './audit-queries.js';
import type { AuditHeadHint } from './audit-queries.js';

/** Events committed together at most (14 parameters each, far below PostgreSQL's limit). */
const MAX_BATCH = 200;

interface Waiter {
  readonly context: AuditContext;
  readonly input: AuditEventInput;
  readonly now: Date;
  readonly resolve: (event: AuditEvent) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Appends events in groups: one commit in flight at a time, the events that arrive meanwhile go
 * into the next one. Each promise settles only after its group's commit: resolved when it
 * committed, rejected (with every other event of the group) when it did not.
 *
 * @example
 * const batcher = new AuditGroupCommit(db, auditHeadHintOf(db));
 * await batcher.append(context, { action: 'screening.run', targetType: 'endpoint', targetId: '/screen' }, new Date());
 */
export class AuditGroupCommit {
  #queue: Waiter[] = [];
  #committing = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly hint: AuditHeadHint,
  ) {}

  /** Appends one event; resolves once it is committed. */
  append(context: AuditContext, input: AuditEventInput, now: Date): Promise<AuditEvent> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ context, input, now, resolve, reject });
      if (!this.#committing) {
        void this.#commitQueued();
      }
    });
  }

  async #commitQueued(): Promise<void> {
    this.#committing = true;
    try {
      while (this.#queue.length > 0) {
        const group = this.#queue.splice(0, MAX_BATCH);
        try {
          const events = await commitGroup(this.db, group, this.hint);
          group.forEach((waiter, index) => {
            waiter.resolve(events[index]!);
          });
        } catch (error) {
          // One transaction: none of the group's events was committed.
          for (const waiter of group) {
            waiter.reject(error);
          }
        }
      }
    } finally {
      this.#committing = false;
    }
  }
}

/** Commits a group's events in order; one statement when the head hint is current. */
async function commitGroup(
  db: Kysely<Database>,
  group: readonly Waiter[],
  hint: AuditHeadHint,
): Promise<readonly AuditEvent[]> {
  const known = hint.head;
  if (known !== undefined) {
    const events = chain(known, group);
    if (await insertMovingHead(db, known, events)) {
      const last = events.at(-1)!;
      hint.head = { seq: last.seq, hash: last.hash };
      return events;
    }
  }
  // No hint, or another process appended since: read the head under its row lock.
  return db.transaction().execute(async (trx) => {
    const events: AuditEvent[] = [];
    for (const waiter of group) {
      events.push(await appendAuditEvent(trx, waiter.context, waiter.input, waiter.now, hint));
    }
    return events;
  });
}

function chain(head: ChainHead, group: readonly Waiter[]): AuditEvent[] {
  const events: AuditEvent[] = [];
  let previous = head;
  for (const waiter of group) {
    const event = chainAuditEvent(previous, waiter.now, waiter.context, waiter.input);
    events.push(event);
    previous = event;
  }
  return events;
}

/**
 * Moves the stored head from `known` to the last event and inserts the events, in one
 * statement; false (nothing written) when the stored head is no longer `known`.
 */
async function insertMovingHead(
  db: Kysely<Database>,
  known: ChainHead,
  events: readonly AuditEvent[],
): Promise<boolean> {
  const last = events.at(-1)!;
  const rows = events.map((event) => {
    const row = toAuditRow(event);
    return sql`(${row.seq}::integer, ${row.at}, ${row.actor_kind}, ${row.actor_id},
      ${row.organization_id}, ${row.action}, ${row.target_type}, ${row.target_id}, ${row.outcome},
      ${row.ip}, ${row.reason}, ${row.details}, ${row.prev_hash}, ${row.hash})`;
  });
  const result = await sql`
    with moved as (
      update audit_head set last_seq = ${last.seq}, last_hash = ${last.hash}
      where id = 1 and last_seq = ${known.seq} and last_hash = ${known.hash}
      returning id
    )
    insert into audit_event (seq, at, actor_kind, actor_id, organization_id, action, target_type,
      target_id, outcome, ip, reason, details, prev_hash, hash)
    select e.* from (values ${sql.join(rows)}) as e (seq, at, actor_kind, actor_id,
      organization_id, action, target_type, target_id, outcome, ip, reason, details, prev_hash,
      hash)
    cross join moved`.execute(db);
  return result.numAffectedRows === BigInt(events.length);
}
