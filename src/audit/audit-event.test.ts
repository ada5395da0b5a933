import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { canonicalJson } from '../core/hash.js';
import { GENESIS_HASH, auditEventHash, chainAuditEvent } from './audit-event.js';
import type { AuditContext, AuditEvent, AuditEventInput } from './audit-event.js';

/** The definition: SHA-256 of the canonical JSON of every field but the hash, with `v: 1`. */
function referenceHash(event: Omit<AuditEvent, 'hash'>): string {
  const { seq, at, actorKind, actorId, organizationId, action, targetType, targetId } = event;
  const { outcome, ip, reason, details, prevHash } = event;
  const text = canonicalJson({
    v: 1,
    seq,
    at,
    actorKind,
    actorId,
    organizationId,
    action,
    targetType,
    targetId,
    outcome,
    ip,
    reason,
    details,
    prevHash,
  });
  return createHash('sha256').update(text).digest('hex');
}

const contexts: AuditContext[] = [
  { actor: { kind: 'service', id: 'svc-1', organizationId: 'org-1' }, ip: '192.0.2.7' },
  { actor: { kind: 'os-user', id: 'ops "root"', organizationId: null } },
  { actor: { kind: 'user', id: 'ana\u00f1\u{1f600}', organizationId: 'o' }, reason: 'a\nb\\c' },
];

const inputs: AuditEventInput[] = [
  { action: 'screening.run', targetType: 'endpoint', targetId: '/screen' },
  {
    action: 'record.read',
    targetType: 'watchlist-entry',
    targetId: '2 records',
    outcome: 'denied',
    details: { ids: ['b', 'a'], count: 2, nested: { z: null, a: [1.5, -0, 'x'] }, gone: undefined },
  },
  { action: 'list.ingest', targetType: 'publication', targetId: '7', details: {} },
];

describe('audit event hash', () => {
  it('is the SHA-256 of the canonical JSON of the event, built or recomputed', () => {
    let head = { seq: 0, hash: GENESIS_HASH };
    for (const context of contexts) {
      for (const input of inputs) {
        const event = chainAuditEvent(
          head,
          new Date(Date.UTC(2026, 10, 25, 18, head.seq)),
          context,
          input,
        );
        const { hash, ...rest } = event;
        expect(hash).toBe(referenceHash(rest));
        expect(auditEventHash(rest)).toBe(hash);
        // As read back from a store: details parsed from their stored JSON.
        const stored = { ...rest, details: JSON.parse(JSON.stringify(rest.details)) as never };
        expect(auditEventHash(stored)).toBe(hash);
        head = { seq: event.seq, hash };
      }
    }
  });

  it('leaves out undefined fields, as canonical JSON does', () => {
    const event = chainAuditEvent(
      { seq: 4, hash: GENESIS_HASH },
      new Date(0),
      contexts[0]!,
      inputs[0]!,
    );
    const partial = { ...event, reason: undefined, ip: undefined } as unknown as AuditEvent;
    expect(auditEventHash(partial)).toBe(referenceHash(partial));
    expect(auditEventHash(partial)).not.toBe(event.hash);
  });
});
