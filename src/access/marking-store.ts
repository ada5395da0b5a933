/**
 * The storage port of marking changes. `src/store/` implements it for SQLite and PostgreSQL;
 * the access domain decides, the store applies the decision atomically with its audit event.
 *
 * @module
 */
import type { AuditContext } from '../audit/audit-event.js';
import type { Marking } from './marking.js';
import type { RecordViewer } from './record-viewer.js';

/** Whether a change restricts more (anyone who may read) or not (the originator only). */
export type MarkingChangeKind = 'raise' | 'lower';

/** One stored change of an entry's marking. */
export interface EntryMarkingChange {
  readonly id: number;
  /** `<source>:<sourceId>`. */
  readonly entryId: string;
  readonly kind: MarkingChangeKind;
  readonly previous: Marking;
  readonly marking: Marking;
  readonly reason: string;
  readonly actorId: string;
  readonly organizationId: string;
  readonly changedAt: string;
}

/** A decided change, for the store to apply. */
export interface NewEntryMarkingChange {
  readonly source: string;
  readonly sourceId: string;
  readonly kind: MarkingChangeKind;
  /** The current marking the decision was taken on; a different stored one is a conflict. */
  readonly expected: Marking;
  readonly marking: Marking;
  readonly reason: string;
}

/** Markings of stored entries and their changes. */
export interface MarkingStore {
  /**
   * The current marking of an entry: the one of the newest publication holding it. Undefined
   * when the entry is unknown or unmarked (public).
   */
  currentEntryMarking(source: string, sourceId: string): Promise<Marking | undefined>;
  /**
   * Applies a change to the entry in every publication holding it (a raise never lowers an
   * older publication's marking; a lowering sets it), stores it in the entry's history and
   * appends its audit event, in one transaction.
   *
   * @throws ConflictError when the current marking is no longer `change.expected`.
   */
  changeEntryMarking(
    change: NewEntryMarkingChange,
    audit: AuditContext,
  ): Promise<EntryMarkingChange>;
  /** The changes of an entry, oldest first. */
  entryMarkingChanges(source: string, sourceId: string): Promise<readonly EntryMarkingChange[]>;
  /**
   * Those of `entryIds` (`<source>:<sourceId>`) the viewer may read: unmarked ones, and marked
   * ones every stored marking of which `canReadMarked` allows. With `record`, reads of the
   * marked ones returned are appended to the audit trail (`record.read`).
   */
  readableEntries(
    viewer: RecordViewer,
    entryIds: readonly string[],
    record: boolean,
  ): Promise<ReadonlySet<string>>;
  /**
   * Every stored marking of each of `entryIds` (one per publication holding the entry);
   * entries without any (public, or unknown) are absent. For combining the markings of what a
   * derived document includes.
   */
  entryMarkings(entryIds: readonly string[]): Promise<ReadonlyMap<string, readonly Marking[]>>;
  /**
   * Those of `entryIds` the whole organization may read (`organizationReader`); none of the
   * marked ones for an unknown organization. Not audited: nobody read them yet.
   */
  readableByOrganization(
    organizationId: string,
    entryIds: readonly string[],
  ): Promise<ReadonlySet<string>>;
}
