/**
 * Account administration over HTTP: organizations, users, roles, password resets, service
 * accounts and API keys. Every handler goes through `AccountAdmin`/`ApiKeyAdmin`, which check
 * the permission and keep administrators inside their organization.
 *
 * @module
 */
import type { Hono } from 'hono';
import { z } from 'zod';

import { CLASSIFICATION_LEVELS } from '../../core/classification.js';
import { ROLES, ROLE_PERMISSIONS, Permission } from '../../identity/permissions.js';
import { requirePermission } from '../../identity/actor.js';
import type { Services } from '../../services.js';
import type { AuthEnv } from '../middleware/authenticate.js';
import { readJson } from '../middleware/read-json.js';
import {
  ApiKeyListSchema,
  ApiKeyViewSchema,
  IssuedApiKeySchema,
  OrganizationViewSchema,
  RolesViewSchema,
  ServiceAccountViewSchema,
  UserViewSchema,
  securedErrorResponses,
} from '../schemas/identity-schemas.js';
import { SECURED, type OpenApiRegistry } from '../schemas/security-schemes.js';

const Id = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const Text = z.string().min(1).max(200);
const Password = z.string().min(1).max(1024);
const OrganizationSchema = z.strictObject({
  name: Text,
  kind: z.enum(['agency', 'company']),
  country: z.string().length(3),
});
const UserSchema = z.strictObject({
  organizationId: Id.optional(),
  username: z.string().min(2).max(64),
  displayName: Text,
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  clearance: z.enum(CLASSIFICATION_LEVELS),
  password: Password,
});
const UserChangesSchema = z.strictObject({
  displayName: Text.optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
  clearance: z.enum(CLASSIFICATION_LEVELS).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
const ServiceAccountSchema = z.strictObject({
  name: Text,
  clearance: z.enum(CLASSIFICATION_LEVELS),
});
const ApiKeySchema = z.strictObject({
  serviceAccountId: Id,
  name: Text,
  permissions: z.array(z.string().max(40)).min(1).max(20),
  days: z.number().int(),
});
const ResetSchema = z.strictObject({ password: Password });

/** Registers `/admin/*`. */
export function registerAdminRoutes(app: Hono<AuthEnv>, services: Services): void {
  const { accounts, apiKeys } = services;
  app.get('/admin/roles', (c) => {
    requirePermission(c.get('actor'), Permission.UserManage);
    return c.json(
      { roles: ROLES.map((role) => ({ role, permissions: ROLE_PERMISSIONS[role] })) },
      200,
    );
  });
  app.get('/admin/organizations', async (c) => {
    requirePermission(c.get('actor'), Permission.OrganizationManage);
    return c.json({ organizations: await services.store.identity.listOrganizations() }, 200);
  });
  app.post('/admin/organizations', async (c) =>
    c.json(
      await accounts.createOrganization(
        c.get('actor'),
        await readJson(c, OrganizationSchema),
        c.get('audit'),
      ),
      201,
    ),
  );
  app.get('/admin/users', async (c) =>
    c.json({ users: await accounts.listUsers(c.get('actor')) }, 200),
  );
  app.post('/admin/users', async (c) =>
    c.json(
      await accounts.createUser(c.get('actor'), await readJson(c, UserSchema), c.get('audit')),
      201,
    ),
  );
  app.get('/admin/users/:id', async (c) =>
    c.json(await accounts.getUser(c.get('actor'), idOf(c.req.param('id'))), 200),
  );
  app.patch('/admin/users/:id', async (c) =>
    c.json(
      await accounts.updateUser(
        c.get('actor'),
        idOf(c.req.param('id')),
        await readJson(c, UserChangesSchema),
        c.get('audit'),
      ),
      200,
    ),
  );
  app.post('/admin/users/:id/password', async (c) => {
    const { password } = await readJson(c, ResetSchema);
    await accounts.resetPassword(c.get('actor'), idOf(c.req.param('id')), password, c.get('audit'));
    return c.body(null, 204);
  });
  app.get('/admin/service-accounts', async (c) =>
    c.json({ serviceAccounts: await apiKeys.listServiceAccounts(c.get('actor')) }, 200),
  );
  app.post('/admin/service-accounts', async (c) => {
    const body = await readJson(c, ServiceAccountSchema);
    return c.json(
      await apiKeys.createServiceAccount(c.get('actor'), body.name, body.clearance, c.get('audit')),
      201,
    );
  });
  app.get('/admin/api-keys', async (c) =>
    c.json({ apiKeys: await apiKeys.listApiKeys(c.get('actor')) }, 200),
  );
  app.post('/admin/api-keys', async (c) => {
    const issued = await apiKeys.issueApiKey(
      c.get('actor'),
      await readJson(c, ApiKeySchema),
      c.get('audit'),
    );
    return c.json({ key: issued.key, secret: issued.secret }, 201);
  });
  app.delete('/admin/api-keys/:id', async (c) =>
    c.json(
      await apiKeys.revokeApiKey(c.get('actor'), idOf(c.req.param('id')), c.get('audit')),
      200,
    ),
  );
}

/**
 * An id path parameter. Ids never contain other characters, so anything else becomes an id that
 * exists nowhere: the caller gets the same "not found" as for any unknown id, and the odd input
 * is never echoed back.
 */
function idOf(value: string): string {
  return Id.safeParse(value).success ? value : '00000000-0000-0000-0000-000000000000';
}

const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonBody = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } } } });
const idParam = (description: string) => ({ params: z.object({ id: Id.describe(description) }) });

