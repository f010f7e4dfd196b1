import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { networkIds, networks, type NetworkId } from '../../../shared/networks.ts';
import { startConnect } from '../channels/channels.connect.ts';
import type { Db } from '../../db/database.ts';
import { createApiKeyLimit } from '../api-keys/api-key-limit.ts';
import { createMediaFromFile, discardIncoming, receiveUpload, tooLarge } from '../media/media.service.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { authenticatePostizRequest, postizContext, requirePostizPermission, type PostizCaller } from './postiz-auth.ts';
import * as service from './postiz-api.service.ts';
import { postizInstant } from './postiz-content.ts';
import type { AppDeps } from '../../app.ts';
import { networksOnPrivateAddresses } from '../../../networks/server.ts';

/**
 * The Postiz public API (its CLI, SDK, n8n node and scripts) on Herald's services, so people who
 * leave Postiz keep their automations: docs/postiz-compatibility.md says what maps to what.
 * Served at /public/v1 (Postiz cloud's layout) and /api/public/v1 (a self-hosted Postiz behind
 * its bundled proxy, where POSTIZ_API_URL ends in /api).
 */
// Postiz names some variants of a network with a suffix (a company page, a standalone account);
// Herald's network covers them, so the suffix is dropped.
const postizNetwork = (provider: string): NetworkId | null => {
  const id = provider.replace(/-(page|standalone)$/, '');
  return (networkIds as readonly string[]).includes(id) ? (id as NetworkId) : null;
};

export const postizApiRoutes: FastifyPluginAsync<{ db: Db; deps: service.PostizDeps; postsPerHour: number; keyRequestsPerMinute: number }> = async (app, options) => {
  app.decorateRequest('postiz', null);
  await app.register(routes, { ...options, prefix: '/public/v1', hidden: false });
  // The same routes again, left out of the OpenAPI document (one copy is enough there).
  await app.register(routes, { ...options, prefix: '/api/public/v1', hidden: true });
};

const tags = ['postiz'];
const idParams = z.object({ id: z.string().min(1).max(100) });
// Herald's error; `statusCode`, `message` and (authentication) `msg` are added as Postiz clients read them.
const error = z.object({
  statusCode: z.number().optional(),
  message: z.string().optional(),
  msg: z.string().optional().describe('Authentication failures, as Postiz words them'),
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
});
const media = z.object({ id: z.string(), name: z.string().nullable(), originalName: z.string().nullable(), path: z.string().describe('Send it back in posts[].value[].image[].path'), thumbnail: z.string().nullable(), alt: z.string().nullable() });
const integration = z.object({
  id: z.string(),
  name: z.string(),
  identifier: z.string().describe("Herald's network id (mastodon, bluesky, x, linkedin…)"),
  picture: z.string().nullable(),
  disabled: z.boolean().describe('The channel is disconnected'),
  refreshNeeded: z.boolean().describe('The channel must be connected again in Herald'),
  profile: z.string(),
  customer: z.object({ id: z.string(), name: z.string() }).nullable().describe('The workspace'),
});
const post = z.object({
  id: z.string().describe("The post on one channel (Herald's delivery id)"),
  content: z.string(),
  publishDate: z.string().nullable(),
  releaseURL: z.string().nullable(),
  releaseId: z.string().nullable(),
  state: z.enum(['QUEUE', 'PUBLISHED', 'ERROR', 'DRAFT']),
  heraldState: z.string().describe("Herald's own state: draft | queued | publishing | processing | published | failed | unconfirmed | cancelled"),
  intervalInDays: z.null(),
  group: z.string().describe("Herald's post id: every channel's entry of one post shares it"),
  creationMethod: z.null(),
  settings: z.record(z.string(), z.unknown()),
  tags: z.array(z.unknown()),
  integration: z.object({ id: z.string(), providerIdentifier: z.string(), name: z.string(), picture: z.string().nullable() }),
});
const analytics = z.array(z.object({ label: z.string(), data: z.array(z.object({ total: z.number(), date: z.string() })), percentageChange: z.number() }));
const daysQuery = z.object({ date: z.coerce.number({ message: 'must be a number of days' }).int('must be a whole number of days').min(1).max(365).default(7).describe('Days back') });
const errors = { 400: error, 401: error, 403: error, 404: error };
const deleted = z.object({ deleted: z.literal(true), group: z.string(), postIds: z.array(z.string()) });

