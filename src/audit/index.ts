/**
 * The tamper-evident audit trail: hash-chained events, their verification and signed
 * checkpoints.
 *
 * @module
 */
export { GENESIS_HASH, auditEventHash, chainAuditEvent } from './audit-event.js';
export type {
  AuditActor,
  AuditActorKind,
  AuditContext,
  AuditEvent,
  AuditEventInput,
  AuditOutcome,
} from './audit-event.js';
export { checkpointPayload, isCheckpointAuthentic, signCheckpoint } from './audit-checkpoint.js';
export type { AuditCheckpoint } from './audit-checkpoint.js';
export type { AuditQuery, AuditStore } from './audit-store.js';
export { loadOrCreateSigningKey } from './signing-key.js';
export type { AuditSigningKey } from './signing-key.js';
export { AuditChainVerifier, verifyAuditChain } from './verify-audit-chain.js';
export type { AuditChainReport, ChainBreak, ChainHead } from './verify-audit-chain.js';
export { checkpointIfDue, verifyStoredAuditChain } from './verify-stored-chain.js';
