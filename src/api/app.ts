/**
 * The HTTP application: routes, the OpenAPI 3.1 document at `/openapi.json`, a browsable
 * reference at `/docs`, body limits and the one error handler.
 *
 * @module
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { InputTooLargeError, ValidationError } from '../core/errors.js';
import type { Services } from '../services.js';
import { registerDocsRoutes } from './docs.js';
import { registerSecurity } from './security.js';
import { createErrorHandler } from './error-handler.js';
import { registerHealthRoutes } from './routes/health-routes.js';
import { registerListRoutes } from './routes/list-routes.js';
import { registerMarkingRoutes } from './routes/marking-routes.js';
import { registerScreeningRoutes } from './routes/screening-routes.js';
import { registerAlertRoutes } from './routes/alert-routes.js';
import { registerPortfolioRoutes } from './routes/portfolio-routes.js';
import { registerEvidenceRoutes } from './routes/evidence-routes.js';
import { registerWebhookRoutes } from './routes/webhook-routes.js';
import { defaultWebDir, registerWebApp } from './web-app.js';

/** Version reported in the OpenAPI document. */
export const API_VERSION = '0.1.0';

/** How to build the application. Production code passes nothing. */
export interface CreateAppOptions {
  /**
   * Leaves out authentication, permission checks, screening audit and the `/auth`, `/admin` and
   * `/audit` routes, so every route is open. Only for benchmarks measuring what security costs;
   * never set by the server or the CLI.
   */
  readonly insecureWithoutSecurityForBenchmarks?: boolean;
  /** Folder of the built web application; default `dist/web` (see `web-app.ts`). */
  readonly webDir?: string;
}

/**
 * Builds the application over the given services, secure unless told otherwise.
 *
 * @example
 * const app = createApp(services);
 */
export function createApp(services: Services, options: CreateAppOptions = {}): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = issue?.path.join('.') ?? '';
        throw new ValidationError(
          `${field === '' ? 'request' : field}: ${issue?.message ?? 'invalid'}`,
          {
            field,
          },
        );
      }
      return undefined;
    },
  });
  const limit = services.config.server.bodyLimitBytes;
  app.use(
    '*',
    bodyLimit({
      maxSize: limit,
      onError: () => {
        throw new InputTooLargeError('request body', limit + 1, limit);
      },
    }),
  );
  app.onError(createErrorHandler(services.logger));
  app.notFound((c) =>
    c.json({ code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` }, 404),
  );
  // Before security: the page and its assets are public; the API calls they make are not.
  registerWebApp(app, options.webDir ?? defaultWebDir());
  if (options.insecureWithoutSecurityForBenchmarks !== true) {
    registerSecurity(app, services);
  }
  registerHealthRoutes(app, services.store.kind);
  registerListRoutes(app, services);
  registerMarkingRoutes(app, services);
  registerScreeningRoutes(app, services);
  registerPortfolioRoutes(app, services);
  registerAlertRoutes(app, services);
  registerEvidenceRoutes(app, services);
  registerWebhookRoutes(app, services);
  registerDocsRoutes(app);
  return app;
}
