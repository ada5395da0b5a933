/**
 * Structured logs (JSON lines on stderr, so stdout stays free for command output).
 *
 * @module
 */
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Creates the process logger at the given level. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'puente' } }, pino.destination(2));
}
