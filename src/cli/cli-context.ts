/**
 * Builds configuration and services for one CLI command from the global options, and closes
 * them afterwards.
 *
 * @module
 */
import { loadConfig, type ConfigOverrides } from '../config.js';
import { createLogger } from '../core/logger.js';
import { createServices, type Services } from '../services.js';

/** Options every command accepts. */
export interface GlobalOptions {
  readonly db?: string;
  readonly config?: string;
  readonly logLevel?: string;
}

/** Loads the configuration for a command, applying global flags and command overrides. */
export function configFor(global: GlobalOptions, overrides: ConfigOverrides = {}) {
  const env =
    global.config === undefined ? process.env : { ...process.env, PUENTE_CONFIG: global.config };
  return loadConfig(env, {
    db: global.db,
    // Commands print their own output; logs stay quiet unless asked for.
    'log.level': global.logLevel ?? process.env.PUENTE_LOG_LEVEL ?? 'warn',
    ...overrides,
  });
}

/** Runs `action` with services, always closing the store. */
export async function withServices<T>(
  global: GlobalOptions,
  action: (services: Services) => Promise<T>,
  overrides: ConfigOverrides = {},
): Promise<T> {
  const config = configFor(global, overrides);
  const services = await createServices(config, createLogger(config.log.level));
  try {
    return await action(services);
  } finally {
    await services.close();
  }
}
