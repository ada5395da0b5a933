/**
 * Audit events: who (actor and organization), did what (action, target, outcome), when, from
 * where (ip) and why (reason). Each event holds the hash of the one before it, so changing,
 * removing, adding or reordering any event breaks the chain from that point on.
 *
 * @module
 */
import { hash } from 'node:crypto';

import { canonicalJson } from '../core/hash.js';

/** Hash the first event points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** Kinds of actor that appear in the trail. */
export type AuditActorKind = 'user' | 'service' | 'os-user' | 'system' | 'anonymous';

/** Who acts. `os-user` is a local CLI user with direct database access. */
export interface AuditActor {
  readonly kind: AuditActorKind;
  /** User or service-account id, OS user name, or a fixed name for `system`/`anonymous`. */
  readonly id: string;
  readonly organizationId: string | null;
}

/** The circumstances of a change, passed to every audited write. */
export interface AuditContext {
  readonly actor: AuditActor;
  /** Client address, when the change came over the network. */
  readonly ip?: string | null;
  /** Why, where the action requires a justification. */
  readonly reason?: string | null;
}

/** Whether the recorded action happened. Denials are recorded too. */
export type AuditOutcome = 'success' | 'denied' | 'failure';

/** What happened, as the caller describes it. */
export interface AuditEventInput {
  /** Dotted verb, e.g. `user.create`, `session.login`, `list.ingest`, `record.read`. */
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly outcome?: AuditOutcome;
  /** Small JSON-safe facts (never secrets). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A stored, chained event. */
export interface AuditEvent {
  /** 1, 2, 3, … without gaps. */
  readonly seq: number;
  /** ISO 8601 UTC. */
  readonly at: string;
  readonly actorKind: AuditActorKind;
  readonly actorId: string;
  readonly organizationId: string | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly outcome: AuditOutcome;
  readonly ip: string | null;
  readonly reason: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * The hash of an event: SHA-256 over the canonical JSON of every field but `hash`, including
 * `seq` and `prevHash`, so position and predecessor are both sealed.
 *
 * @example
 * auditEventHash(event) === event.hash; // for an untouched event
 */
export function auditEventHash(event: Omit<AuditEvent, 'hash'>): string {
  return hash('sha256', hashedText(event, canonicalJson(event.details)), 'hex');
}

/**
 * `canonicalJson({ v: 1, seq, at, …, prevHash })` written out directly: every screening request
 * hashes one event, and sorting keys and building an object for that cost more than the hash.
 * The members are in canonical (sorted) order; undefined ones are left out, as `canonicalJson`
 * leaves them out; `audit-event.test.ts` checks the text equals `canonicalJson`'s.
 */
function hashedText(event: Omit<AuditEvent, 'hash'>, detailsJson: string | undefined): string {
  const members = [
    member('action', event.action),
    member('actorId', event.actorId),
    member('actorKind', event.actorKind),
    member('at', event.at),
    event.details === undefined ? undefined : `"details":${detailsJson}`,
    member('ip', event.ip),
    member('organizationId', event.organizationId),
    member('outcome', event.outcome),
    member('prevHash', event.prevHash),
    member('reason', event.reason),
    member('seq', event.seq),
    member('targetId', event.targetId),
    member('targetType', event.targetType),
    '"v":1',
  ];
  return `{${members.filter((text) => text !== undefined).join(',')}}`;
}

/** `"key":<value>` for a scalar field, undefined when the value is (as JSON leaves it out). */
function member(key: string, value: string | number | null | undefined): string | undefined {
  return value === undefined ? undefined : `"${key}":${JSON.stringify(value)}`;
}

const EMPTY_DETAILS: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Builds the next event of a chain whose head is (`prevSeq`, `prevHash`).
 *
 * @example
 * const event = chainAuditEvent({ seq: 0, hash: GENESIS_HASH }, new Date(), context, input);
 */
export function chainAuditEvent(
  head: { readonly seq: number; readonly hash: string },
  at: Date,
  context: AuditContext,
  input: AuditEventInput,
): AuditEvent {
  const detailsJson = canonicalJson(input.details ?? {});
  const event = {
    seq: head.seq + 1,
    at: at.toISOString(),
    actorKind: context.actor.kind,
    actorId: context.actor.id,
    organizationId: context.actor.organizationId,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    outcome: input.outcome ?? 'success',
    ip: context.ip ?? null,
    reason: context.reason ?? null,
    // Round-tripped through canonical JSON so the stored and the hashed value are identical.
    details:
      detailsJson === '{}' ? EMPTY_DETAILS : (JSON.parse(detailsJson) as Record<string, unknown>),
    prevHash: head.hash,
  };
  return { ...event, hash: hash('sha256', hashedText(event, detailsJson), 'hex') };
}
