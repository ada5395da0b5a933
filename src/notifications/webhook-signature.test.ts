import { describe, expect, it } from 'vitest';

import { nextAttemptAt } from './retry-policy.js';
import { signWebhook, signaturePayloadHmac, verifyWebhookSignature } from './webhook-signature.js';

const KNOWN = 'fc4913c41a7bf793267e2a384f3261c9436ec2cd097bd745e7b0d99113f510ec';

describe('webhook signatures', () => {
  const at = new Date('2026-03-01T10:00:00.000Z');
  const body = '{"id":"e1"}';

  it('signs "<timestamp>.<body>" with HMAC-SHA256 in the documented header format', () => {
    const header = signWebhook('whsec_test', body, at);
    const timestamp = at.getTime() / 1000;
    expect(header).toBe(`t=${timestamp},v1=${signaturePayloadHmac('whsec_test', timestamp, body)}`);
    // Known answer (computed independently with openssl), so the format cannot drift unnoticed.
    expect(signaturePayloadHmac('key', 1, 'x')).toBe(KNOWN);
  });

  it('refuses old, malformed and foreign signatures and accepts any listed v1', () => {
    const header = signWebhook('whsec_test', body, at);
    const sixMinutesLater = new Date(at.getTime() + 360_000);
    expect(verifyWebhookSignature(header, body, 'whsec_test', sixMinutesLater)).toBe('expired');
    expect(verifyWebhookSignature(undefined, body, 'whsec_test', at)).toBe('malformed');
    expect(verifyWebhookSignature('t=abc,v1=00', body, 'whsec_test', at)).toBe('malformed');
    expect(verifyWebhookSignature(header, body, 'whsec_old', at)).toBe('mismatch');
    const rotated = `${header},v1=${'0'.repeat(64)}`;
    expect(verifyWebhookSignature(rotated, body, 'whsec_test', at)).toBeUndefined();
  });
});

describe('retry policy', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 5000 };
  const now = new Date(0);

  it('doubles the step, jitters within half of it, caps it and stops at the last attempt', () => {
    const delay = (attempt: number, random: number) =>
      nextAttemptAt(attempt, policy, now, () => random)?.getTime();
    expect([delay(1, 0), delay(1, 0.999999)]).toEqual([500, 1000]);
    expect([delay(2, 0), delay(3, 0)]).toEqual([1000, 2000]);
    expect(delay(4, 0.999999)).toBe(5000);
    expect(nextAttemptAt(5, policy, now)).toBeNull();
  });
});
