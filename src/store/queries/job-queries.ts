/**
 * The job port over Kysely: the `job` table of the in-process queue.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';

import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';

import type { JobQuery, JobRecord, JobStatus, JobStore, NewJob } from '../../jobs/job-store.js';
import type { Database } from '../schema.js';
import type { JobTable } from './job-schema.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/**
 * Stores jobs in `job`.
 *
 * @example
 * const jobs = new JobQueries(db);
 * const id = await jobs.add({ name: 'lists.refresh', payload: {}, runAt: now, maxAttempts: 3 }, now);
 */
export class JobQueries implements JobStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** {@inheritDoc JobStore.add} */
  async add(job: NewJob, now: Date): Promise<string | null> {
    const id = job.id ?? randomUUID();
    const result = await this.db
      .insertInto('job')
      .values({
        id,
        name: job.name,
        payload: JSON.stringify(job.payload ?? null),
        singleton_key: job.singletonKey ?? null,
        status: 'waiting',
        attempts: 0,
        max_attempts: job.maxAttempts,
        run_at: job.runAt.toISOString(),
        lease_until: null,
        worker_id: null,
        last_error: null,
        created_at: now.toISOString(),
        finished_at: null,
      })
      // Either a taken singleton key or an existing id: the job is already there.
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1 ? id : null;
  }

  /** {@inheritDoc JobStore.claimNext} */
  async claimNext(
    names: readonly string[],
    workerId: string,
    now: Date,
    leaseMs: number,
  ): Promise<JobRecord | undefined> {
    if (names.length === 0) {
      return undefined;
    }
    const at = now.toISOString();
    const candidates = await this.db
      .selectFrom('job')
      .select('id')
      .where('name', 'in', [...names])
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'waiting'), eb('run_at', '<=', at)]),
          eb.and([eb('status', '=', 'running'), eb('lease_until', '<=', at)]),
        ]),
      )
      .orderBy('run_at')
      .orderBy('id')
      .limit(10)
      .execute();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    for (const { id } of candidates) {
      // Re-checked by the update, so of two workers only one claims the job.
      const row = await this.db
        .updateTable('job')
        .set({
          status: 'running',
          attempts: sql<number>`attempts + 1`,
          lease_until: leaseUntil,
          worker_id: workerId,
        })
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'waiting'), eb('run_at', '<=', at)]),
            eb.and([eb('status', '=', 'running'), eb('lease_until', '<=', at)]),
          ]),
        )
        .returningAll()
        .executeTakeFirst();
      if (row !== undefined) {
        return toJob(row);
      }
    }
    return undefined;
  }

  /** {@inheritDoc JobStore.complete} */
  async complete(id: string, workerId: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('job')
      .set({
        status: 'done',
        lease_until: null,
        singleton_key: null,
        finished_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('worker_id', '=', workerId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** {@inheritDoc JobStore.fail} */
  async fail(
    id: string,
    workerId: string,
    error: string,
    retryAt: Date | null,
    now: Date,
  ): Promise<boolean> {
    const final = retryAt === null;
    const result = await this.db
      .updateTable('job')
      .set({
        status: final ? 'failed' : 'waiting',
        lease_until: null,
        last_error: error,
        ...(final
          ? { singleton_key: null, finished_at: now.toISOString() }
          : { run_at: retryAt.toISOString() }),
      })
      .where('id', '=', id)
      .where('worker_id', '=', workerId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** {@inheritDoc JobStore.list} */
  async list(query: JobQuery = {}): Promise<readonly JobRecord[]> {
    const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
    const rows = await this.db
      .selectFrom('job')
      .selectAll()
      .$if(query.name !== undefined, (q) => q.where('name', '=', query.name!))
      .$if(query.status !== undefined, (q) => q.where('status', '=', query.status!))
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toJob);
  }

  /** {@inheritDoc JobStore.find} */
  async find(id: string): Promise<JobRecord | undefined> {
    const row = await this.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toJob(row);
  }
}

function toJob(row: Selectable<JobTable>): JobRecord {
  return {
    id: row.id,
    name: row.name,
    payload: JSON.parse(row.payload) as unknown,
    status: row.status as JobStatus,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    singletonKey: row.singleton_key,
    workerId: row.worker_id,
    lastError: row.last_error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
