/**
 * The audit port over Kysely, and `appendAuditEvent`, which every audited write calls inside
 * its own transaction.
 *
 * @module
 */
import { PostgresAdapter, sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';

import { chainAuditEvent } from '../../audit/audit-event.js';
import type {
  AuditActorKind,
  AuditContext,
  AuditEvent,
  AuditEventInput,
  AuditOutcome,
} from '../../audit/audit-event.js';
import type { AuditCheckpoint } from '../../audit/audit-checkpoint.js';
import type { AuditQuery, AuditStore } from '../../audit/audit-store.js';
import type { ChainHead } from '../../audit/verify-audit-chain.js';
import type { AuditEventTable } from '../identity-audit-schema.js';
import type { Database } from '../schema.js';
import { AuditGroupCommit } from './audit-group-commit.js';

/** The store's clock; tests may pin it. */
export type Clock = () => Date;

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/**
 * The chain head this process last appended or read, per database. Only a hint: an append
 * proposes the next event from it and moves the stored head only if the stored head still
 * equals it (`WHERE last_seq = ? AND last_hash = ?`), so a stale hint (another process
 * appended, or a transaction rolled back) costs one failed update, never a forked chain.
 */
export interface AuditHeadHint {
  head: ChainHead | undefined;
}

const headHints = new WeakMap<Kysely<Database>, AuditHeadHint>();

const groupCommits = new WeakMap<Kysely<Database>, AuditGroupCommit>();

/** The group commit of stand-alone appends on a PostgreSQL root connection (one per store). */
function groupCommitOf(db: Kysely<Database>, hint: AuditHeadHint): AuditGroupCommit {
  let batcher = groupCommits.get(db);
  if (batcher === undefined) {
    batcher = new AuditGroupCommit(db, hint);
    groupCommits.set(db, batcher);
  }
  return batcher;
}

/**
 * The head hint of a root connection (one per store).
 *
 * @example
 * await appendAuditEvent(trx, context, input, now, auditHeadHintOf(db));
 */
export function auditHeadHintOf(db: Kysely<Database>): AuditHeadHint {
  let hint = headHints.get(db);
  if (hint === undefined) {
    hint = { head: undefined };
    headHints.set(db, hint);
  }
  return hint;
}

/**
 * Appends one event to the chain. Must run inside the caller's transaction: the first
 * statement updates the one-row head, which takes its row lock (PostgreSQL) or the database
 * write lock (SQLite) until commit, so concurrent appends queue instead of forking the chain.
 * With a `hint` of the current head the append is two statements (a conditional head update
 * and the insert); without one, or when the hint is stale, three.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.insertInto('organization').values(row).execute();
 *   await appendAuditEvent(trx, context, { action: 'organization.create', … }, new Date());
 * });
 */
export async function appendAuditEvent(
  trx: Kysely<Database>,
  context: AuditContext,
  input: AuditEventInput,
  now: Date,
  hint?: AuditHeadHint,
): Promise<AuditEvent> {
  const known = hint?.head;
  const event = known === undefined ? undefined : chainAuditEvent(known, now, context, input);
  if (known !== undefined && event !== undefined) {
    const moved = await trx
      .updateTable('audit_head')
      .set({ last_seq: event.seq, last_hash: event.hash })
      .where('id', '=', 1)
      .where('last_seq', '=', known.seq)
      .where('last_hash', '=', known.hash)
      .executeTakeFirst();
    if (moved.numUpdatedRows === 1n) {
      return insertEvent(trx, event, hint);
    }
  }
  const head = await trx
    .updateTable('audit_head')
    .set({ last_seq: sql<number>`last_seq + 1` })
    .where('id', '=', 1)
    .returning(['last_seq', 'last_hash'])
    .executeTakeFirstOrThrow();
  const next = chainAuditEvent(
    { seq: head.last_seq - 1, hash: head.last_hash },
    now,
    context,
    input,
  );
  await trx.updateTable('audit_head').set({ last_hash: next.hash }).where('id', '=', 1).execute();
  return insertEvent(trx, next, hint);
}

async function insertEvent(
  trx: Kysely<Database>,
  event: AuditEvent,
  hint: AuditHeadHint | undefined,
): Promise<AuditEvent> {
  await trx.insertInto('audit_event').values(toAuditRow(event)).execute();
  if (hint !== undefined) {
    // Set before commit: if the transaction rolls back, the next append finds the stored head
    // different from this hint and takes the three-statement path.
    hint.head = { seq: event.seq, hash: event.hash };
  }
  return event;
}

/**
 * An append an adapter implements natively for its database. It must behave exactly like
 * `appendAuditEvent` in a transaction of its own, and set `hint.head` only after commit. It
 * answers undefined, having done nothing, when the connection is inside a transaction (or
 * otherwise busy): `AuditQueries.append` then waits for the connection and calls it again, so an
 * event never lands inside another transaction that could still roll back.
 */
export type NativeAuditAppend = (
  context: AuditContext,
  input: AuditEventInput,
  now: Date,
  hint: AuditHeadHint,
) => AuditEvent | undefined;

const nativeAppends = new WeakMap<Kysely<Database>, NativeAuditAppend>();

/**
 * Makes `AuditQueries.append` on `db` use `append` (the SQLite adapter registers its
 * synchronous, prepared-statement append; every read audit event takes this path).
 *
 * @example
 * useNativeAuditAppend(db, sqliteAuditAppend(database));
 */
export function useNativeAuditAppend(db: Kysely<Database>, append: NativeAuditAppend): void {
  nativeAppends.set(db, append);
}

/**
 * Runs `write` and appends the event it describes in one transaction.
 *
 * @example
 * const org = await auditedWrite(db, clock, context, async (trx) => ({ result, event }));
 */
export function auditedWrite<T>(
  db: Kysely<Database>,
  clock: Clock,
  context: AuditContext,
  write: (trx: Kysely<Database>, now: Date) => Promise<{ result: T; event: AuditEventInput }>,
): Promise<T> {
  const hint = auditHeadHintOf(db);
  return db.transaction().execute(async (trx) => {
    const now = clock();
    const { result, event } = await write(trx, now);
    await appendAuditEvent(trx, context, event, now, hint);
    return result;
  });
}

/**
 * Stores the audit trail in `audit_event`, `audit_head` and `audit_checkpoint`.
 *
 * @example
 * const audit = new AuditQueries(db);
 * await audit.append(context, { action: 'audit.export', targetType: 'audit', targetId: 'all' });
 */
export class AuditQueries implements AuditStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock = () => new Date(),
  ) {}

  /** {@inheritDoc AuditStore.append} */
  append(context: AuditContext, input: AuditEventInput): Promise<AuditEvent> {
    const hint = auditHeadHintOf(this.db);
    const native = nativeAppends.get(this.db);
    if (native !== undefined) {
      return this.appendNatively(native, context, input, hint);
    }
    if (this.db.getExecutor().adapter instanceof PostgresAdapter) {
      // Events of concurrent requests share a commit (ADR 0014); a lone one commits at once.
      return groupCommitOf(this.db, hint).append(context, input, this.clock());
    }
    return this.db
      .transaction()
      .execute((trx) => appendAuditEvent(trx, context, input, this.clock(), hint));
  }

  /**
   * Appends at once when the connection is free of transactions (the usual case: a synchronous
   * append cannot interleave with anything), else once this append holds the connection.
   */
  private async appendNatively(
    native: NativeAuditAppend,
    context: AuditContext,
    input: AuditEventInput,
    hint: AuditHeadHint,
  ): Promise<AuditEvent> {
    const now = this.clock();
    const event = native(context, input, now, hint);
    if (event !== undefined) {
      return event;
    }
    return this.db.getExecutor().provideConnection(() => {
      const retried = native(context, input, now, hint);
      return retried === undefined
        ? Promise.reject(new Error('the connection is still in a transaction'))
        : Promise.resolve(retried);
    });
  }

  /** {@inheritDoc AuditStore.list} */
  async list(query: AuditQuery = {}): Promise<readonly AuditEvent[]> {
    const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
    const rows = await this.db
      .selectFrom('audit_event')
      .selectAll()
      .where('seq', '>', query.afterSeq ?? 0)
      .$if(query.actorId !== undefined, (q) => q.where('actor_id', '=', query.actorId!))
      .$if(query.organizationId !== undefined, (q) =>
        q.where('organization_id', '=', query.organizationId!),
      )
      .$if(query.action !== undefined, (q) => q.where('action', '=', query.action!))
      .$if(query.targetId !== undefined, (q) => q.where('target_id', '=', query.targetId!))
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toAuditEvent);
  }

  /** {@inheritDoc AuditStore.head} */
  async head(): Promise<ChainHead> {
    const row = await this.db
      .selectFrom('audit_head')
      .select(['last_seq', 'last_hash'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return { seq: row.last_seq, hash: row.last_hash };
  }

  /** {@inheritDoc AuditStore.saveCheckpoint} */
  async saveCheckpoint(checkpoint: AuditCheckpoint): Promise<void> {
    const { seq, hash, at, keyId, signature } = checkpoint;
    await this.db
      .insertInto('audit_checkpoint')
      .values({ seq, hash, at, key_id: keyId, signature })
      .onConflict((conflict) => conflict.column('seq').doNothing())
      .execute();
  }

  /** {@inheritDoc AuditStore.listCheckpoints} */
  async listCheckpoints(): Promise<readonly AuditCheckpoint[]> {
    const rows = await this.db.selectFrom('audit_checkpoint').selectAll().orderBy('seq').execute();
    return rows.map((row) => ({
      seq: row.seq,
      hash: row.hash,
      at: row.at,
      keyId: row.key_id,
      signature: row.signature,
    }));
  }
}

/**
 * The row of an event, as stored.
 *
 * @example
 * await trx.insertInto('audit_event').values(toAuditRow(event)).execute();
 */
export function toAuditRow(event: AuditEvent): AuditEventTable {
  return {
    seq: event.seq,
    at: event.at,
    actor_kind: event.actorKind,
    actor_id: event.actorId,
    organization_id: event.organizationId,
    action: event.action,
    target_type: event.targetType,
    target_id: event.targetId,
    outcome: event.outcome,
    ip: event.ip,
    reason: event.reason,
    details: JSON.stringify(event.details),
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}

function toAuditEvent(row: Selectable<AuditEventTable>): AuditEvent {
  return {
    seq: row.seq,
    at: row.at,
    actorKind: row.actor_kind as AuditActorKind,
    actorId: row.actor_id,
    organizationId: row.organization_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome as AuditOutcome,
    ip: row.ip,
    reason: row.reason,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
