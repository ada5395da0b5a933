/**
 * Exit codes of the `puente` command (BSD sysexits where one fits), one per error code.
 *
 * @module
 */
import type { ErrorCode } from '../core/errors.js';

/** Exit codes by stable error code. */
export const EXIT_CODES: Readonly<Record<ErrorCode, number>> = {
  validation_failed: 64,
  not_found: 66,
  parse_failed: 65,
  unsupported_format: 65,
  unsafe_input: 65,
  input_too_large: 65,
  conflict: 75,
  source_unavailable: 69,
  config_invalid: 78,
  unauthenticated: 77,
  forbidden: 77,
  rate_limited: 75,
  internal_error: 70,
};

/** Exit code for an error that is not a `PuenteError`. */
export const EXIT_UNEXPECTED = 70;
