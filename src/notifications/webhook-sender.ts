/**
 * Sends one signed webhook delivery over HTTP(S) and reports what happened. Any 2xx answer is
 * success; anything else, a timeout or a network error is a failure to retry.
 *
 * @module
 */
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.js';

/** What the sender needs to know about one delivery. */
export interface WebhookDelivery {
  readonly url: string;
  readonly secret: string;
  /** The exact body; it is what the signature covers. */
  readonly body: string;
  readonly deliveryId: string;
  readonly eventId: string;
  readonly eventType: string;
}

/** The answer, or why there was none. */
export interface SendResult {
  readonly ok: boolean;
  readonly statusCode: number | null;
  readonly error: string | null;
}

/** Longest error text kept in the delivery log. */
const MAX_ERROR_CHARS = 500;

/**
 * POSTs the delivery with its signature and identification headers.
 *
 * @example
 * const result = await sendWebhook(delivery, new Date(), 10_000);
 */
export async function sendWebhook(
  delivery: WebhookDelivery,
  now: Date,
  timeoutMs: number,
): Promise<SendResult> {
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Puente-Webhooks/1',
        [SIGNATURE_HEADER]: signWebhook(delivery.secret, delivery.body, now),
        'puente-delivery-id': delivery.deliveryId,
        'puente-event-id': delivery.eventId,
        'puente-event-type': delivery.eventType,
      },
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The body is not needed, but must be consumed so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) {
      return { ok: true, statusCode: response.status, error: null };
    }
    return { ok: false, statusCode: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, statusCode: null, error: describe(error) };
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause =
    error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${message}${cause}`.slice(0, MAX_ERROR_CHARS);
}