/**
 * Documents `/admin/*` in the OpenAPI document, with the schemas the handlers read bodies with
 * (through `readJson`, which names a rejected field without echoing its value).
 *
 * @example
 * documentAdminRoutes(app.openAPIRegistry);
 */
export function documentAdminRoutes(registry: OpenApiRegistry): void {
  const base = { tags: ['admin'], security: SECURED };
  const paths: Parameters<OpenApiRegistry['registerPath']>[0][] = [
    {
      ...base,
      method: 'get',
      path: '/admin/roles',
      summary: 'Roles and their permissions (user.manage)',
      responses: { 200: json(RolesViewSchema, 'The roles'), ...securedErrorResponses },
    },
    {
      ...base,
      method: 'get',
      path: '/admin/organizations',
      summary: 'Every organization (organization.manage)',
      responses: {
        200: json(z.object({ organizations: z.array(OrganizationViewSchema) }), 'Organizations'),
        ...securedErrorResponses,
      },
    },
    {
      ...base,
      method: 'post',
      path: '/admin/organizations',
      summary: 'Create an organization (organization.manage)',
      request: jsonBody(OrganizationSchema),
      responses: { 201: json(OrganizationViewSchema, 'Created'), ...securedErrorResponses },
    },
    {
      ...base,
      method: 'get',
      path: '/admin/users',
      summary: "Users of the administrator's organization",
      responses: {
        200: json(z.object({ users: z.array(UserViewSchema) }), 'Users'),
        ...securedErrorResponses,
      },
    },
    {
      ...base,
      method: 'post',
      path: '/admin/users',
      summary: 'Create a user',
      request: jsonBody(UserSchema),
      responses: { 201: json(UserViewSchema, 'Created'), ...securedErrorResponses },
    },
    {
      ...base,
      method: 'get',
      path: '/admin/users/{id}',
      summary: 'One user',
      request: idParam('User id'),
      responses: { 200: json(UserViewSchema, 'The user'), ...securedErrorResponses },
    },
    {
      ...base,
      method: 'patch',
      path: '/admin/users/{id}',
      summary: "Change a user's name, roles, clearance or status",
      request: { ...idParam('User id'), ...jsonBody(UserChangesSchema) },
      responses: { 200: json(UserViewSchema, 'The changed user'), ...securedErrorResponses },
    },
    {
      ...base,
      method: 'post',
      path: '/admin/users/{id}/password',
      summary: 'Reset a password; the next login must choose a new one',
      request: { ...idParam('User id'), ...jsonBody(ResetSchema) },
      responses: { 204: { description: 'Done' }, ...securedErrorResponses },
    },
    {
      ...base,
      method: 'get',
      path: '/admin/service-accounts',
      summary: "Service accounts of the administrator's organization",
      responses: {
        200: json(
          z.object({ serviceAccounts: z.array(ServiceAccountViewSchema) }),
          'Service accounts',
        ),
        ...securedErrorResponses,
      },
    },
    {
      ...base,
      method: 'post',
      path: '/admin/service-accounts',
      summary: 'Create a service account',
      request: jsonBody(ServiceAccountSchema),
      responses: { 201: json(ServiceAccountViewSchema, 'Created'), ...securedErrorResponses },
    },
    {
      ...base,
      method: 'get',
      path: '/admin/api-keys',
      summary:
        "API keys of the administrator's organization's service accounts (api-key.manage); never their secrets",
      responses: { 200: json(ApiKeyListSchema, 'The keys'), ...securedErrorResponses },
    },
    {
      ...base,
      method: 'post',
      path: '/admin/api-keys',
      summary: 'Issue an API key; the secret is shown only in this answer',
      request: jsonBody(ApiKeySchema),
      responses: {
        201: json(IssuedApiKeySchema, 'The key and its secret'),
        ...securedErrorResponses,
      },
    },
    {
      ...base,
      method: 'delete',
      path: '/admin/api-keys/{id}',
      summary: 'Revoke an API key',
      request: idParam('API key id'),
      responses: { 200: json(ApiKeyViewSchema, 'The revoked key'), ...securedErrorResponses },
    },
  ];
  for (const path of paths) {
    registry.registerPath(path);
  }
}
