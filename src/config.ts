/**
 * Typed, validated configuration: defaults < config file (`puente.config.json` or
 * `PUENTE_CONFIG`) < `PUENTE_*` environment variables < command-line flags. Every setting is
 * documented in `docs/configuration.md`.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
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
  auth: z
    .strictObject({
      sessionMaxAgeMinutes: z.coerce
        .number()
        .int()
        .min(5)
        .max(7 * 24 * 60)
        .default(480),
      sessionIdleMinutes: z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .default(30),
      maxFailedLogins: z.coerce.number().int().min(1).max(100).default(5),
      lockoutMinutes: z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .default(15),
      loginAttemptsPerMinute: z.coerce.number().int().min(1).max(10_000).default(10),
      /** log2 of scrypt's N; only tests should lower it (see identity/password.ts). */
      passwordHashCost: z.coerce.number().int().min(10).max(20).default(15),
      /** Off only for plain-HTTP development: the session cookie then lacks `Secure`. */
      secureCookies: z.coerce.boolean().default(true),
      /** How long another process's revocation may take to apply here (ADR 0009); 0 = no cache. */
      principalCacheSeconds: z.coerce.number().int().min(0).max(60).default(5),
      /** AES-256-GCM key that encrypts TOTP secrets; generated on first use; keep outside the repo. */
      totpKeyPath: z
        .string()
        .min(1)
        .default(join(homedir(), '.puente', 'totp.key')),
    })
    .prefault({}),
  audit: z
    .strictObject({
      /** Ed25519 key that signs checkpoints; generated on first use; keep outside the repo. */
      signingKeyPath: z
        .string()
        .min(1)
        .default(join(homedir(), '.puente', 'audit-ed25519.pem')),
      checkpointEvery: z.coerce.number().int().min(1).default(1000),
    })
    .prefault({}),
  monitoring: z
    .strictObject({
      /** Score at which a counterparty's match raises an alert. */
      threshold: z.coerce.number().min(0.5).max(1).default(0.8),
      /** Minutes between scheduled list refreshes and re-screens; 0 turns the schedule off. */
      listRefreshMinutes: z.coerce
        .number()
        .int()
        .min(0)
        .max(7 * 24 * 60)
        .default(0),
      /**
       * Queue a delta re-screen of every portfolio whenever an ingest stores a new publication
       * (upload, refresh, CLI). Off only for tests that drive runs themselves.
       */
      rescreenOnIngest: z.coerce.boolean().default(true),
    })
    .prefault({}),
  notifications: z
    .strictObject({
      /** AES-256-GCM key that encrypts webhook secrets; generated on first use; keep outside the repo. */
      secretsKeyPath: z
        .string()
        .min(1)
        .default(join(homedir(), '.puente', 'secrets.key')),
      maxAttempts: z.coerce.number().int().min(1).max(50).default(8),
      baseDelaySeconds: z.coerce.number().int().min(1).max(3600).default(30),
      maxDelayMinutes: z.coerce
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 60)
        .default(360),
      webhookTimeoutMs: z.coerce.number().int().min(100).max(120_000).default(10_000),
      /** Plain-HTTP webhook URLs; only for development and tests. */
      allowHttpWebhooks: z.coerce.boolean().default(false),
      smtp: z
        .strictObject({
          /** No host: e-mail subscriptions stay queued and are retried until one is set. */
          host: z.string().min(1).optional(),
          port: z.coerce.number().int().min(1).max(65535).default(587),
          secure: z.coerce.boolean().default(false),
          requireTls: z.coerce.boolean().default(true),
          user: z.string().min(1).optional(),
          password: z.string().optional(),
          from: z.string().min(3).default('Puente <puente@localhost>'),
        })
        .prefault({}),
    })
    .prefault({}),
  jobs: z
    .strictObject({
      /** How often an idle worker looks for work (in-process queue on SQLite). */
      pollIntervalMs: z.coerce.number().int().min(50).max(60_000).default(1000),
      /** PostgreSQL schema of the pg-boss queue tables. */
      pgBossSchema: z
        .string()
        .regex(/^[a-z_][a-z0-9_]{0,62}$/)
        .default('pgboss'),
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
  ['PUENTE_SESSION_MAX_AGE_MINUTES', ['auth', 'sessionMaxAgeMinutes']],
  ['PUENTE_SESSION_IDLE_MINUTES', ['auth', 'sessionIdleMinutes']],
  ['PUENTE_MAX_FAILED_LOGINS', ['auth', 'maxFailedLogins']],
  ['PUENTE_LOCKOUT_MINUTES', ['auth', 'lockoutMinutes']],
  ['PUENTE_LOGIN_ATTEMPTS_PER_MINUTE', ['auth', 'loginAttemptsPerMinute']],
  ['PUENTE_PASSWORD_HASH_COST', ['auth', 'passwordHashCost']],
  ['PUENTE_SECURE_COOKIES', ['auth', 'secureCookies']],
  ['PUENTE_PRINCIPAL_CACHE_SECONDS', ['auth', 'principalCacheSeconds']],
  ['PUENTE_TOTP_KEY_PATH', ['auth', 'totpKeyPath']],
  ['PUENTE_AUDIT_KEY_PATH', ['audit', 'signingKeyPath']],
  ['PUENTE_AUDIT_CHECKPOINT_EVERY', ['audit', 'checkpointEvery']],
  ['PUENTE_SECRETS_KEY_PATH', ['notifications', 'secretsKeyPath']],
  ['PUENTE_NOTIFY_MAX_ATTEMPTS', ['notifications', 'maxAttempts']],
  ['PUENTE_NOTIFY_BASE_DELAY_SECONDS', ['notifications', 'baseDelaySeconds']],
  ['PUENTE_NOTIFY_MAX_DELAY_MINUTES', ['notifications', 'maxDelayMinutes']],
  ['PUENTE_WEBHOOK_TIMEOUT_MS', ['notifications', 'webhookTimeoutMs']],
  ['PUENTE_WEBHOOKS_ALLOW_HTTP', ['notifications', 'allowHttpWebhooks']],
  ['PUENTE_SMTP_HOST', ['notifications', 'smtp', 'host']],
  ['PUENTE_SMTP_PORT', ['notifications', 'smtp', 'port']],
  ['PUENTE_SMTP_SECURE', ['notifications', 'smtp', 'secure']],
  ['PUENTE_SMTP_REQUIRE_TLS', ['notifications', 'smtp', 'requireTls']],
  ['PUENTE_SMTP_USER', ['notifications', 'smtp', 'user']],
  ['PUENTE_SMTP_PASSWORD', ['notifications', 'smtp', 'password']],
  ['PUENTE_SMTP_FROM', ['notifications', 'smtp', 'from']],
  ['PUENTE_JOBS_POLL_MS', ['jobs', 'pollIntervalMs']],
  ['PUENTE_PGBOSS_SCHEMA', ['jobs', 'pgBossSchema']],
  ['PUENTE_MONITORING_THRESHOLD', ['monitoring', 'threshold']],
  ['PUENTE_LIST_REFRESH_MINUTES', ['monitoring', 'listRefreshMinutes']],
  ['PUENTE_RESCREEN_ON_INGEST', ['monitoring', 'rescreenOnIngest']],
];

/** Variables read as booleans: anything but `false` is true. */
const BOOLEAN_VARS: ReadonlySet<string> = new Set([
  'PUENTE_LISTS_LOAD_ON_START',
  'PUENTE_SECURE_COOKIES',
  'PUENTE_WEBHOOKS_ALLOW_HTTP',
  'PUENTE_SMTP_SECURE',
  'PUENTE_SMTP_REQUIRE_TLS',
  'PUENTE_RESCREEN_ON_INGEST',
]);

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
      setPath(raw, path, BOOLEAN_VARS.has(name) ? value !== 'false' : value);
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
