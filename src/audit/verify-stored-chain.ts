/**
 * Verifying and checkpointing the trail held by an `AuditStore`.
 *
 * @module
 */
import { isCheckpointAuthentic, signCheckpoint } from './audit-checkpoint.js';
import type { AuditCheckpoint } from './audit-checkpoint.js';
import type { AuditStore } from './audit-store.js';
import type { AuditSigningKey } from './signing-key.js';
import { AuditChainVerifier } from './verify-audit-chain.js';
import type { AuditChainReport } from './verify-audit-chain.js';

/** Events read per round trip while verifying. */
const PAGE_SIZE = 1000;

/**
 * Verifies the stored chain up to the head recorded when verification starts (later appends are
 * left for the next run), every checkpoint against its event, and, given the key, every
 * checkpoint's signature.
 *
 * @example
 * const report = await verifyStoredAuditChain(store.audit, key);
 */
export async function verifyStoredAuditChain(
  store: AuditStore,
  key?: AuditSigningKey,
): Promise<AuditChainReport> {
  const head = await store.head();
  const checkpoints = new Map((await store.listCheckpoints()).map((c) => [c.seq, c]));
  const verifier = new AuditChainVerifier();
  while (verifier.head.seq < head.seq) {
    const page = await store.list({ afterSeq: verifier.head.seq, limit: PAGE_SIZE });
    const stop = page.find((event) => event.seq > head.seq);
    for (const event of page.filter((e) => e.seq <= head.seq)) {
      if (!verifier.push(event)) {
        return verifier.finish();
      }
      if (!checkpointHolds(checkpoints.get(event.seq), event.hash, key)) {
        return verifier.fail(event.seq, 'checkpoint_mismatch');
      }
    }
    if (page.length === 0 || stop !== undefined) {
      break;
    }
  }
  const beyond = [...checkpoints.keys()].find((seq) => seq > verifier.head.seq);
  return beyond === undefined
    ? verifier.finish(head)
    : verifier.fail(beyond, 'checkpoint_mismatch');
}

function checkpointHolds(
  checkpoint: AuditCheckpoint | undefined,
  hash: string,
  key: AuditSigningKey | undefined,
): boolean {
  if (checkpoint === undefined) {
    return true;
  }
  return checkpoint.hash === hash && (key === undefined || isCheckpointAuthentic(checkpoint, key));
}

/**
 * Signs the current head when at least `every` events were appended since the last checkpoint;
 * returns the new checkpoint, or undefined when none was due.
 *
 * @example
 * await checkpointIfDue(store.audit, key, 1000, new Date());
 */
export async function checkpointIfDue(
  store: AuditStore,
  key: AuditSigningKey,
  every: number,
  now: Date,
): Promise<AuditCheckpoint | undefined> {
  const head = await store.head();
  const last = (await store.listCheckpoints()).at(-1);
  if (head.seq === 0 || head.seq - (last?.seq ?? 0) < every) {
    return undefined;
  }
  const checkpoint = signCheckpoint(head, key, now);
  await store.saveCheckpoint(checkpoint);
  return checkpoint;
}
