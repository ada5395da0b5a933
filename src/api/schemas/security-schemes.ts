/**
 * The two ways to authenticate, as OpenAPI security schemes, and the requirement that routes
 * needing either of them declare.
 *
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';

import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../middleware/authenticate.js';

/** The document's registry, the type `OpenAPIHono` exposes it with. */
export type OpenApiRegistry = OpenAPIHono['openAPIRegistry'];

/** Name of the bearer API key scheme. */
export const BEARER_SCHEME = 'apiKey';
/** Name of the session cookie scheme. */
export const COOKIE_SCHEME = 'sessionCookie';

/** Either scheme is enough (alternatives, not both). */
export const SECURED: Record<string, string[]>[] = [
  { [BEARER_SCHEME]: [] },
  { [COOKIE_SCHEME]: [] },
];

/** For public operations, which override the document's default requirement. */
export const PUBLIC: Record<string, string[]>[] = [];

/**
 * Registers the bearer key and the session cookie as security schemes.
 *
 * @example
 * registerSecuritySchemes(app.openAPIRegistry);
 */
export function registerSecuritySchemes(registry: OpenApiRegistry): void {
  registry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key issued to a service account (`POST /admin/api-keys`), sent as ' +
      '`Authorization: Bearer <key>`. No CSRF token is needed: browsers never add this header.',
  });
  registry.registerComponent('securitySchemes', COOKIE_SCHEME, {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'The browser session set by `POST /auth/login` (Secure, HttpOnly, SameSite=Strict). ' +
      `Unsafe methods (POST, PUT, PATCH, DELETE) must also send the \`csrfToken\` from the login ` +
      `answer (or the \`${CSRF_COOKIE}\` cookie) in the \`${CSRF_HEADER}\` header, or they get 403.`,
  });
}
