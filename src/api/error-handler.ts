/**
 * The one place where errors become HTTP responses: a `PuenteError`'s stable code maps to a
 * status; anything else is a 500 whose details stay in the log, never in the response.
 *
 * @module
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PuenteError, type ErrorCode } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

const STATUS_BY_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  not_found: 404,
  conflict: 409,
  parse_failed: 422,
  unsupported_format: 422,
  unsafe_input: 422,
  input_too_large: 413,
  source_unavailable: 502,
  config_invalid: 500,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  internal_error: 500,
};

/** HTTP status for an error code. */
export function statusForCode(code: ErrorCode): ContentfulStatusCode {
  return STATUS_BY_CODE[code];
}

/** Builds Hono's `onError` handler. */
export function createErrorHandler(logger: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof PuenteError) {
      const status = statusForCode(error.code);
      if (status >= 500) {
        logger.error({ err: error, path: c.req.path }, 'request failed');
      }
      return c.json({ code: error.code, message: error.message, details: error.details }, status);
    }
    if (error instanceof HTTPException) {
      const code = error.status === 413 ? 'input_too_large' : 'validation_failed';
      return c.json({ code, message: error.message || 'invalid request' }, error.status);
    }
    logger.error({ err: error, path: c.req.path }, 'unexpected error');
    return c.json({ code: 'internal_error', message: 'internal server error' }, 500);
  };
}
