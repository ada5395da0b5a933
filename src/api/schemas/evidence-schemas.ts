/**
 * Query parameters of the evidence downloads.
 *
 * @module
 */
import { z } from '@hono/zod-openapi';

const lang = z
  .enum(['es', 'en'])
  .default('es')
  .openapi({ description: 'Language of the document' });

/** `?format=pdf|csv&lang=es|en` of a certificate. */
export const CertificateQuerySchema = z.strictObject({
  format: z.enum(['pdf', 'csv']).default('pdf'),
  lang,
});

/** `?format=pdf|json&lang=es|en` of an evidence pack. */
export const PackQuerySchema = z.strictObject({
  format: z.enum(['pdf', 'json']).default('pdf'),
  lang,
});

/** `?lang=es|en` of a ROS draft. */
export const RosQuerySchema = z.strictObject({ lang });

/** A numeric id in the path. */
export const NumericIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});