// Postiz endpoints with no Herald counterpart: a clear JSON answer instead of a route that is not there.
const unsupported: { method: 'GET' | 'POST' | 'PUT'; url: string; why: string }[] = [
  { method: 'POST', url: '/generate-video', why: 'Herald does not generate videos' },
  { method: 'POST', url: '/video/function', why: 'Herald does not generate videos' },
  { method: 'POST', url: '/integration-trigger/:id', why: "Herald has no integration tools; the network's settings are described by GET /integration-settings/:id" },
  { method: 'GET', url: '/users', why: 'Herald API keys act as the member who created them; there is no impersonation' },
  { method: 'GET', url: '/notifications', why: "Herald's notifications are read in its web app" },
  { method: 'GET', url: '/posts/:id/missing', why: 'Herald settles an unknown outcome with the network itself (unconfirmed deliveries); there is nothing to pick' },
  { method: 'PUT', url: '/posts/:id/release-id', why: 'mark a delivery as published with its link in Herald (Needs attention) instead' },
  { method: 'PUT', url: '/posts/:id/settings', why: 'send the whole post again with POST /posts and its group to change its settings' },
];

type RoutesOptions = { db: Db; deps: service.PostizDeps; postsPerHour: number; keyRequestsPerMinute: number; hidden: boolean };

