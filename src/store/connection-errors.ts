/**
 * Turning connection failures into `PuenteError`s whose messages are safe to show and log:
 * a database URL never appears with its password.
 *
 * @module
 */
import { ConfigError, PuenteError } from '../core/errors.js';

/**
 * The URL with its password replaced by `***`; a placeholder when it does not parse, since the
 * raw text could hold a password in a place we cannot recognise.
 *
 * @example
 * redactUrl('postgres://app:secret@db:5432/puente'); // 'postgres://app:***@db:5432/puente'
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') {
      parsed.password = '***';
    }
    return parsed.toString();
  } catch {
    return '<invalid URL>';
  }
}

/**
 * The message of any thrown value. Some socket errors (an `AggregateError` for a refused
 * dual-stack connection) carry an empty message and only a `code`.
 *
 * @example
 * errorText(new Error('boom')); // 'boom'
 */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (error.message !== '') {
      return error.message;
    }
    return typeof code === 'string' ? code : error.name;
  }
  return String(error);
}

/** PostgreSQL error codes that mean the configuration, not the server, is wrong. */
const CONFIG_SQLSTATES: Readonly<Record<string, string>> = {
  '28000': 'the role is not allowed to connect',
  '28P01': 'password authentication failed',
  '3D000': 'the database does not exist',
};

/**
 * Classifies a failure to reach PostgreSQL: wrong credentials or database name are
 * `config_invalid`; anything else (refused, timed out, unknown host) is `source_unavailable`.
 *
 * @example
 * throw postgresConnectionError(url, error);
 */
export function postgresConnectionError(url: string, error: unknown): PuenteError {
  const location = redactUrl(url);
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  const configProblem = typeof code === 'string' ? CONFIG_SQLSTATES[code] : undefined;
  if (configProblem !== undefined) {
    return new PuenteError(
      'config_invalid',
      `cannot use PostgreSQL at ${location}: ${configProblem} (${errorText(error)})`,
      { url: location },
      error,
    );
  }
  return new PuenteError(
    'source_unavailable',
    `cannot connect to PostgreSQL at ${location}: ${errorText(error)}`,
    { url: location },
    error,
  );
}

/**
 * A SQLite file that cannot be created or opened (bad path, permissions, not a database).
 *
 * @example
 * throw sqliteOpenError('./puente.db', error);
 */
export function sqliteOpenError(filename: string, error: unknown): ConfigError {
  return new ConfigError(`cannot open SQLite database ${filename}: ${errorText(error)}`, {
    filename,
  });
}
