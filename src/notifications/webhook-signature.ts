/**
 * Webhook signatures. Each delivery carries
 *
 *     Puente-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * The timestamp is inside the signed text, so a captured delivery cannot be replayed later
 * with a fresh time; receivers reject signatures older than their tolerance (5 minutes here).
 * During a secret rotation a receiver may check several `v1=` values.
 *
 * @module
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the signature. */
export const SIGNATURE_HEADER = 'puente-signature';

/** Default tolerance between the signed time and the receiver's clock. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * The hex HMAC-SHA256 of `<timestamp>.<body>` under `secret`.
 *
 * @example
 * signaturePayloadHmac('whsec_x', 1700000000, '{"id":"…"}');
 */
export function signaturePayloadHmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/**
 * The `Puente-Signature` header value for `body` sent at `now`.
 *
 * @example
 * headers[SIGNATURE_HEADER] = signWebhook('whsec_x', body, new Date());
 */
export function signWebhook(secret: string, body: string, now: Date): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${signaturePayloadHmac(secret, timestamp, body)}`;
}

/** Why a signature was refused. */
export type SignatureProblem = 'malformed' | 'expired' | 'mismatch';

/**
 * Checks a received header against the raw body, as a receiver should.
 *
 * @returns `undefined` when valid, else the problem.
 * @example
 * verifyWebhookSignature(req.headers['puente-signature'], rawBody, secret, new Date());
 */
export function verifyWebhookSignature(
  header: string | undefined,
  body: string,
  secret: string,
  now: Date,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): SignatureProblem | undefined {
  const parts = (header ?? '').split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => value ?? '');
  if (!Number.isInteger(timestamp) || signatures.length === 0) {
    return 'malformed';
  }
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) {
    return 'expired';
  }
  const expected = Buffer.from(signaturePayloadHmac(secret, timestamp, body), 'hex');
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? undefined : 'mismatch';
}
