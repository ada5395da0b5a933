/**
 * Signed checkpoints: every so often the chain's head (sequence and hash) is signed with the
 * audit key. A database writer can recompute every hash after a change, but cannot sign the
 * new head, so a checkpoint that no longer matches its event exposes the rewrite.
 *
 * @module
 */
import type { ChainHead } from './verify-audit-chain.js';
import type { AuditSigningKey } from './signing-key.js';

/** A signed statement "the chain had this head at this time". */
export interface AuditCheckpoint {
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
  readonly keyId: string;
  /** Base64 Ed25519 signature of `checkpointPayload`. */
  readonly signature: string;
}

/**
 * The exact text signed for a checkpoint.
 *
 * @example
 * checkpointPayload({ seq: 10, hash, at }); // 'puente-audit-checkpoint/v1 10 <hash> <at>'
 */
export function checkpointPayload(
  checkpoint: Pick<AuditCheckpoint, 'seq' | 'hash' | 'at'>,
): string {
  return `puente-audit-checkpoint/v1 ${checkpoint.seq} ${checkpoint.hash} ${checkpoint.at}`;
}

/**
 * Signs the given head.
 *
 * @example
 * const checkpoint = signCheckpoint(head, key, new Date());
 */
export function signCheckpoint(head: ChainHead, key: AuditSigningKey, at: Date): AuditCheckpoint {
  const unsigned = { seq: head.seq, hash: head.hash, at: at.toISOString() };
  return { ...unsigned, keyId: key.keyId, signature: key.sign(checkpointPayload(unsigned)) };
}

/**
 * True when the checkpoint was signed by `key` and is unaltered.
 *
 * @example
 * isCheckpointAuthentic(checkpoint, key);
 */
export function isCheckpointAuthentic(checkpoint: AuditCheckpoint, key: AuditSigningKey): boolean {
  return (
    checkpoint.keyId === key.keyId &&
    key.verify(checkpointPayload(checkpoint), checkpoint.signature)
  );
}
