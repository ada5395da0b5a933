/**
 * Changing the marking of a stored (agency-list) entry. Whoever may not read the entry learns
 * nothing: it answers exactly like an unknown id. Readers with the list write permission may
 * raise it; any other change (a lowering, or a mix of both) is a lowering, for the originating
 * organization only (`docs/adr/0015-changing-markings.md`).
 *
 * @module
 */
import { AccessDeniedError, NotFoundError, ValidationError } from '../core/errors.js';
import { requirePermission } from '../identity/actor.js';
import { Permission } from '../identity/permissions.js';
import { lowerMarking, raiseMarking } from './change-marking.js';
import type { MarkingChange } from './change-marking.js';
import { isAtLeastAsRestrictive, markingProblem, sameMarking } from './marking.js';
import type { Marking } from './marking.js';
import type { EntryMarkingChange, MarkingStore } from './marking-store.js';
import { canReadMarked } from './record-viewer.js';
import type { RecordViewer } from './record-viewer.js';

/** Longest reason kept with a change. */
export const MAX_REASON_LENGTH = 1000;

/** What a caller proposes: a marking without originators (those never change). */
export type ProposedMarking = Omit<Marking, 'originators'>;

/** An entry's marking now, with every change made to it. */
export interface EntryMarkingView {
  readonly entryId: string;
  readonly marking: Marking;
  readonly changes: readonly EntryMarkingChange[];
}

/** Marking changes of stored entries. */
export class EntryMarkingService {
  /**
   * @param onLowered called after a lowering is stored: it may release an entry to readers who
   *   had no alert on it, so monitoring re-screens (a raise hides alerts on read at once).
   */
  constructor(
    private readonly store: MarkingStore,
    private readonly onLowered: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /**
   * The current marking of an entry the viewer may read, with its changes.
   *
   * @throws NotFoundError when the entry is unknown, public, or not readable by the viewer.
   */
  async show(viewer: RecordViewer, entryId: string): Promise<EntryMarkingView> {
    const { source, sourceId, marking } = await this.#readable(viewer, entryId);
    return { entryId, marking, changes: await this.store.entryMarkingChanges(source, sourceId) };
  }

  /**
   * Raises (anyone who may read the entry, with `list.ingest` and `marking.raise`) or lowers
   * (the originating organization, with `list.ingest` and `marking.lower`) an entry's marking.
   *
   * @throws NotFoundError as `show`, before any permission is looked at.
   * @throws AccessDeniedError for a missing permission or a lowering by a non-originator.
   * @throws ValidationError for a malformed marking, no change, or no reason.
   * @throws ConflictError when someone changed the marking meanwhile.
   */
  async change(
    viewer: RecordViewer,
    entryId: string,
    proposed: ProposedMarking,
    reason: string,
  ): Promise<EntryMarkingChange> {
    const { source, sourceId, marking: current } = await this.#readable(viewer, entryId);
    requirePermission(viewer.actor, Permission.ListIngest);
    const why = reason.trim();
    if (why === '' || why.length > MAX_REASON_LENGTH) {
      throw new ValidationError(`reason: 1 to ${MAX_REASON_LENGTH} characters`, {
        field: 'reason',
      });
    }
    const next: Marking = { ...proposed, originators: current.originators };
    const problem = markingProblem(next);
    if (problem !== undefined) {
      throw new ValidationError(`marking: ${problem}`, { field: 'marking' });
    }
    if (sameMarking(next, current)) {
      throw new ValidationError('marking: the entry is already marked so', { field: 'marking' });
    }
    const kind = isAtLeastAsRestrictive(next, current) ? 'raise' : 'lower';
    const record = { id: entryId, marking: current };
    const decided =
      kind === 'raise'
        ? raiseMarking(viewer.actor, record, next)
        : lowerMarking(viewer.actor, record, next);
    const marking = allowed(decided, kind);
    const change = await this.store.changeEntryMarking(
      { source, sourceId, kind, expected: current, marking, reason: why },
      { ...viewer.audit, reason: why },
    );
    if (kind === 'lower') {
      await this.onLowered();
    }
    return change;
  }

  async #readable(viewer: RecordViewer, entryId: string) {
    const at = entryId.indexOf(':');
    const source = at <= 0 ? '' : entryId.slice(0, at);
    const sourceId = at <= 0 ? '' : entryId.slice(at + 1);
    const marking =
      source === '' || sourceId === ''
        ? undefined
        : await this.store.currentEntryMarking(source, sourceId);
    // Unknown, public and hidden entries answer alike: only marked entries have a marking to
    // change, and a hidden one must not be told apart from one that does not exist.
    if (marking === undefined || !canReadMarked(viewer, marking)) {
      throw new NotFoundError('marked entry', entryId);
    }
    return { source, sourceId, marking };
  }
}

function allowed(change: MarkingChange, kind: 'raise' | 'lower'): Marking {
  if (change.ok) {
    return change.marking;
  }
  if (change.reason === 'invalid_marking') {
    throw new ValidationError('marking: not a valid marking', { field: 'marking' });
  }
  const message =
    kind === 'lower' && change.reason === 'not_originator'
      ? 'only the originating organization may lower a marking or change it other than by raising it'
      : `not permitted: ${change.reason}`;
  throw new AccessDeniedError(message, { reason: change.reason, kind });
}
