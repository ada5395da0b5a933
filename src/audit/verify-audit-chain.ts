/**
 * Verification of the hash chain. It names the first event where the chain breaks and why:
 * a modified event no longer matches its hash; a deleted one leaves a gap and a broken link; an
 * inserted or reordered one breaks the sequence, a link or a hash; a removed tail is caught by
 * comparing with the stored head and the signed checkpoints.
 *
 * @module
 */
import { GENESIS_HASH, auditEventHash } from './audit-event.js';
import type { AuditEvent } from './audit-event.js';

/** Why verification failed at an event. */
export type ChainBreak =
  | 'hash_mismatch'
  | 'broken_link'
  | 'missing_event'
  | 'out_of_order'
  | 'head_mismatch'
  | 'checkpoint_mismatch';

/** The chain's last event. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

/** Result of a verification. */
export type AuditChainReport =
  | { readonly intact: true; readonly count: number; readonly head: ChainHead }
  | {
      readonly intact: false;
      readonly count: number;
      /** Sequence number of the first broken event (for `head_mismatch`: the expected head). */
      readonly brokenSeq: number;
      readonly reason: ChainBreak;
      readonly message: string;
    };

/**
 * Checks events one at a time, so a long chain can be read page by page.
 *
 * @example
 * const verifier = new AuditChainVerifier();
 * for (const event of page) { if (!verifier.push(event)) break; }
 * const report = verifier.finish(storedHead);
 */
export class AuditChainVerifier {
  #head: ChainHead = { seq: 0, hash: GENESIS_HASH };
  #count = 0;
  #broken: AuditChainReport | undefined;

  /** Checks the next event; false once the chain is broken. */
  push(event: AuditEvent): boolean {
    if (this.#broken !== undefined) {
      return false;
    }
    const reason = this.problemWith(event);
    if (reason !== undefined) {
      // For a gap, the first broken event is the first missing one, not the survivor after it.
      this.#broken = this.breakAt(
        reason === 'missing_event' ? this.#head.seq + 1 : event.seq,
        reason,
      );
      return false;
    }
    this.#head = { seq: event.seq, hash: event.hash };
    this.#count += 1;
    return true;
  }

  /** The last verified event. */
  get head(): ChainHead {
    return this.#head;
  }

  /** The report; `expectedHead` (from the store) catches a removed tail. */
  finish(expectedHead?: ChainHead): AuditChainReport {
    if (this.#broken !== undefined) {
      return this.#broken;
    }
    if (
      expectedHead !== undefined &&
      (expectedHead.seq !== this.#head.seq || expectedHead.hash !== this.#head.hash)
    ) {
      return this.breakAt(Math.min(expectedHead.seq, this.#head.seq + 1), 'head_mismatch');
    }
    return { intact: true, count: this.#count, head: this.#head };
  }

  /** Records a failure found outside the chain itself (a checkpoint). */
  fail(seq: number, reason: ChainBreak): AuditChainReport {
    this.#broken ??= this.breakAt(seq, reason);
    return this.#broken;
  }

  private problemWith(event: AuditEvent): ChainBreak | undefined {
    const expected = this.#head.seq + 1;
    if (event.seq < expected) {
      return 'out_of_order';
    }
    if (event.seq > expected) {
      return 'missing_event';
    }
    if (auditEventHash(event) !== event.hash) {
      return 'hash_mismatch';
    }
    return event.prevHash === this.#head.hash ? undefined : 'broken_link';
  }

  private breakAt(seq: number, reason: ChainBreak): AuditChainReport {
    return {
      intact: false,
      count: this.#count,
      brokenSeq: seq,
      reason,
      message: MESSAGES[reason](seq),
    };
  }
}

const MESSAGES: Readonly<Record<ChainBreak, (seq: number) => string>> = {
  hash_mismatch: (seq) => `event ${seq} was modified: its content no longer matches its hash`,
  broken_link: (seq) => `event ${seq} does not follow the event before it (inserted or replaced)`,
  missing_event: (seq) => `event ${seq} is missing (deleted)`,
  out_of_order: (seq) => `event ${seq} is out of order (reordered or duplicated)`,
  head_mismatch: (seq) =>
    `the chain ends before event ${seq} recorded as its head (tail deleted or rewritten)`,
  checkpoint_mismatch: (seq) => `event ${seq} differs from the signed checkpoint (chain rewritten)`,
};

/**
 * Verifies a whole chain given in sequence order.
 *
 * @example
 * const report = verifyAuditChain(events);
 * if (!report.intact) console.log(report.brokenSeq, report.message);
 */
export function verifyAuditChain(
  events: Iterable<AuditEvent>,
  expectedHead?: ChainHead,
): AuditChainReport {
  const verifier = new AuditChainVerifier();
  for (const event of events) {
    if (!verifier.push(event)) {
      break;
    }
  }
  return verifier.finish(expectedHead);
}
