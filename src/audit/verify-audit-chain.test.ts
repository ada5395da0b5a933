import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { GENESIS_HASH, auditEventHash, chainAuditEvent } from './audit-event.js';
import type { AuditEvent } from './audit-event.js';
import { isCheckpointAuthentic, signCheckpoint } from './audit-checkpoint.js';
import { loadOrCreateSigningKey } from './signing-key.js';
import { verifyAuditChain } from './verify-audit-chain.js';

const context = {
  actor: { kind: 'user' as const, id: 'u1', organizationId: 'o1' },
  ip: '192.0.2.1',
};

function chain(length: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  let head = { seq: 0, hash: GENESIS_HASH };
  for (let i = 0; i < length; i += 1) {
    const event = chainAuditEvent(head, new Date(Date.UTC(2026, 0, 1, 0, i)), context, {
      action: 'record.read',
      targetType: 'record',
      targetId: `r${i}`,
      details: { b: 1, a: [i] },
    });
    events.push(event);
    head = event;
  }
  return events;
}

describe('verifyAuditChain', () => {
  it('accepts an intact chain and an empty one', () => {
    const events = chain(4);
    expect(verifyAuditChain(events)).toEqual({
      intact: true,
      count: 4,
      head: { seq: 4, hash: events[3]?.hash },
    });
    expect(verifyAuditChain([], { seq: 0, hash: GENESIS_HASH })).toMatchObject({
      intact: true,
      count: 0,
    });
  });

  it('names a modified event', () => {
    const events = chain(4);
    events[1] = { ...events[1]!, reason: 'edited' };
    expect(verifyAuditChain(events)).toMatchObject({
      intact: false,
      brokenSeq: 2,
      reason: 'hash_mismatch',
      count: 1,
    });
  });

  it('names the first deleted event', () => {
    const events = chain(4);
    expect(verifyAuditChain([events[0]!, events[2]!, events[3]!])).toMatchObject({
      brokenSeq: 2,
      reason: 'missing_event',
    });
    expect(verifyAuditChain(events.slice(0, 3), { seq: 4, hash: events[3]!.hash })).toMatchObject({
      brokenSeq: 4,
      reason: 'head_mismatch',
    });
  });

  it('names an inserted event, even one re-hashed correctly', () => {
    const events = chain(3);
    const inserted = { ...events[1]!, actorId: 'intruder' };
    const rehashed = { ...inserted, hash: auditEventHash(inserted) };
    expect(verifyAuditChain([events[0]!, rehashed, { ...events[1]!, seq: 3 }])).toMatchObject({
      brokenSeq: 3,
      reason: 'hash_mismatch',
    });
    const linkOnly = { ...events[2]!, prevHash: 'f'.repeat(64) };
    expect(
      verifyAuditChain([events[0]!, events[1]!, { ...linkOnly, hash: auditEventHash(linkOnly) }]),
    ).toMatchObject({ brokenSeq: 3, reason: 'broken_link' });
  });

  it('names reordered events', () => {
    const events = chain(4);
    expect(verifyAuditChain([events[0]!, events[2]!, events[1]!, events[3]!])).toMatchObject({
      brokenSeq: 2,
      reason: 'missing_event',
    });
    expect(verifyAuditChain([events[0]!, events[1]!, events[1]!])).toMatchObject({
      brokenSeq: 2,
      reason: 'out_of_order',
    });
  });

  it('hashes details canonically, whatever the key order', () => {
    const [event] = chain(1);
    expect(Object.keys(event!.details)).toEqual(['a', 'b']);
    expect(auditEventHash({ ...event!, details: { b: 1, a: [0] } })).toBe(event!.hash);
  });
});

describe('checkpoint signing key', () => {
  const folder = mkdtempSync(join(tmpdir(), 'puente-key-'));
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('is generated once with mode 0600 and signs verifiable checkpoints', () => {
    const path = join(folder, 'keys', 'audit.pem');
    const key = loadOrCreateSigningKey(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = loadOrCreateSigningKey(path);
    expect(again.keyId).toBe(key.keyId);
    const checkpoint = signCheckpoint({ seq: 7, hash: 'a'.repeat(64) }, key, new Date(0));
    expect(isCheckpointAuthentic(checkpoint, again)).toBe(true);
    expect(isCheckpointAuthentic({ ...checkpoint, seq: 8 }, key)).toBe(false);
    expect(isCheckpointAuthentic({ ...checkpoint, signature: 'bm9wZQ==' }, key)).toBe(false);
    const stranger = loadOrCreateSigningKey(join(folder, 'other.pem'));
    expect(isCheckpointAuthentic(checkpoint, stranger)).toBe(false);
    expect(readFileSync(path, 'utf8')).toContain('BEGIN PRIVATE KEY');
  });

  it('refuses a file that is not an Ed25519 private key', () => {
    const text = join(folder, 'text.pem');
    writeFileSync(text, 'not a key');
    expect(() => loadOrCreateSigningKey(text)).toThrow(/not a PEM private key/);
    const rsa = join(folder, 'rsa.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    writeFileSync(rsa, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => loadOrCreateSigningKey(rsa)).toThrow(/not an Ed25519 key/);
  });
});
