/**
 * Authenticated requests for API tests: bootstraps an administrator and a service account whose
 * API key carries the administrator's list and screening permissions.
 *
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';

import type { AuditContext } from '../../src/audit/audit-event.js';
import type { Actor } from '../../src/identity/actor.js';
import type { Services } from '../../src/services.js';

/** The password of every test administrator. */
export const TEST_ADMIN_PASSWORD = 'test administrator passphrase';

const SETUP: AuditContext = { actor: { kind: 'system', id: 'test-setup', organizationId: null } };

/** What `bootstrapApiKey` returns. */
export interface TestCredentials {
  readonly key: string;
  readonly admin: Actor;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Creates the first organization and administrator (`root`), and an API key for a service
 * account of that organization.
 *
 * @example
 * const { headers } = await bootstrapApiKey(services);
 */
export async function bootstrapApiKey(
  services: Services,
  permissions: readonly string[] = ['list.read', 'list.ingest', 'screening.run'],
): Promise<TestCredentials> {
  const organization = { name: 'Test agency', kind: 'agency' as const, country: 'COL' };
  await services.accounts.bootstrap(
    { organization, username: 'root', displayName: 'Root', password: TEST_ADMIN_PASSWORD },
    SETUP,
  );
  const { actor: admin } = await services.authenticator.login({
    username: 'root',
    password: TEST_ADMIN_PASSWORD,
    ip: null,
  });
  const account = await services.apiKeys.createServiceAccount(
    admin,
    'test-system',
    'secret',
    SETUP,
  );
  const issued = await services.apiKeys.issueApiKey(
    admin,
    { serviceAccountId: account.id, name: 'test', permissions, days: 1 },
    SETUP,
  );
  return { key: issued.secret, admin, headers: { authorization: `Bearer ${issued.secret}` } };
}

/**
 * `app.request` with the bearer key added to every call.
 *
 * @example
 * const request = authedRequest(app, key);
 * await request('/lists');
 */
export function authedRequest(app: OpenAPIHono, key: string) {
  return (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${key}`);
    return Promise.resolve(app.request(path, { ...init, headers }));
  };
}
