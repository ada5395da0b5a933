/**
 * Re-screening runs: what was screened against which list publications, and how far a run got.
 * A run's progress (its cursor) is written in the same transaction as the alerts of each chunk,
 * so a run killed at any point resumes after the last committed chunk and raises nothing twice.
 *
 * @module
 */

/**
 * `delta`: only the counterparties a list change can affect; `full`: every counterparty in scope;
 * `counterparty`: the counterparties just added or changed.
 */
export type RunKind = 'delta' | 'full' | 'counterparty';

/** Where a run stands. */
export type RunStatus = 'pending' | 'running' | 'done' | 'failed';

/** One list publication a run screened against. */
export interface ListVersionRef {
  readonly source: string;
  readonly publicationId: number;
}

/** A stored run. */
export interface RescreenRun {
  readonly id: number;
  readonly kind: RunKind;
  readonly status: RunStatus;
  readonly organizationId: string | null;
  readonly portfolioId: number | null;
  readonly counterpartyIds: readonly number[] | null;
  readonly fromLists: readonly ListVersionRef[];
  readonly toLists: readonly ListVersionRef[];
  readonly threshold: number;
  /** Highest counterparty id fully processed (0 before the first chunk). */
  readonly cursor: number;
  readonly planned: number | null;
  readonly processed: number;
  readonly alertsRaised: number;
  readonly alertsClosed: number;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly error: string | null;
}
