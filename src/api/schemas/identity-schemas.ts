/**
 * Response schemas of the identity, administration and audit endpoints, for the OpenAPI
 * document. They describe what the services return; the handlers send those objects as they are.
 *
 * @module
 */
import { z } from '@hono/zod-openapi';

import { CLASSIFICATION_LEVELS } from '../../core/classification.js';
import { ROLES } from '../../identity/permissions.js';
import { ErrorSchema } from './common-schemas.js';

const Timestamp = z.string().openapi({ example: '2026-11-25T14:00:00.000Z' });
const Clearance = z.enum(CLASSIFICATION_LEVELS);
const Role = z.enum(ROLES);

/** The public view of the caller (`presentActor`). */
export const ActorViewSchema = z
  .object({
    kind: z.enum(['user', 'service']),
    id: z.string(),
    name: z.string(),
    organizationId: z.string(),
    country: z.string().openapi({ example: 'COL' }),
    roles: z.array(Role),
    permissions: z.array(z.string()),
    clearance: Clearance,
  })
  .openapi('Actor');

/** What a successful login answers; the session itself travels in the cookie. */
export const LoginResultSchema = z
  .object({
    actor: ActorViewSchema,
    csrfToken: z.string().openapi({ description: 'Echo in `X-CSRF-Token` on unsafe methods' }),
    mustChangePassword: z.boolean(),
  })
  .openapi('LoginResult');

/** A TOTP secret to enrol in an authenticator app. */
export const TotpEnrolmentSchema = z
  .object({ secret: z.string(), uri: z.string().openapi({ example: 'otpauth://totp/…' }) })
  .openapi('TotpEnrolment');

/** An organization. */
export const OrganizationViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['agency', 'company']),
    country: z.string(),
    createdAt: Timestamp,
  })
  .openapi('Organization');

/** A user, without secrets. */
export const UserViewSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(Role),
    clearance: Clearance,
    status: z.enum(['active', 'disabled']),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
    createdAt: Timestamp,
  })
  .openapi('User');

/** A service account. */
export const ServiceAccountViewSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    name: z.string(),
    clearance: Clearance,
    status: z.enum(['active', 'disabled']),
    createdAt: Timestamp,
  })
  .openapi('ServiceAccount');

/** A stored API key, without its secret. */
export const ApiKeyViewSchema = z
  .object({
    id: z.string(),
    serviceAccountId: z.string(),
    name: z.string(),
    permissions: z.array(z.string()),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    revokedAt: Timestamp.nullable(),
    lastUsedAt: Timestamp.nullable(),
  })
  .openapi('ApiKey');

/** The API keys of the organization's service accounts, as the administration lists them. */
export const ApiKeyListSchema = z
  .object({
    apiKeys: z.array(ApiKeyViewSchema.extend({ serviceAccountName: z.string() })),
  })
  .openapi('ApiKeyList');

/** A newly issued key: the secret is shown once and never stored. */
export const IssuedApiKeySchema = z
  .object({ key: ApiKeyViewSchema, secret: z.string() })
  .openapi('IssuedApiKey');

/** The roles and the permissions each grants. */
export const RolesViewSchema = z
  .object({ roles: z.array(z.object({ role: Role, permissions: z.array(z.string()) })) })
  .openapi('Roles');

/** A stored, chained audit event. */
export const AuditEventSchema = z
  .object({
    seq: z.number().int(),
    at: Timestamp,
    actorKind: z.enum(['user', 'service', 'os-user', 'system', 'anonymous']),
    actorId: z.string(),
    organizationId: z.string().nullable(),
    action: z.string().openapi({ example: 'screening.run' }),
    targetType: z.string(),
    targetId: z.string(),
    outcome: z.enum(['success', 'denied', 'failure']),
    ip: z.string().nullable(),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEvent');

/** The result of verifying the whole chain. */
export const AuditChainReportSchema = z
  .union([
    z.object({
      intact: z.literal(true),
      count: z.number().int(),
      head: z.object({ seq: z.number().int(), hash: z.string() }),
    }),
    z.object({
      intact: z.literal(false),
      count: z.number().int(),
      brokenSeq: z.number().int(),
      reason: z.enum([
        'hash_mismatch',
        'broken_link',
        'missing_event',
        'out_of_order',
        'head_mismatch',
        'checkpoint_mismatch',
      ]),
      message: z.string(),
    }),
  ])
  .openapi('AuditChainReport');

const errorJson = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

/** Error responses of routes that need a session or an API key. */
export const securedErrorResponses = {
  400: errorJson('Invalid input'),
  401: errorJson('No valid session or API key'),
  403: errorJson('Missing permission, or missing or wrong CSRF token'),
  404: errorJson('Not found'),
  413: errorJson('Body too large'),
  500: errorJson('Server error'),
} as const;
