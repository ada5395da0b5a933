/**
 * A real Puente server for the browser tests: the web application freshly built, a temporary
 * SQLite file, the first OFAC fixture publication loaded on start, and one account per role the
 * flow needs.
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AuditContext } from '../../../src/audit/audit-event.js';
import { startServer, type RunningServer } from '../../../src/server.js';
import type { Services } from '../../../src/services.js';
import { createTestServices, HISTORY_FIXTURE } from '../../support/test-services.js';

/** The repository root. */
export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The newer fixture publication the flow uploads. */
export const NEWER_PUBLICATION = join(HISTORY_FIXTURE, 'sdn-2024-05-02.csv');

/** Password of every account of the browser tests. */
export const PASSWORD = 'a long browser test pass phrase';

/** Accounts by role: username → roles. */
export const ACCOUNTS = {
  root: ['administrator'],
  ana: ['analyst'],
  aud: ['auditor'],
  rev: ['compliance-officer'],
} as const;

const SETUP: AuditContext = { actor: { kind: 'system', id: 'web-e2e', organizationId: null } };

/** A running server and how to stop it. */
export interface WebServer {
  readonly url: string;
  readonly services: Services;
  close(): Promise<void>;
}

/**
 * Builds the web application into `dist/web` (as `npm run build` does), so the test drives the
 * current sources.
 */
export function buildWebApp(): void {
  execFileSync(
    process.execPath,
    [join(REPOSITORY_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: REPOSITORY_ROOT, stdio: 'inherit' },
  );
}

/**
 * Starts the server on an ephemeral port over a new SQLite file.
 *
 * @example
 * const server = await startWebServer();
 */
export async function startWebServer(): Promise<WebServer> {
  const work = mkdtempSync(join(tmpdir(), 'puente-web-e2e-'));
  const lists = join(work, 'lists');
  mkdirSync(lists);
  copyFileSync(join(HISTORY_FIXTURE, 'sdn-2024-05-01.csv'), join(lists, 'sdn-2024-05-01.csv'));
  const services = await createTestServices({
    db: join(work, 'puente.db'),
    'server.port': 0,
    'lists.loadOnStart': true,
    'lists.mode': 'local',
    'lists.localDir': lists,
    // As in production: an ingest that stores a new publication re-screens the portfolios.
    'monitoring.rescreenOnIngest': true,
  });
  await createAccounts(services);
  let server: RunningServer;
  try {
    server = await startServer(services);
  } catch (error) {
    await services.close();
    throw error;
  }
  return {
    url: server.url,
    services,
    close: async () => {
      await server.close();
      await services.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

async function createAccounts(services: Services): Promise<void> {
  const organization = { name: 'UIAF', kind: 'agency' as const, country: 'COL' };
  await services.accounts.bootstrap(
    { organization, username: 'root', displayName: 'Rocío Administradora', password: PASSWORD },
    SETUP,
  );
  const { actor: admin } = await services.authenticator.login({
    username: 'root',
    password: PASSWORD,
    ip: null,
  });
  const people = {
    ana: 'Ana Analista',
    aud: 'Aurelio Auditor',
    rev: 'Rebeca Oficial de Cumplimiento',
  } as const;
  for (const username of ['ana', 'aud', 'rev'] as const) {
    await services.accounts.createUser(
      admin,
      {
        username,
        displayName: people[username],
        roles: ACCOUNTS[username],
        clearance: 'secret',
        password: PASSWORD,
      },
      SETUP,
    );
  }
}
