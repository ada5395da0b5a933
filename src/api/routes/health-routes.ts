import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';

import { PUBLIC } from '../schemas/security-schemes.js';

const HealthSchema = z
  .object({ status: z.literal('ok'), store: z.enum(['sqlite', 'postgres']) })
  .openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness: the server answers and knows its store',
  security: PUBLIC,
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
  },
});

/** Registers the public health endpoint. */
export function registerHealthRoutes(app: OpenAPIHono, storeKind: 'sqlite' | 'postgres'): void {
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const, store: storeKind }, 200));
}
