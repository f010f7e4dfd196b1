import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { permissions, type Permission } from '../../../shared/permissions.ts';
import { isoInstant } from '../../http/schemas.ts';
import * as service from './api-keys.service.ts';

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const keyParams = z.object({ keyId: z.string().min(1).max(100) });

const scope = z.enum(service.keyablePermissions as unknown as [Permission, ...Permission[]], {
  error: () => `must be one of ${service.keyablePermissions.join(', ')}`,
});
const createBody = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  scopes: z.array(scope).min(1, 'give the key at least one scope').max(permissions.length),
  expiresAt: isoInstant()
    .nullable()
    .optional()
    .describe('When the key stops working; leave out for a key that works until it is revoked'),
});

const keyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the key, to tell keys apart'),
  scopes: z.array(z.enum(permissions)),
  workspaceId: z.string().nullable().describe('null for a personal key'),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  lastUsedIp: z.string().nullable(),
  revokedAt: z.date().nullable(),
});
const createdKey = keyView.extend({ key: z.string().describe('The key itself: shown this once, store it now') });
const example = { name: 'n8n calendar sync', scopes: ['posts.read', 'posts.edit', 'posts.schedule', 'channels.read'], expiresAt: '2027-06-30T00:00:00Z' };

const toInput = (body: z.infer<typeof createBody>): service.CreateKeyInput => ({ name: body.name, scopes: body.scopes, expiresAt: body.expiresAt ? new Date(body.expiresAt) : null });

// Keys are made and revoked only from a signed-in browser session: a key can never mint another key.
export const apiKeysRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['api-keys'];

  app.get('/workspaces/:workspaceId/api-keys', {
    config: { access: 'settings.manage', sessionOnly: true },
    schema: { tags, summary: "The workspace's API keys, newest first, revoked ones included (the keys themselves are never shown again)", params: workspaceParams, response: { 200: z.object({ items: z.array(keyView) }) } },
    handler: async (req) => ({ items: await service.listWorkspaceKeys(req.serviceContext(), req.params.workspaceId) }),
  });

  app.post('/workspaces/:workspaceId/api-keys', {
    config: { access: 'settings.manage', sessionOnly: true },
    schema: {
      tags,
      summary: "Create a workspace API key with a set of scopes, never more than the creator's own role allows; the answer holds the key once",
      params: workspaceParams,
      body: createBody.meta({ examples: [example] }),
      response: { 201: createdKey },
    },
    handler: async (req, reply) => reply.status(201).send(await service.createWorkspaceKey(req.serviceContext(), req.params.workspaceId, toInput(req.body))),
  });

  app.delete('/workspaces/:workspaceId/api-keys/:keyId', {
    config: { access: 'settings.manage', sessionOnly: true },
    schema: { tags, summary: 'Revoke a workspace key at once (it stays listed as revoked)', params: workspaceParams.merge(keyParams), response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.revokeWorkspaceKey(req.serviceContext(), req.params.workspaceId, req.params.keyId);
      return reply.status(204).send(null);
    },
  });

  app.get('/me/api-keys', {
    config: { access: 'user' },
    schema: { tags, summary: 'Your personal API keys (each works in every workspace you belong to, within your role there)', response: { 200: z.object({ items: z.array(keyView) }) } },
    handler: async (req) => ({ items: await service.listPersonalKeys(req.serviceContext()) }),
  });

  app.post('/me/api-keys', {
    config: { access: 'user' },
    schema: { tags, summary: 'Create a personal API key; the answer holds the key once', body: createBody.meta({ examples: [example] }), response: { 201: createdKey } },
    handler: async (req, reply) => reply.status(201).send(await service.createPersonalKey(req.serviceContext(), toInput(req.body))),
  });

  app.delete('/me/api-keys/:keyId', {
    config: { access: 'user' },
    schema: { tags, summary: 'Revoke one of your personal keys at once', params: keyParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.revokePersonalKey(req.serviceContext(), req.params.keyId);
      return reply.status(204).send(null);
    },
  });
};
