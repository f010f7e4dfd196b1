import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, pageQuery } from '../shared/cursor.ts';
import { webhookEventTypes, WEBHOOK_TEST_EVENT, type WebhookEventType } from '../../../shared/webhook-events.ts';
import type { SenderDeps } from './webhooks.sender.ts';
import { requestLanguage } from '../../http/request-language.ts';
import * as service from './webhooks.service.ts';

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const webhookParams = workspaceParams.extend({ webhookId: z.string().min(1).max(100) });
const deliveryParams = webhookParams.extend({ deliveryId: z.string().min(1).max(100) });

const eventType = z.enum(webhookEventTypes as [WebhookEventType, ...WebhookEventType[]]);
const fields = {
  url: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters').describe('https URL that receives the events (POST, JSON, signed as Standard Webhooks says)'),
  description: z.string().max(500, 'must be at most 500 characters').nullable().describe('What it is for, shown in the list'),
  events: z.array(eventType).min(1, 'choose at least one event').max(webhookEventTypes.length).describe('Event types it receives'),
};

const endpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  disabledReason: z.string().nullable().describe("Why Herald turned it off (repeated failure), in the request's language (Accept-Language); null when on, or when a person turned it off"),
  disabledAt: z.date().nullable(),
  consecutiveFailures: z.number().int().describe('Failed tries in a row; Herald turns the endpoint off at 15, or after a day of failures'),
  createdAt: z.date(),
  updatedAt: z.date(),
});
const withSecret = endpoint.extend({ secret: z.string().describe('The signing secret (`whsec_…`), shown only in this answer: store it now') });

const lastAttempt = z.object({ responseStatus: z.number().int().nullable(), error: z.string().nullable().describe('Why the attempt failed (in the request’s language, Accept-Language; rows from before Herald kept words stay in English)'), durationMs: z.number().int().nullable(), createdAt: z.date() });
const delivery = z.object({
  id: z.string().describe('The message id, sent as the `webhook-id` header on every try'),
  endpointId: z.string(),
  eventType: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']).describe('pending: tries left; succeeded: a 2xx came back; failed: Herald gave up'),
  attempts: z.number().int(),
  nextAttemptAt: z.date().nullable(),
  createdAt: z.date(),
  lastAttempt: lastAttempt.nullable(),
});
const attempt = z.object({
  id: z.string(),
  requestHeaders: z.record(z.string(), z.string()).describe('Headers sent; the signature is shortened'),
  requestBody: z.string(),
  responseStatus: z.number().int().nullable(),
  responseBody: z.string().nullable().describe('The first 4 KB of the answer'),
  error: z.string().nullable().describe('Why the attempt failed (in the request’s language, Accept-Language; rows from before Herald kept words stay in English)'),
  durationMs: z.number().int().nullable(),
  manual: z.boolean().describe('A person asked for it (redelivery)'),
  createdAt: z.date(),
});
const deliveryDetail = delivery.extend({
  payload: z.object({ type: z.string(), timestamp: z.string(), data: z.record(z.string(), z.unknown()) }),
  attemptLog: z.array(attempt).describe('Every try, newest first'),
});

// Webhook endpoints of a workspace (owners and admins): where Herald tells other systems about events.
// What people copy from /api/docs: an n8n endpoint for the publishing outcomes.
const createEndpointExample = {
  url: 'https://n8n.example.com/webhook/7c1e2a94-herald',
  description: 'n8n: post published or failed → Slack #social',
  events: ['post.published', 'post.failed'],
};
const createdEndpointExample = {
  id: 'wh_6Jr2tY8u',
  ...createEndpointExample,
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  consecutiveFailures: 0,
  createdAt: '2026-03-12T15:42:10.000Z',
  updatedAt: '2026-03-12T15:42:10.000Z',
  secret: 'whsec_MfKQ9r8GKYqsoq5XOA4dpZbDBrv4VYpY',
};

