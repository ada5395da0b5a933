/**
 * Login, logout, the current identity, password change and TOTP enrolment.
 *
 * @module
 */
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';

import type { Actor } from '../../identity/actor.js';
import type { Services } from '../../services.js';
import type { AuthEnv } from '../middleware/authenticate.js';
import { CSRF_COOKIE, SESSION_COOKIE, clientIp, csrfTokenFor } from '../middleware/authenticate.js';
import { readJson } from '../middleware/read-json.js';
import { ErrorSchema } from '../schemas/common-schemas.js';
import {
  ActorViewSchema,
  LoginResultSchema,
  TotpEnrolmentSchema,
  securedErrorResponses,
} from '../schemas/identity-schemas.js';
import { PUBLIC, SECURED, type OpenApiRegistry } from '../schemas/security-schemes.js';

const LoginSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
  totpCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
const PasswordSchema = z.strictObject({
  current: z.string().min(1).max(1024),
  next: z.string().min(1).max(1024),
});
const CodeSchema = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

/**
 * The public view of an actor.
 *
 * @example
 * c.json(presentActor(actor));
 */
export function presentActor(actor: Actor) {
  return {
    kind: actor.kind,
    id: actor.id,
    name: actor.name,
    organizationId: actor.organizationId,
    country: actor.country,
    roles: actor.roles,
    permissions: [...actor.permissions].sort(),
    clearance: actor.clearance,
  };
}

/** Registers `/auth/*`. */
export function registerAuthRoutes(app: Hono<AuthEnv>, services: Services): void {
  app.post('/auth/login', async (c) => {
    const body = await readJson(c, LoginSchema);
    const result = await services.authenticator.login({ ...body, ip: clientIp(c) });
    const maxAge = Math.floor((Date.parse(result.session.expiresAt) - Date.now()) / 1000);
    const secure = services.config.auth.secureCookies;
    setCookie(c, SESSION_COOKIE, result.token, {
      httpOnly: true,
      secure,
      sameSite: 'Strict',
      path: '/',
      maxAge,
    });
    const csrfToken = csrfTokenFor(result.token);
    setCookie(c, CSRF_COOKIE, csrfToken, { secure, sameSite: 'Strict', path: '/', maxAge });
    return c.json(
      {
        actor: presentActor(result.actor),
        csrfToken,
        mustChangePassword: result.mustChangePassword,
      },
      200,
    );
  });
  app.post('/auth/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token !== undefined) {
      await services.authenticator.logout(token, c.get('audit'));
    }
    clearCookies(c);
    return c.body(null, 204);
  });
  app.get('/auth/me', (c) => c.json(presentActor(c.get('actor')), 200));
  app.post('/auth/password', async (c) => {
    const body = await readJson(c, PasswordSchema);
    await services.accounts.changePassword(c.get('actor'), body.current, body.next, c.get('audit'));
    clearCookies(c);
    return c.body(null, 204);
  });
  app.post('/auth/totp/enrol', async (c) =>
    c.json(await services.accounts.enrolTotp(c.get('actor'), c.get('audit')), 200),
  );
  app.post('/auth/totp/verify', async (c) => {
    const { code } = await readJson(c, CodeSchema);
    await services.accounts.confirmTotp(c.get('actor'), code, c.get('audit'));
    return c.body(null, 204);
  });
}

function clearCookies(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, CSRF_COOKIE, { path: '/' });
}

const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonBody = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } } } });
const NO_CONTENT = { description: 'Done' };

/**
 * Documents `/auth/*` in the OpenAPI document. The handlers read their bodies with `readJson`
 * (which never echoes a rejected value, such as a password), so the routes are described here
 * with the same schemas rather than validated by the OpenAPI layer.
 *
 * @example
 * documentAuthRoutes(app.openAPIRegistry);
 */
export function documentAuthRoutes(registry: OpenApiRegistry): void {
  const tags = ['auth'];
  registry.registerPath({
    method: 'post',
    path: '/auth/login',
    tags,
    summary: 'Log in; sets the session and CSRF cookies',
    security: PUBLIC,
    request: jsonBody(LoginSchema),
    responses: {
      200: json(LoginResultSchema, 'The caller, and the CSRF token for unsafe methods'),
      ...securedErrorResponses,
      429: json(ErrorSchema, 'Too many attempts'),
    },
  });
  const secured = { tags, security: SECURED };
  registry.registerPath({
    ...secured,
    method: 'post',
    path: '/auth/logout',
    summary: 'End the session and clear its cookies',
    responses: { 204: NO_CONTENT, ...securedErrorResponses },
  });
  registry.registerPath({
    ...secured,
    method: 'get',
    path: '/auth/me',
    summary: 'The authenticated caller',
    responses: { 200: json(ActorViewSchema, 'The caller'), ...securedErrorResponses },
  });
  registry.registerPath({
    ...secured,
    method: 'post',
    path: '/auth/password',
    summary: 'Change the own password; ends the session',
    request: jsonBody(PasswordSchema),
    responses: { 204: NO_CONTENT, ...securedErrorResponses },
  });
  registry.registerPath({
    ...secured,
    method: 'post',
    path: '/auth/totp/enrol',
    summary: 'Start TOTP enrolment: a new secret, confirmed by /auth/totp/verify',
    responses: { 200: json(TotpEnrolmentSchema, 'The secret'), ...securedErrorResponses },
  });
  registry.registerPath({
    ...secured,
    method: 'post',
    path: '/auth/totp/verify',
    summary: 'Confirm TOTP enrolment with a current code',
    request: jsonBody(CodeSchema),
    responses: { 204: NO_CONTENT, ...securedErrorResponses },
  });
}
