/**
 * Typed, validated configuration: defaults < config file (`puente.config.json` or
 * `PUENTE_CONFIG`) < `PUENTE_*` environment variables < command-line flags. Every setting is
 * documented in `docs/configuration.md`.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './core/errors.js';

const configSchema = z.strictObject({
  db: z.string().min(1).default('./puente.db'),
  server: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z.coerce.number().int().min(0).max(65535).default(8080),
      bodyLimitBytes: z.coerce
        .number()
        .int()
        .positive()
        .default(64 * 1024 * 1024),
    })
    .prefault({}),
  lists: z
    .strictObject({
      /** `auto`: official URLs, falling back to `localDir` when unreachable. */
      mode: z.enum(['auto', 'official', 'local']).default('auto'),
      localDir: z.string().min(1).default('../shared/data'),
      loadOnStart: z.coerce.boolean().default(true),
      maxFileBytes: z.coerce
        .number()
        .int()
        .positive()
        .default(256 * 1024 * 1024),
      fetchTimeoutMs: z.coerce.number().int().positive().default(30_000),
      urls: z.record(z.string(), z.url()).default({}),
    })
    .prefault({}),
  log: z
    .strictObject({
      level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    })
    .prefault({}),
});

/** The validated configuration. */
export type PuenteConfig = z.infer<typeof configSchema>;

/** Environment variables and the config path they set. */
const ENV_VARS: readonly (readonly [string, readonly string[]])[] = [
  ['PUENTE_DB', ['db']],
  ['PUENTE_HOST', ['server', 'host']],
  ['PUENTE_PORT', ['server', 'port']],
  ['PUENTE_BODY_LIMIT_BYTES', ['server', 'bodyLimitBytes']],
  ['PUENTE_LISTS_MODE', ['lists', 'mode']],
  ['PUENTE_DATA_DIR', ['lists', 'localDir']],
  ['PUENTE_LISTS_LOAD_ON_START', ['lists', 'loadOnStart']],
  ['PUENTE_MAX_FILE_BYTES', ['lists', 'maxFileBytes']],
  ['PUENTE_FETCH_TIMEOUT_MS', ['lists', 'fetchTimeoutMs']],
  ['PUENTE_LOG_LEVEL', ['log', 'level']],
];

/** Overrides from the command line, applied last. */
export type ConfigOverrides = Readonly<Record<string, unknown>>;

/**
 * Loads the configuration. Throws `ConfigError` naming the offending setting.
 * @example
 * const config = loadConfig(process.env, { db: ':memory:' });
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigOverrides = {},
): PuenteConfig {
  const raw = readConfigFile(env);
  for (const [name, path] of ENV_VARS) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      setPath(raw, path, name === 'PUENTE_LISTS_LOAD_ON_START' ? value !== 'false' : value);
    }
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) {
      setPath(raw, key.split('.'), value);
    }
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    const envName = ENV_VARS.find(([, path]) => path.join('.') === field)?.[0];
    throw new ConfigError(
      `invalid configuration at ${field || '(root)'}${envName === undefined ? '' : ` (${envName})`}: ${issue?.message ?? 'invalid'}`,
      { field },
    );
  }
  return parsed.data;
}

function readConfigFile(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const explicit = env.PUENTE_CONFIG === '' ? undefined : env.PUENTE_CONFIG;
  const path = resolve(explicit ?? 'puente.config.json');
  if (!existsSync(path)) {
    if (explicit !== undefined) {
      throw new ConfigError(`config file not found: ${path} (PUENTE_CONFIG)`, {
        field: 'PUENTE_CONFIG',
      });
    }
    return {};
  }
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new Error('the top level must be an object');
    }
    return value as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`config file ${path} is not valid JSON: ${(error as Error).message}`, {
      field: 'PUENTE_CONFIG',
    });
  }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const child = node[key];
    if (child === null || typeof child !== 'object') {
      node[key] = {};
    }
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}