const routes: FastifyPluginAsyncZod<RoutesOptions> = async (app, { db, deps, postsPerHour, keyRequestsPerMinute, hidden }) => {
  const doc = <T extends object>(schema: T) => ({ tags, ...schema, ...(hidden ? { hide: true } : {}) });
  const caller = (req: { postiz: PostizCaller | null }) => req.postiz!;
  const ctx = (req: Parameters<typeof postizContext>[1]) => postizContext(db, req, caller(req));

  // Postiz URLs name no workspace and carry the key raw in Authorization, which Herald's
  // route-access plugin (sessions, `:workspaceId` in the URL) cannot read: every route here is
  // declared public to that plugin and checked here instead, before validation, so a caller
  // without a valid key learns nothing from 400s. The workspace is the key's.
  // The same per-key pace (and RateLimit-* headers) as on /api/v1.
  const keyLimit = createApiKeyLimit(app, { max: keyRequestsPerMinute, timeWindowMs: 60_000 });
  app.addHook('preValidation', async (request, reply) => {
    const found = await authenticatePostizRequest(db, request);
    await keyLimit(request, reply, found.principal.keyId);
    request.postiz = found;
    request.apiKey = found.principal;
    request.auth = { userId: found.principal.userId, email: found.principal.email, sessionId: `api-key:${found.principal.keyId}` };
    const permission = request.routeOptions.config.postizPermission;
    if (permission) await requirePostizPermission(db, request, found, permission);
  });

  // Postiz clients read `msg` (auth) or `message` (everything else) and print the body: both are
  // added to Herald's `{ error: { code, message, details } }`.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').includes('json')) return payload;
    try {
      const body = JSON.parse(payload) as { error?: { message?: string; details?: Record<string, unknown> } };
      if (!body.error || typeof body.error !== 'object') return payload;
      const { msg, ...details } = body.error.details ?? {};
      const error = { ...body.error, ...(body.error.details ? { details: Object.keys(details).length ? details : undefined } : {}) };
      return JSON.stringify({ statusCode: reply.statusCode, message: body.error.message ?? '', ...(typeof msg === 'string' ? { msg } : {}), error });
    } catch {
      return payload;
    }
  });

  // The CLI sends `Content-Type: application/json` on DELETE without a body: that is no body, not bad JSON.
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') return done(null, undefined);
    return json(request, text, done);
  });

  app.setNotFoundHandler({ preValidation: async () => undefined }, async (request, reply) =>
    reply.status(404).send({ error: { code: 'route.not_found', message: `No route ${request.method} ${request.url.split('?')[0]} in Herald's Postiz-compatible API (see docs/postiz-compatibility.md)` } }),
  );

  const maxBytes = deps.config.mediaMaxUploadMb * 1024 * 1024;
  await app.register(multipart, { limits: { fileSize: maxBytes, fieldSize: 8 * 1024, fields: 10, parts: 20, headerPairs: 100 } });

  app.get('/is-connected', {
    config: { access: 'public' },
    schema: doc({ summary: 'Postiz: whether the API key works', response: { 200: z.object({ connected: z.literal(true) }), ...errors } }),
    handler: async () => ({ connected: true as const }),
  });

  app.get('/integrations', {
    config: { access: 'public', postizPermission: 'channels.read' },
    schema: doc({ summary: "Postiz: the workspace's channels (disconnected ones as disabled)", response: { 200: z.array(integration), ...errors } }),
    handler: async (req) => service.listIntegrations(ctx(req), deps, caller(req).workspaceId),
  });

  app.get('/groups', {
    config: { access: 'public', postizPermission: 'channels.read' },
    schema: doc({ summary: "Postiz: customers; in Herald the key's workspace is the one group", response: { 200: z.array(z.object({ id: z.string(), name: z.string() })), ...errors } }),
    handler: async (req) => {
      const integrations = await service.listIntegrations(ctx(req), deps, caller(req).workspaceId);
      const workspace = integrations[0]?.customer;
      return workspace ? [workspace] : [];
    },
  });

  app.get('/integration-settings/:id', {
    config: { access: 'public', postizPermission: 'channels.read' },
    schema: doc({
      summary: "Postiz: a channel's rules: text limit, media, threads, and its settings as a JSON schema (Herald's names)",
      params: idParams,
      response: { 200: z.object({ output: z.object({ rules: z.string(), maxLength: z.number(), settings: z.unknown(), tools: z.array(z.unknown()), herald: z.record(z.string(), z.unknown()) }) }), ...errors },
    }),
    handler: async (req) => service.integrationSettings(ctx(req), caller(req).workspaceId, req.params.id),
  });

  app.delete('/integrations/:id', {
    config: { access: 'public', postizPermission: 'channels.manage' },
    schema: doc({ summary: "Postiz: delete a channel; Herald disconnects it (revoking at the network) and keeps its posts' history", params: idParams, response: { 200: z.object({ id: z.string(), disconnected: z.literal(true), revokedAtNetwork: z.boolean() }), ...errors } }),
    handler: async (req) => service.deleteIntegration(ctx(req), deps, caller(req).workspaceId, req.params.id),
  });

  app.get('/social/:provider', {
    config: { access: 'public', postizPermission: 'channels.manage' },
    schema: doc({
      summary:
        "Postiz: the URL to connect a channel. Send it to whoever owns the account: they open it (no Herald account needed) and the channel joins the key's workspace, as long as the key may still connect channels",
      params: z.object({ provider: z.string().min(1).max(100).describe("A network id (mastodon, bluesky, x, linkedin, …; Postiz's linkedin-page and instagram-standalone are taken as linkedin and instagram)") }),
      querystring: z.object({
        refresh: z.string().max(100).optional().describe('Postiz: the integration to reconnect; Herald reconnects the account that signs in'),
        instance: z.string().max(260).optional().describe('Mastodon: the server name, e.g. mastodon.social'),
        identifier: z.string().max(300).optional().describe('Bluesky: the handle or server to sign in at'),
      }),
      response: { 200: z.object({ url: z.string() }), ...errors },
    }),
    handler: async (req) => {
      const network = postizNetwork(req.params.provider);
      if (!network) throw new AppError('postiz.unknown_provider', 400, `Unknown provider ${req.params.provider}: use one of ${networkIds.join(', ')}`, { field: 'provider' }, { provider: req.params.provider, providers: networkIds.join(', ') });
      const started = await startConnect(ctx(req), deps.channelDeps, {
        workspaceId: caller(req).workspaceId,
        // Bound to the key, not to a browser session: see channels.connect.ts.
        sessionId: `api-key:${caller(req).principal.keyId}`,
        network,
        instance: req.query.instance,
        identifier: req.query.identifier,
      });
      if (!started.authorizationUrl) throw new AppError('postiz.connect_in_web_app', 400, `${networks[network].label} connects with an app password in Herald's web app: ${deps.publicOrigin}/w/${caller(req).workspaceId}/channels`);
      return { url: started.authorizationUrl };
    },
  });

  app.get('/find-slot/:id', {
    config: { access: 'public', postizPermission: 'posts.read' },
    schema: doc({ summary: "Postiz: the channel's next free time slot (Herald's queue)", params: idParams, response: { 200: z.object({ date: z.string() }), ...errors } }),
    handler: async (req) => service.findSlot(ctx(req), caller(req).workspaceId, req.params.id),
  });

  app.get('/posts', {
    config: { access: 'public', postizPermission: 'posts.read' },
    schema: doc({
      summary: "Postiz: posts due in [startDate, endDate), one entry per channel (drafts without a date are not listed); state is Postiz's, heraldState Herald's",
      querystring: z.looseObject({
        startDate: z.string({ message: 'is required' }).max(100),
        endDate: z.string({ message: 'is required' }).max(100),
        customer: z.string().max(100).optional().describe('Ignored: the key has one workspace'),
      }),
      response: { 200: z.object({ posts: z.array(post) }), ...errors },
    }),
    handler: async (req) => {
      const from = dateField('startDate', req.query.startDate);
      const to = dateField('endDate', req.query.endDate);
      if (to <= from) throw invalid('validation_failed', 'querystring.endDate: must be after startDate', { issues: [{ field: 'querystring.endDate', message: 'must be after startDate' }] });
      return service.listPostizPosts(ctx(req), deps, caller(req).workspaceId, { from, to });
    },
  });

  app.post('/posts', {
    config: {
      access: 'public',
      postizPermission: 'posts.edit',
      // Like Postiz's API_LIMIT: creations per workspace per hour, counted once the key is known.
      rateLimit: {
        max: postsPerHour,
        timeWindow: 3_600_000,
        hook: 'preHandler',
        keyGenerator: (req) => `postiz-posts:${req.postiz?.workspaceId ?? req.ip}`,
        errorResponseBuilder: (_req, context) => {
          const retryAfterSeconds = Math.ceil(context.ttl / 1000);
          return new AppError('rate_limited', 429, `This workspace created ${context.max} posts through the Postiz API in the last hour; try again in ${Math.ceil(retryAfterSeconds / 60)} min`, { retryAfterSeconds }, { max: context.max, minutes: Math.ceil(retryAfterSeconds / 60) });
        },
      },
    },
    schema: doc({
      summary:
        "Postiz: create a post on one or more channels (type draft, schedule, now; update replaces an existing post's content). Values after the first become a thread, or the first comment where the network has no threads; HTML is read as text; images by the path or id an upload answered. Schedule and now also need posts.schedule",
      body: service.createPostBody,
      response: { 200: z.array(z.object({ postId: z.string(), integration: z.string() })), 429: error, ...errors },
    }),
    handler: async (req) => {
      const found = caller(req);
      if (service.createNeedsSchedule(req.body)) await requirePostizPermission(db, req, found, 'posts.schedule');
      return service.createPostizPosts(ctx(req), deps, { workspaceId: found.workspaceId, role: found.role, body: req.body });
    },
  });

  app.delete('/posts/group/:group', {
    config: { access: 'public', postizPermission: 'posts.edit' },
    schema: doc({ summary: 'Postiz: delete a post (every channel) by its group', params: z.object({ group: z.string().min(1).max(100) }), response: { 200: deleted, ...errors } }),
    handler: async (req) => service.deletePostizPost(ctx(req), deps, caller(req).workspaceId, req.params.group, 'group'),
  });

  app.delete('/posts/:id', {
    config: { access: 'public', postizPermission: 'posts.edit' },
    schema: doc({ summary: 'Postiz: delete a post; like Postiz, every channel of its group goes (an unknown id is a 404)', params: idParams, response: { 200: deleted, ...errors } }),
    handler: async (req) => service.deletePostizPost(ctx(req), deps, caller(req).workspaceId, req.params.id, 'post'),
  });

  app.put('/posts/:id/status', {
    config: { access: 'public', postizPermission: 'posts.edit' },
    schema: doc({
      summary: 'Postiz: back to draft (keeping its date), or scheduled again at its date (needs posts.schedule)',
      params: idParams,
      body: z.object({ status: z.enum(['draft', 'schedule'], { message: 'must be draft or schedule' }) }),
      response: { 200: z.object({ id: z.string(), group: z.string(), state: z.string(), heraldState: z.string() }), ...errors },
    }),
    handler: async (req) => {
      const found = caller(req);
      if (req.body.status === 'schedule') await requirePostizPermission(db, req, found, 'posts.schedule');
      return service.setPostizStatus(ctx(req), deps, { workspaceId: found.workspaceId, id: req.params.id, role: found.role, status: req.body.status });
    },
  });

  app.post('/upload', {
    config: { access: 'public', postizPermission: 'posts.edit' },
    schema: doc({
      summary: `Postiz: upload an image or video (multipart field "file"; JPEG, PNG, GIF, WebP, MP4, MOV; up to ${deps.config.mediaMaxUploadMb} MB) into the workspace's media library`,
      consumes: ['multipart/form-data'],
      response: { 200: media, 413: error, ...errors },
    }),
    handler: async (req) => {
      if (!req.isMultipart()) throw invalid('media.multipart_required', 'Send the file as multipart/form-data in the field "file"', { field: 'file' });
      let filePath: string | null = null;
      let fileName: string | null = null;
      try {
        try {
          for await (const part of req.parts()) {
            if (part.type !== 'file') continue;
            if (part.fieldname !== 'file') throw invalid('media.unexpected_field', `Unexpected file field "${part.fieldname}": send the file as "file"`, { field: part.fieldname });
            if (filePath) throw invalid('media.one_file_only', 'Send one file per request', { field: 'file' });
            filePath = await receiveUpload(deps.media, part.file, () => part.file.truncated, maxBytes);
            fileName = part.filename ? path.basename(part.filename) : null;
          }
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
          if (err instanceof AppError || (err as { syscall?: string }).syscall) throw err;
          throw invalid('media.bad_multipart', `The multipart body could not be read: ${(err as Error).message}`, { field: 'file' });
        }
        if (!filePath) throw invalid('media.file_required', 'No file: send it in the multipart field "file"', { field: 'file' });
        await service.refuseDocuments(filePath);
        const received = filePath;
        filePath = null;
        const row = await createMediaFromFile(ctx(req), deps.media, { workspaceId: caller(req).workspaceId, filePath: received, fileName });
        return service.postizMedia(row, deps.publicOrigin);
      } finally {
        if (filePath) await discardIncoming(filePath);
      }
    },
  });

  app.post('/upload-from-url', {
    config: { access: 'public', postizPermission: 'posts.edit' },
    schema: doc({
      summary: 'Postiz: download an image or video from a public URL into the media library (no private addresses, no redirects, same size limit as uploads)',
      body: z.object({ url: z.string().min(1).max(2000) }),
      response: { 200: media, 413: error, ...errors },
    }),
    handler: async (req) => service.postizMedia(await service.uploadFromUrl(ctx(req), deps, caller(req).workspaceId, req.body.url), deps.publicOrigin),
  });

  app.get('/analytics/post/:postId', {
    config: { access: 'public', postizPermission: 'posts.read' },
    schema: doc({
      summary: "Postiz: one post's counters over the last `date` days (the last reading of each day: views, likes, comments, shares, reach where the network reports them) with the change over the window; empty before the first reading",
      params: z.object({ postId: z.string().min(1).max(100) }),
      querystring: daysQuery,
      response: { 200: analytics, ...errors },
    }),
    handler: async (req) => service.postAnalytics(ctx(req), caller(req).workspaceId, req.params.postId, req.query.date),
  });

  app.get('/analytics/:integrationId', {
    config: { access: 'public', postizPermission: 'posts.read' },
    schema: doc({
      summary: "Postiz: a channel's counters over the last `date` days, per day of publishing, with the change against the days before; empty when analytics are off",
      params: z.object({ integrationId: z.string().min(1).max(100) }),
      querystring: daysQuery,
      response: { 200: analytics, ...errors },
    }),
    handler: async (req) => service.channelAnalytics(ctx(req), caller(req).workspaceId, req.params.integrationId, req.query.date),
  });

  for (const route of unsupported) {
    app.route({
      method: route.method,
      url: route.url,
      config: { access: 'public' },
      schema: doc({ summary: `Postiz: not available in Herald (501): ${route.why}`, response: { 501: error, 401: error } }),
      handler: async () => {
        throw new AppError('postiz.not_supported', 501, `Not available in Herald: ${route.why}`, undefined, { why: route.why });
      },
    });
  }
};

/** A query date as Postiz reads it (no zone: UTC). */
function dateField(field: string, value: string): Date {
  const instant = postizInstant(value);
  if (!instant) throw invalid('validation_failed', `querystring.${field}: must be an ISO 8601 date`, { issues: [{ field: `querystring.${field}`, message: 'must be an ISO 8601 date' }] });
  return new Date(instant);
}

/** What the Postiz API needs from the app's dependencies. */
export function postizDepsFrom(deps: AppDeps): service.PostizDeps {
  const { config } = deps;
  const instance = { mediaByUrl: Boolean(config.mediaPublicUrl) };
  return {
    posts: { boss: deps.boss, instance },
    channelDeps: { providers: deps.providers, box: deps.box, publicOrigin: config.publicOrigin, retentionDays: config.disconnectedRetentionDays },
    config,
    media: { storage: deps.storage, incomingDir: path.join(config.dataPath, 'media', '.incoming') },
    publicOrigin: config.publicOrigin,
    allowPrivateFetch: networksOnPrivateAddresses(config).length > 0,
  };
}
