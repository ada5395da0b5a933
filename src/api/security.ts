/**
 * Wires authentication, the permission table and the identity, administration and audit routes
 * into the application. Registered before every other route, so no route can be reached
 * without passing `authenticate` (public paths are listed there).
 *
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

import { InputTooLargeError } from '../core/errors.js';
import type { Services } from '../services.js';
import { auditOf, authenticateRequest, isPublic } from './middleware/authenticate.js';
import type { AuthEnv } from './middleware/authenticate.js';
import { documentAdminRoutes, registerAdminRoutes } from './routes/admin-routes.js';
import { documentAuditRoutes, registerAuditRoutes } from './routes/audit-routes.js';
import { documentAuthRoutes, registerAuthRoutes } from './routes/auth-routes.js';
import { registerSecuritySchemes } from './schemas/security-schemes.js';

/** Largest body of an account or login request; these are small JSON documents. */
export const ACCOUNT_BODY_LIMIT_BYTES = 16 * 1024;

/**
 * Registers the security middleware and the `/auth`, `/admin` and `/audit` routes.
 *
 * @example
 * registerSecurity(app, services); // before the other routes
 */
export function registerSecurity(app: OpenAPIHono, services: Services): void {
  const small = bodyLimit({
    maxSize: ACCOUNT_BODY_LIMIT_BYTES,
    onError: () => {
      throw new InputTooLargeError(
        'request body',
        ACCOUNT_BODY_LIMIT_BYTES + 1,
        ACCOUNT_BODY_LIMIT_BYTES,
      );
    },
  });
  app.use('/auth/*', small);
  app.use('/admin/*', small);
  // One middleware for both: every layer of middleware costs each request a dispatch and an
  // awaited call, whatever it does.
  app.use('*', authenticateAndAuditScreening(services));
  // The routes read `actor` and `audit` from the context, which `authenticateRequest` sets.
  const secured = app as unknown as Hono<AuthEnv>;
  registerAuthRoutes(secured, services);
  registerAdminRoutes(secured, services);
  registerAuditRoutes(secured, services);
  documentSecurity(app);
}

/**
 * Adds the security schemes and the `/auth`, `/admin` and `/audit` operations to the OpenAPI
 * document. Independent of the middleware, so the document is the same whichever way the
 * application is built.
 *
 * @example
 * documentSecurity(app);
 */
export function documentSecurity(app: OpenAPIHono): void {
  registerSecuritySchemes(app.openAPIRegistry);
  documentAuthRoutes(app.openAPIRegistry);
  documentAdminRoutes(app.openAPIRegistry);
  documentAuditRoutes(app.openAPIRegistry);
}

/**
 * Authenticates every non-public request (`authenticateRequest`), then records who screened,
 * when and from where. Screening changes nothing, so the event stands alone; the names screened
 * stay out of the trail, which every auditor may read. The event is committed before the
 * response leaves: the handler's response is sent only once this middleware returns.
 */
function authenticateAndAuditScreening(services: Services): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    const path = c.req.path;
    if (isPublic(method, path)) {
      await next();
      return;
    }
    await authenticateRequest(c, services, method, path);
    await next();
    const audit = auditOf(c);
    if (audit !== undefined && c.res.status < 400 && isScreening(path)) {
      const input = { action: 'screening.run', targetType: 'endpoint', targetId: path };
      await services.store.audit.append(audit, input);
    }
  };
}

function isScreening(path: string): boolean {
  return path === '/screen' || path.startsWith('/screen/') || path === '/match';
}
