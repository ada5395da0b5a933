/**
 * Errors with stable codes. The domain throws these; the HTTP and CLI edges translate
 * `code` into a status or an exit code once (`api/error-handler.ts`, `cli/exit-codes.ts`).
 *
 * @module
 */

/** Every stable error code the product emits. Add new codes here, never inline strings. */
export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'conflict'
  | 'parse_failed'
  | 'unsupported_format'
  | 'input_too_large'
  | 'unsafe_input'
  | 'source_unavailable'
  | 'config_invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited'
  | 'internal_error';

/** Where in an input a problem was found. All parts optional; the more the better. */
export interface InputLocation {
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
}

/** Base class: a human message, a stable code and optional structured details. */
export class PuenteError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** Input that does not satisfy a documented contract (bad parameter, bad field). */
export class ValidationError extends PuenteError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('validation_failed', message, details);
  }
}

/** The referenced thing does not exist (or, later, is not visible to the caller). */
export class NotFoundError extends PuenteError {
  constructor(what: string, id: string) {
    super('not_found', `${what} not found: ${id}`, { what, id });
  }
}

/** The change conflicts with what is stored (a name taken, a one-time setup already done). */
export class ConflictError extends PuenteError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('conflict', message, details);
  }
}

/** A file could not be parsed; carries file, line and field where known. */
export class WatchlistParseError extends PuenteError {
  readonly location: InputLocation;

  constructor(message: string, location: InputLocation, cause?: unknown) {
    super('parse_failed', `${formatLocation(location)}${message}`, { ...location }, cause);
    this.location = location;
  }
}

/** The input's format is not one any list source understands. */
export class UnsupportedFormatError extends PuenteError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('unsupported_format', message, details);
  }
}

/** The input exceeds a configured size limit. */
export class InputTooLargeError extends PuenteError {
  constructor(what: string, size: number, limit: number) {
    super('input_too_large', `${what} is ${size} bytes; the limit is ${limit} bytes`, {
      what,
      size,
      limit,
    });
  }
}

/** The input carries a construct refused for safety (XML DTDs, entity declarations, …). */
export class UnsafeInputError extends PuenteError {
  constructor(message: string, location: InputLocation) {
    super('unsafe_input', `${formatLocation(location)}${message}`, { ...location });
  }
}

/** A remote list source could not be reached or answered badly. */
export class SourceUnavailableError extends PuenteError {
  constructor(url: string, reason: string, cause?: unknown) {
    super('source_unavailable', `could not fetch ${url}: ${reason}`, { url }, cause);
  }
}

/** Configuration (file or environment) is invalid. */
export class ConfigError extends PuenteError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('config_invalid', message, details);
  }
}

/**
 * The caller is not (or no longer) authenticated. Messages stay generic on purpose: they never
 * say whether the user exists, the password was wrong or the account is locked.
 */
export class AuthenticationError extends PuenteError {
  constructor(message = 'authentication required', details: Record<string, unknown> = {}) {
    super('unauthenticated', message, details);
  }
}

/** The caller is authenticated but lacks the permission for this action. */
export class AccessDeniedError extends PuenteError {
  constructor(message = 'not permitted', details: Record<string, unknown> = {}) {
    super('forbidden', message, details);
  }
}

/** Too many attempts from one identity or address; `retryAfterSeconds` says when to retry. */
export class RateLimitedError extends PuenteError {
  constructor(retryAfterSeconds: number) {
    super('rate_limited', `too many attempts; retry in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}

/** Renders `file:line: field: ` for messages; empty when nothing is known. */
export function formatLocation(location: InputLocation): string {
  const where = [location.file, location.line === undefined ? undefined : String(location.line)]
    .filter((part): part is string => part !== undefined)
    .join(':');
  const field = location.field === undefined ? '' : `field ${location.field}: `;
  return `${where === '' ? '' : `${where}: `}${field}`;
}
