/**
 * Authentication and the route permission table. Browsers authenticate with the session cookie
 * `puente_session` (Secure, HttpOnly, SameSite=Strict) and, for unsafe methods, echo the CSRF
 * token in `X-CSRF-Token` (double submit: the token is derived from the session token, so a
 * cookie planted by another site cannot match it). Systems send `Authorization: Bearer <key>`
 * and need no CSRF token, since browsers never add that header on their own.
 *
 * @module
 */
import { createHash } from 'node:crypto';

import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

import type { RecordViewer } from '../../access/record-viewer.js';
import type { AuditContext } from '../../audit/audit-event.js';
import { AccessDeniedError, AuthenticationError } from '../../core/errors.js';
import type { Actor } from '../../identity/actor.js';
import { Permission } from '../../identity/permissions.js';
import { safeEqual } from '../../identity/secret-tokens.js';
import type { Services } from '../../services.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'puente_session';
/** Name of the cookie holding the CSRF token (readable by the page's script). */
export const CSRF_COOKIE = 'puente_csrf';
/** Header the page echoes the CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

/** What the middleware puts on the context for handlers. */
export interface AuthVariables {
  actor: Actor;
  audit: AuditContext;
}

/** Hono environment of authenticated routes. */
export interface AuthEnv {
  Variables: AuthVariables;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Paths open to everyone. Everything else needs a session or an API key.
 *
 * @example
 * isPublic('GET', '/health'); // true
 */
export function isPublic(method: string, path: string): boolean {
  return (
    path === '/health' ||
    path === '/openapi.json' ||
    path === '/docs' ||
    path.startsWith('/docs/') ||
    (method === 'POST' && path === '/auth/login')
  );
}

/**
 * The permission a path needs before its handler runs; `null` when any authenticated caller
 * may reach it (the handler then checks, as the account and audit routes do).
 */
export function routePermission(method: string, path: string): Permission | null {
  if (path.startsWith('/lists')) {
    const ingest =
      method === 'POST' && (path === '/lists/publications' || path === '/lists/refresh');
    return ingest ? Permission.ListIngest : Permission.ListRead;
  }
  if (path === '/screen' || path.startsWith('/screen/') || path === '/match') {
    return Permission.ScreeningRun;
  }
  return null;
}

/**
 * The CSRF token that belongs to a session token.
 *
 * @example
 * csrfTokenFor(sessionToken);
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`puente-csrf:${sessionToken}`).digest('base64url');
}

/**
 * Authenticates a request to a non-public path: checks the credentials, CSRF and the route
 * permission, and sets `actor` and `audit` on the context.
 *
 * @throws AuthenticationError without valid credentials; AccessDeniedError without the route's
 *   permission or a cookie session's CSRF token.
 * @example
 * if (!isPublic(method, path)) await authenticateRequest(c, services, method, path);
 */
export async function authenticateRequest(
  c: Context,
  services: Services,
  method: string,
  path: string,
): Promise<void> {
  const actor = await actorOf(c, services);
  const permission = routePermission(method, path);
  if (permission !== null && !actor.permissions.has(permission)) {
    throw new AccessDeniedError(`requires the ${permission} permission`, { permission });
  }
  const context = c as unknown as Context<AuthEnv>;
  context.set('actor', actor);
  context.set('audit', {
    actor: { kind: actor.kind, id: actor.id, organizationId: actor.organizationId },
    ip: clientIp(c),
  });
}

async function actorOf(c: Context, services: Services): Promise<Actor> {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const match = /^Bearer ([\x21-\x7e]{1,200})$/.exec(authorization);
    if (match === null) {
      throw new AuthenticationError();
    }
    return services.authenticator.authenticateApiKey(match[1]!);
  }
  const token = getCookie(c, SESSION_COOKIE);
  if (token === undefined || token.length > 200) {
    throw new AuthenticationError();
  }
  const { actor } = await services.authenticator.authenticateSession(token);
  if (
    !SAFE_METHODS.has(c.req.method) &&
    !safeEqual(c.req.header(CSRF_HEADER) ?? '', csrfTokenFor(token))
  ) {
    throw new AccessDeniedError('missing or wrong CSRF token', { header: CSRF_HEADER });
  }
  return actor;
}

/**
 * The client's address from the socket. Forwarding headers are ignored: without a configured
 * trusted proxy they are whatever the client wants them to be.
 */
export function clientIp(c: Context): string | null {
  // In-process requests (`app.request`, tests, benchmarks) carry no socket; answering at once
  // spares a thrown and caught TypeError on each of them.
  const bindings: unknown = c.env;
  if (bindings === undefined || bindings === null) {
    return null;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/**
 * The audit context the middleware set, for handlers typed without `AuthEnv` (the OpenAPI
 * routes); undefined on public paths.
 *
 * @example
 * await services.watchlists.ingestFiles(files, { audit: auditOf(c) });
 */
export function auditOf(c: Context): AuditContext | undefined {
  // Unset on public paths, although the type says otherwise.
  const audit: AuditContext | undefined = (c as unknown as Context<AuthEnv>).get('audit');
  return audit;
}

/**
 * The reader the store filters records for; undefined on public paths (and in the benchmark's
 * application without security).
 *
 * @example
 * const viewer = viewerOf(c);
 */
export function viewerOf(c: Context): RecordViewer | undefined {
  const context = c as unknown as Context<AuthEnv>;
  // Unset on public paths, although the type says otherwise.
  const actor: Actor | undefined = context.get('actor');
  const audit: AuditContext | undefined = context.get('audit');
  return actor === undefined || audit === undefined ? undefined : { actor, audit };
}