export const webhooksRoutes: FastifyPluginAsyncZod<{ sender: SenderDeps }> = async (app, { sender }) => {
  const tags = ['webhooks'];
  const access = 'settings.manage' as const;

  app.get('/workspaces/:workspaceId/webhooks', {
    config: { access },
    schema: { tags, summary: 'The webhook endpoints, oldest first (never their secrets)', params: workspaceParams, response: { 200: z.object({ items: z.array(endpoint) }) } },
    handler: async (req) => service.listEndpoints(req.serviceContext(), req.params.workspaceId, requestLanguage(req)),
  });

  app.post('/workspaces/:workspaceId/webhooks', {
    config: { access },
    schema: {
      tags,
      summary: `Add an endpoint (at most 20); the answer carries its signing secret, shown this once. URLs must be https on a public address`,
      params: workspaceParams,
      body: z.object({ url: fields.url, description: fields.description.optional(), events: fields.events }).meta({ examples: [createEndpointExample] }),
      response: { 201: withSecret.meta({ examples: [createdEndpointExample] }) },
    },
    handler: async (req, reply) => reply.status(201).send(await service.createEndpoint(req.serviceContext(), sender, req.params.workspaceId, req.body)),
  });

  app.get('/workspaces/:workspaceId/webhooks/:webhookId', {
    config: { access },
    schema: { tags, summary: 'One endpoint', params: webhookParams, response: { 200: endpoint } },
    handler: async (req) => service.getEndpoint(req.serviceContext(), req.params.workspaceId, req.params.webhookId, requestLanguage(req)),
  });

  app.patch('/workspaces/:workspaceId/webhooks/:webhookId', {
    config: { access },
    schema: {
      tags,
      summary: 'Change the URL, description or events, or turn the endpoint off or on (turning it on clears its failure count)',
      params: webhookParams,
      body: z.object({ url: fields.url.optional(), description: fields.description.optional(), events: fields.events.optional(), enabled: z.boolean().optional() }),
      response: { 200: endpoint },
    },
    handler: async (req) => service.updateEndpoint(req.serviceContext(), sender, req.params.workspaceId, req.params.webhookId, req.body, requestLanguage(req)),
  });

  app.delete('/workspaces/:workspaceId/webhooks/:webhookId', {
    config: { access },
    schema: { tags, summary: 'Delete an endpoint with its delivery log', params: webhookParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.deleteEndpoint(req.serviceContext(), req.params.workspaceId, req.params.webhookId);
      return reply.status(204).send(null);
    },
  });

  app.post('/workspaces/:workspaceId/webhooks/:webhookId/rotate-secret', {
    config: { access },
    schema: { tags, summary: 'Replace the signing secret; the new one is in this answer only and signs from now on', params: webhookParams, response: { 200: withSecret } },
    handler: async (req) => service.rotateSecret(req.serviceContext(), sender, req.params.workspaceId, req.params.webhookId, requestLanguage(req)),
  });

  app.post('/workspaces/:workspaceId/webhooks/:webhookId/test', {
    config: { access },
    schema: { tags, summary: `Send a \`${WEBHOOK_TEST_EVENT}\` event now (tried once, also to a turned-off endpoint) and answer how it went`, params: webhookParams, response: { 200: deliveryDetail } },
    handler: async (req) => service.sendTestEvent(req.serviceContext(), sender, req.params.workspaceId, req.params.webhookId, requestLanguage(req)),
  });

  app.get('/workspaces/:workspaceId/webhooks/:webhookId/deliveries', {
    config: { access },
    schema: {
      tags,
      summary: 'The delivery log, newest first, in cursor pages; kept 30 days',
      params: webhookParams,
      querystring: z.object({
        status: z.enum(['pending', 'succeeded', 'failed']).optional(),
        event: z.enum([WEBHOOK_TEST_EVENT, ...webhookEventTypes] as [string, ...string[]]).optional(),
        ...pageQuery({ default: 25, max: 100 }),
      }),
      response: { 200: pageOf(delivery) },
    },
    handler: async (req) => service.listDeliveries(req.serviceContext(), req.params.workspaceId, req.params.webhookId, req.query, requestLanguage(req)),
  });

  app.get('/workspaces/:workspaceId/webhooks/:webhookId/deliveries/:deliveryId', {
    config: { access },
    schema: { tags, summary: 'One delivery: the payload and every attempt (request headers and body, answer status and first 4 KB, error, duration)', params: deliveryParams, response: { 200: deliveryDetail } },
    handler: async (req) => service.getDelivery(req.serviceContext(), req.params.workspaceId, req.params.webhookId, req.params.deliveryId, requestLanguage(req)),
  });

  app.post('/workspaces/:workspaceId/webhooks/:webhookId/deliveries/:deliveryId/redeliver', {
    config: { access },
    schema: { tags, summary: 'Send the delivery again now, with the same webhook-id; answers it with the new attempt', params: deliveryParams, response: { 200: deliveryDetail } },
    handler: async (req) => service.redeliver(req.serviceContext(), sender, req.params.workspaceId, req.params.webhookId, req.params.deliveryId, requestLanguage(req)),
  });
};
