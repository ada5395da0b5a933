/**
 * Services over a fresh in-memory SQLite store, for HTTP and service tests.
 *
 * @module
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type ConfigOverrides } from '../../src/config.js';
import { createLogger } from '../../src/core/logger.js';
import { createServices, type Services } from '../../src/services.js';

/** The repository's test fixtures folder. */
export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** Two small OFAC publications (2024-05-01 and 2024-05-02). */
export const HISTORY_FIXTURE = join(FIXTURES, 'lists', 'history');

/** Creates services on `:memory:` with lists not loaded on start unless overridden. */
export async function createTestServices(overrides: ConfigOverrides = {}): Promise<Services> {
  const config = loadConfig(
    { PUENTE_CONFIG: undefined },
    {
      db: ':memory:',
      'lists.loadOnStart': false,
      // Tests that want re-screens on ingest turn this back on; the rest drive runs themselves.
      'monitoring.rescreenOnIngest': false,
      'log.level': 'silent',
      // Cheap password hashes, and a signing key that never lands in the home folder.
      'auth.passwordHashCost': 10,
      'audit.signingKeyPath': join(mkdtempSync(join(tmpdir(), 'puente-key-')), 'audit.pem'),
      'auth.totpKeyPath': join(mkdtempSync(join(tmpdir(), 'puente-totp-')), 'totp.key'),
      ...overrides,
    },
  );
  return createServices(config, createLogger(config.log.level));
}
