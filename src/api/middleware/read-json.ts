/**
 * Reading a small JSON body against a zod schema. Problems name the field, never echo the
 * value (which may be a password).
 *
 * @module
 */
import type { Context } from 'hono';
import type { z } from 'zod';

import { ValidationError } from '../../core/errors.js';

/**
 * The parsed body.
 *
 * @throws ValidationError for invalid JSON or a value outside the schema.
 * @example
 * const body = await readJson(c, LoginSchema);
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ValidationError('the body must be JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new ValidationError(`invalid field ${field === '' ? '(body)' : field}`, { field });
  }
  return parsed.data;
}
