import { z } from '@hono/zod-openapi';

/** The error body every failing request returns. */
export const ErrorSchema = z
  .object({
    code: z.string().openapi({ example: 'validation_failed' }),
    message: z.string().openapi({ example: 'invalid publication reference "x"' }),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('Error');

/** Standard error responses, to spread into a route's `responses`. */
export const errorResponses = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: 'Not found', content: { 'application/json': { schema: ErrorSchema } } },
  413: { description: 'Body too large', content: { 'application/json': { schema: ErrorSchema } } },
  422: {
    description: 'Input could not be parsed or is unsafe',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  500: { description: 'Server error', content: { 'application/json': { schema: ErrorSchema } } },
} as const;
