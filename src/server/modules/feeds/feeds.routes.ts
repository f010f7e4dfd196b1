import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLanguage } from '../../http/request-language.ts';
import { unknownPlaceholders } from './feed-items.ts';
import * as service from './feeds.service.ts';

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const feedParams = workspaceParams.extend({ feedId: z.string().min(1).max(100) });

const fields = {
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  url: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
  channelIds: z.array(z.string().min(1).max(100)).min(1, 'choose at least one channel').max(20, 'at most 20 channels'),
  mode: z.enum(service.feedModes, { message: 'must be draft (new items become drafts) or queue (added to the queue of the channels)' }),
  template: z
    .string()
    .max(2000, 'must be at most 2000 characters')
    .refine((t) => /\{(title|link|summary)\}/.test(t), 'must use at least one of {title}, {link}, {summary}')
    .superRefine((t, ctx) => {
      const unknown = unknownPlaceholders(t);
      if (unknown.length) ctx.addIssue({ code: 'custom', message: `unknown placeholder {${unknown[0]}}; use {title}, {link} or {summary}` });
    }),
  intervalMinutes: z
    .number()
    .int('must be a whole number of minutes')
    .min(service.MIN_INTERVAL_MINUTES, `must be at least ${service.MIN_INTERVAL_MINUTES} minutes`)
    .max(1440, 'must be at most 1440 minutes (a day)'),
  enabled: z.boolean(),
};

const feed = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  channelIds: z.array(z.string()),
  mode: z.enum(service.feedModes),
  template: z.string(),
  intervalMinutes: z.number(),
  enabled: z.boolean(),
  ownerUserId: z.string().nullable().describe('New posts are made in this member’s name and role (the last one who saved the feed)'),
  nextCheckAt: z.date(),
  lastCheckedAt: z.date().nullable(),
  lastError: z.string().nullable().describe('Why the last check failed; null when it worked (in the request’s language, Accept-Language; rows from before Herald kept words stay in English)'),
  lastNewItemAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
const item = z.object({
  id: z.string(),
  title: z.string(),
  link: z.string().nullable(),
  publishedAt: z.date().nullable(),
  outcome: z.enum(['queued', 'draft', 'skipped', 'seen', 'pending']).describe('seen: already in the feed when it was added, never posted'),
  reason: z.string().nullable().describe('Why the item became a draft or was skipped, or a note on it (in the request’s language, Accept-Language; rows from before Herald kept words stay in English)'),
  postGroupId: z.string().nullable(),
  createdAt: z.date(),
});
const feedWithItems = feed.extend({ items: z.array(item).describe('The 20 items seen last') });
const outcome = z.object({
  status: z.enum(['ok', 'unchanged', 'failed']).describe('unchanged: the server answered 304 Not Modified'),
  queued: z.number(),
  drafts: z.number(),
  skipped: z.number(),
  error: z.string().nullable(),
});

// RSS, Atom and JSON Feed to queue: feeds a workspace reads on an interval, whose new items become posts.
export const feedsRoutes: FastifyPluginAsyncZod<{ deps: service.FeedDeps }> = async (app, { deps }) => {
  const tags = ['feeds'];

  app.get('/workspaces/:workspaceId/feeds', {
    config: { access: 'posts.read' },
    schema: { tags, summary: "The workspace's feeds with the state of their last check", params: workspaceParams, response: { 200: z.object({ feeds: z.array(feed) }) } },
    handler: async (req) => ({ feeds: await service.listFeeds(req.serviceContext(), req.params.workspaceId, requestLanguage(req)) }),
  });

  app.post('/workspaces/:workspaceId/feeds', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: `Add a feed (RSS, Atom or JSON Feed). Its first check turns only the newest ${service.FIRST_CHECK_ITEMS} items into posts; later checks at most ${service.MAX_ITEMS_PER_CHECK} each`,
      params: workspaceParams,
      body: z.object({ ...fields, mode: fields.mode.default('draft'), template: fields.template.default('{title} {link}'), intervalMinutes: fields.intervalMinutes.default(60), enabled: fields.enabled.default(true) }),
      response: { 201: feed },
    },
    handler: async (req, reply) => reply.status(201).send(await service.createFeed(req.serviceContext(), deps, req.params.workspaceId, req.body, requestLanguage(req))),
  });

  app.get('/workspaces/:workspaceId/feeds/:feedId', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'One feed and the items it saw last', params: feedParams, response: { 200: feedWithItems } },
    handler: async (req) => service.getFeed(req.serviceContext(), req.params.workspaceId, req.params.feedId, requestLanguage(req)),
  });

  app.patch('/workspaces/:workspaceId/feeds/:feedId', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: 'Change a feed; whoever saves it becomes the member new posts are made as',
      params: feedParams,
      body: z.object({
        name: fields.name.optional(),
        url: fields.url.optional(),
        channelIds: fields.channelIds.optional(),
        mode: fields.mode.optional(),
        template: fields.template.optional(),
        intervalMinutes: fields.intervalMinutes.optional(),
        enabled: fields.enabled.optional(),
      }),
      response: { 200: feed },
    },
    handler: async (req) => service.updateFeed(req.serviceContext(), deps, req.params.workspaceId, req.params.feedId, req.body, requestLanguage(req)),
  });

  app.delete('/workspaces/:workspaceId/feeds/:feedId', {
    config: { access: 'posts.edit' },
    schema: { tags, summary: 'Stop reading a feed; the posts it made stay', params: feedParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.deleteFeed(req.serviceContext(), req.params.workspaceId, req.params.feedId);
      return reply.status(204).send(null);
    },
  });

  app.post('/workspaces/:workspaceId/feeds/:feedId/check', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: 'Read the feed now (the same check the interval makes) and answer what came of it',
      params: feedParams,
      response: { 200: z.object({ outcome, feed: feedWithItems }) },
    },
    handler: async (req) => service.checkFeedNow(req.serviceContext(), deps, req.params.workspaceId, req.params.feedId, requestLanguage(req)),
  });
};
