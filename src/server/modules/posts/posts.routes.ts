import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, pageQuery } from '../shared/cursor.ts';
import type { PostsDeps } from './posts.content.ts';
import { createPost, deletePost, updatePost } from './posts.compose.ts';
import { getPost, listDrafts, listPosts, needsAttention } from './posts.query.ts';
import { duplicatePost } from './posts.duplicate.ts';
import { schedulePost } from './posts.schedule.ts';
import { cancelPost, deliveryLog, markPublished, retryDelivery } from './deliveries.service.ts';
import type { ChannelDeps } from '../channels/channels.service.ts';
import type { Config } from '../../config/config.ts';
import { preflightRead } from './creator-info.ts';
import { networkActionList, runBeforeSaveActions, runNetworkAction } from './network-actions.ts';
import { AppError } from '../shared/errors.ts';
import { createPostBodyExample, postExample, postPageExample } from './posts.examples.ts';
import { dateQuery, isoInstant } from '../../http/schemas.ts';
import { httpLinkProblem } from '../../../shared/web-links.ts';
import { LINK_CARD_LIMITS, UTM_VALUE_MAX } from '../../../shared/link-cards.ts';
import { requestLanguage } from '../../http/request-language.ts';
import type { FastifyRequest } from 'fastify';
import type { ReadingContext } from './posts.query.ts';

/** The caller's context with the language its answer is written in (a delivery's error is said in it). */
const readingContext = (req: FastifyRequest): ReadingContext => ({ ...req.serviceContext(), language: requestLanguage(req) });

/** The pre-flight read the composer shows before a post (TikTok's creator info, shaped by its network part). */
const creatorInfo = z.object({
  nickname: z.string(),
  username: z.string(),
  avatar: z.string().nullable(),
  privacyLevelOptions: z.array(z.string()),
  commentDisabled: z.boolean(),
  duetDisabled: z.boolean(),
  stitchDisabled: z.boolean(),
  maxVideoPostDurationSec: z.number(),
});

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const postParams = workspaceParams.extend({ postId: z.string().min(1).max(100) });
const deliveryParams = postParams.extend({ deliveryId: z.string().min(1).max(100) });

const mediaRef = z.object({ mediaId: z.string().min(1).max(100), altText: z.string().max(2000, 'must be at most 2000 characters').optional() });
const part = z.object({ text: z.string().max(50_000).default(''), media: z.array(mediaRef).max(35).default([]) });
const httpLink = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((v) => httpLinkProblem(v) === null, 'must be an absolute http(s) address');
const linkCard = z
  .object({
    url: httpLink(LINK_CARD_LIMITS.url),
    title: z.string().trim().max(LINK_CARD_LIMITS.title, `must be at most ${LINK_CARD_LIMITS.title} characters`),
    description: z.string().trim().max(LINK_CARD_LIMITS.description, `must be at most ${LINK_CARD_LIMITS.description} characters`),
    imageUrl: httpLink(LINK_CARD_LIMITS.imageUrl).nullable(),
  })
  .describe("The link's preview card as the user edited it (from POST …/link-preview); sent where the network builds cards from the client's data (Bluesky, LinkedIn, Facebook)");
const utmValue = z
  .string()
  .trim()
  .max(UTM_VALUE_MAX, `must be at most ${UTM_VALUE_MAX} characters`)
  .refine((v) => ![...v].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'must not contain control characters')
  .optional();
const utm = z
  .object({ source: utmValue.describe('utm_source; the network name when empty'), medium: utmValue.describe('utm_medium'), campaign: utmValue.describe('utm_campaign') })
  .describe("Campaign tags added to every link of this channel's text (and card) when it is published; tags a link already has stay");
const compose = {
  content: z
    .object({
      text: z.string().max(50_000).default(''),
      media: z.array(mediaRef).max(35).default([]),
      threadParts: z.array(part).max(25, 'at most 25 thread parts').default([]),
      firstComment: z.string().max(10_000).nullable().optional(),
      linkCard: linkCard.nullable().optional(),
    })
    .describe('What every channel posts unless its own entry overrides it'),
  channels: z
    .array(
      z.object({
        channelId: z.string().min(1).max(100),
        text: z.string().max(50_000).optional(),
        media: z.array(mediaRef).max(35).optional(),
        threadParts: z.array(part).max(25).optional(),
        firstComment: z.string().max(10_000).nullable().optional(),
        settings: z.record(z.string(), z.unknown()).optional().describe('Network settings: TikTok privacyLevel, mode (direct|inbox), disableComment…; Mastodon visibility, spoilerText; Bluesky langs'),
        utm: utm.nullable().optional(),
      }),
    )
    .min(1, 'choose at least one channel')
    .max(50),
};
const schedule = z
  .discriminatedUnion('mode', [
    z.object({
      mode: z.literal('draft'),
      publishAt: isoInstant().optional().describe('A planned time: the draft shows on the calendar, nothing is sent'),
      timeZone: z.string().min(1).max(64).optional(),
    }),
    z.object({ mode: z.literal('now') }),
    z.object({
      mode: z.literal('at'),
      publishAt: isoInstant('must be an ISO 8601 date-time with a zone, e.g. 2026-12-01T09:00:00+01:00'),
      timeZone: z.string().min(1).max(64).describe('The IANA zone the time was picked in, e.g. Europe/Berlin'),
    }),
    z.object({ mode: z.literal('queue'), timeZone: z.string().max(64).optional() }),
  ])
  .describe('draft: no time; now: publish at once; at: at publishAt; queue: the next free time slot of the channels');

const delivery = z.object({
  id: z.string(),
  channelId: z.string(),
  network: z.string(),
  channel: z.object({ username: z.string().nullable(), displayName: z.string().nullable(), status: z.string(), avatar: z.string().nullable() }).nullable(),
  state: z.string().describe('draft | queued | publishing | processing | published | failed | unconfirmed | cancelled'),
  content: z.unknown(),
  settings: z.record(z.string(), z.unknown()),
  dueAt: z.date().nullable(),
  nextAttemptAt: z.date().nullable(),
  attemptCount: z.number(),
  late: z.boolean(),
  paused: z.boolean().describe('Waiting because the user who connected the channel paused processing; it goes out when they resume'),
  externalId: z.string().nullable(),
  externalUrl: z.string().nullable(),
  publishedAt: z.date().nullable(),
  publishedBy: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  actions: z.array(z.string()),
  metrics: z
    .object({
      views: z.number().nullable(),
      likes: z.number().nullable(),
      comments: z.number().nullable(),
      shares: z.number().nullable(),
      reach: z.number().nullable(),
      extra: z.record(z.string(), z.number()),
      fetchedAt: z.date(),
    })
    .nullable()
    .describe("The network's latest counters (in the post detail only); null until read, when analytics are off, or for networks without counters. A counter the network does not report is null."),
});
const post = z.object({
  id: z.string(),
  workspaceId: z.string(),
  state: z.string().describe('draft | in_review | changes_requested | scheduled | publishing | published | partially_failed | failed | cancelled'),
  content: z.unknown(),
  publishAt: z.date().nullable(),
  timeZone: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  review: z
    .object({
      overdue: z.boolean().describe('Its planned time passed while in review: it will not go out until approved with a new time'),
      approvedAt: z.date().nullable(),
      approvedByName: z.string().nullable(),
    })
    .describe('Approval: who approved it and when, and whether its time passed in review'),
  deliveries: z.array(delivery),
});
const attempt = z.object({
  id: z.string(),
  number: z.number(),
  kind: z.string(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  outcome: z.string().nullable(),
  steps: z.array(z.object({ at: z.string(), step: z.string(), request: z.unknown().optional(), response: z.unknown().optional() })),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  retryAt: z.date().nullable(),
});

export const postsRoutes: FastifyPluginAsyncZod<{ deps: PostsDeps; channelDeps: ChannelDeps; config: Config }> = async (app, { deps, channelDeps, config }) => {
  const tags = ['posts'];

  app.get('/workspaces/:workspaceId/channels/:channelId/creator-info', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: "TikTok creator info for the composer (asked of TikTok each time, as its posting guidelines require); kept as the channel's limits",
      params: workspaceParams.extend({ channelId: z.string().min(1).max(100) }),
      response: { 200: creatorInfo },
    },
    // The network part shapes the answer: checked here against what the API promises. Another
    // network's pre-flight (a list of boards) has another shape, served at …/preflight.
    handler: async (req) => {
      const answer = creatorInfo.safeParse(await preflightRead(readingContext(req), { ...channelDeps, config }, req.params.workspaceId, req.params.channelId));
      if (!answer.success) throw new AppError('channel.no_preflight', 400, 'This channel has no creator info; its network answers its pre-flight read at …/preflight');
      return answer.data;
    },
  });

  app.get('/workspaces/:workspaceId/channels/:channelId/preflight', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: "The read a channel's network needs before a post is written, in that network's own shape (the boards a post can go to, a creator's settings…; creator info is also at creator-info); kept as the channel's limits",
      params: workspaceParams.extend({ channelId: z.string().min(1).max(100) }),
      response: { 200: z.record(z.string(), z.unknown()) },
    },
    handler: async (req) => preflightRead(readingContext(req), { ...channelDeps, config }, req.params.workspaceId, req.params.channelId),
  });

  app.post('/workspaces/:workspaceId/channels/:channelId/actions/:name', {
    // Each action names the permission it needs (checked once the channel's network is known).
    config: { access: 'posts.read' },
    schema: {
      tags,
      summary:
        `Ask a channel's network to do something for the composer. Unknown action: 404 channel.action_not_found; bad input: 400 validation_failed naming the field. Actions: ${networkActionList()}`,
      params: workspaceParams.extend({ channelId: z.string().min(1).max(100), name: z.string().min(1).max(100).regex(/^[a-z][a-z0-9-]*$/, 'must be an action name such as create-board') }),
      body: z.record(z.string(), z.unknown()).optional().describe("The action's input, as that network's action takes it"),
      response: { 200: z.record(z.string(), z.unknown()) },
    },
    handler: async (req) =>
      runNetworkAction(readingContext(req), { ...channelDeps, config }, { workspaceId: req.params.workspaceId, channelId: req.params.channelId, name: req.params.name, role: req.workspace?.role ?? null, body: req.body }),
  });

  app.post('/workspaces/:workspaceId/posts', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: 'Create a post for one or more channels: a draft, or scheduled (at a time, now, or in the next free slot). Scheduling also needs posts.schedule',
      params: workspaceParams,
      body: z.object({ ...compose, schedule: schedule.default({ mode: 'draft' }) }).meta({ examples: [createPostBodyExample] }),
      response: { 201: post.meta({ examples: [postExample] }) },
    },
    handler: async (req, reply) => {
      const ctx = readingContext(req);
      await runBeforeSaveActions(ctx, { ...channelDeps, config }, { workspaceId: req.params.workspaceId, role: req.workspace!.role, channels: req.body.channels });
      return reply.status(201).send(await createPost(ctx, deps, { workspaceId: req.params.workspaceId, role: req.workspace!.role, compose: req.body, schedule: req.body.schedule }));
    },
  });

  app.get('/workspaces/:workspaceId/posts', {
    config: { access: 'posts.read' },
    schema: {
      tags,
      summary: 'Posts by publish time (calendar range with from/to), oldest first, in cursor pages',
      params: workspaceParams,
      querystring: z.object({
        from: dateQuery().optional(),
        to: dateQuery().optional(),
        state: z.string().max(200).optional().describe('Comma-separated post states'),
        channelId: z.string().max(100).optional(),
        ...pageQuery({ default: 100, max: 500 }),
      }),
      response: { 200: pageOf(post).meta({ examples: [postPageExample] }) },
    },
    handler: async (req) =>
      listPosts(readingContext(req), req.params.workspaceId, { ...req.query, states: req.query.state?.split(',').filter(Boolean) }),
  });

  app.get('/workspaces/:workspaceId/posts/drafts', {
    config: { access: 'posts.read' },
    schema: {
      tags,
      summary: 'Every draft, with or without a time, the last edited first, in cursor pages',
      params: workspaceParams,
      querystring: z.object({
        authorId: z.string().max(100).optional().describe('Only drafts this member wrote'),
        channelId: z.string().max(100).optional(),
        ...pageQuery({ default: 50, max: 200 }),
      }),
      response: { 200: pageOf(post) },
    },
    handler: async (req) => listDrafts(readingContext(req), req.params.workspaceId, req.query),
  });

  app.get('/workspaces/:workspaceId/posts/needs-attention', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'Failed and unconfirmed deliveries, for the "Needs attention" view', params: workspaceParams, response: { 200: z.object({ count: z.number(), items: z.array(delivery.extend({ postId: z.string() })) }) } },
    handler: async (req) => needsAttention(readingContext(req), req.params.workspaceId),
  });

  app.get('/workspaces/:workspaceId/posts/:postId', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'One post with its deliveries', params: postParams, response: { 200: post } },
    handler: async (req) => getPost(readingContext(req), req.params.workspaceId, req.params.postId),
  });

  app.patch('/workspaces/:workspaceId/posts/:postId', {
    config: { access: 'posts.edit' },
    schema: { tags, summary: 'Edit content and channels (refused while it is being published, or once part of it is out)', params: postParams, body: z.object(compose), response: { 200: post } },
    handler: async (req) => {
      await runBeforeSaveActions(readingContext(req), { ...channelDeps, config }, { workspaceId: req.params.workspaceId, role: req.workspace!.role, channels: req.body.channels });
      return updatePost(readingContext(req), deps, { workspaceId: req.params.workspaceId, postId: req.params.postId, role: req.workspace!.role, compose: req.body });
    },
  });

  app.post('/workspaces/:workspaceId/posts/:postId/duplicate', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: 'Copy any post into a new draft without a time; files deleted after publishing and disconnected channels are left out and counted',
      params: postParams,
      response: {
        201: z.object({
          post,
          left: z.object({ media: z.number().describe('Files no longer kept (deleted after publishing)'), channels: z.number().describe('Channels disconnected since') }),
        }),
      },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await duplicatePost(readingContext(req), deps, { workspaceId: req.params.workspaceId, postId: req.params.postId, role: req.workspace!.role })),
  });

  app.post('/workspaces/:workspaceId/posts/:postId/schedule', {
    config: { access: 'posts.edit' },
    schema: { tags, summary: 'Reschedule, post now, add to queue, or back to draft; the wake-up moves with it', params: postParams, body: schedule, response: { 200: post } },
    handler: async (req) => schedulePost(readingContext(req), deps, { workspaceId: req.params.workspaceId, postId: req.params.postId, role: req.workspace!.role, schedule: req.body }),
  });

  app.post('/workspaces/:workspaceId/posts/:postId/cancel', {
    config: { access: 'posts.schedule' },
    schema: { tags, summary: 'Cancel what has not gone out yet', params: postParams, response: { 200: post } },
    handler: async (req) => cancelPost(readingContext(req), deps, { workspaceId: req.params.workspaceId, postId: req.params.postId }),
  });

  app.delete('/workspaces/:workspaceId/posts/:postId', {
    config: { access: 'posts.edit' },
    schema: { tags, summary: 'Delete a post (refused while it is being published); its uploaded media is then deleted by the retention job', params: postParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await deletePost(readingContext(req), deps, { workspaceId: req.params.workspaceId, postId: req.params.postId });
      return reply.status(204).send(null);
    },
  });

  app.post('/workspaces/:workspaceId/posts/:postId/deliveries/:deliveryId/retry', {
    config: { access: 'posts.schedule' },
    schema: {
      tags,
      summary: 'Retry a failed delivery, or check an unconfirmed one at the network again (never a blind resend; confirmedAbsent: a person checked the network and it is not there)',
      params: deliveryParams,
      body: z.object({ confirmedAbsent: z.boolean().optional() }).default({}),
      response: { 200: post },
    },
    handler: async (req) => retryDelivery(readingContext(req), deps, { ...req.params, confirmedAbsent: req.body.confirmedAbsent }),
  });

  app.post('/workspaces/:workspaceId/posts/:postId/deliveries/:deliveryId/mark-published', {
    config: { access: 'posts.schedule' },
    schema: {
      tags,
      summary: 'Mark a failed, unconfirmed or queued delivery as published by hand (with its link)',
      params: deliveryParams,
      body: z
        .object({
          url: z
            .string()
            .max(2000)
            .superRefine((value, ctx) => {
              const problem = httpLinkProblem(value);
              if (problem) ctx.addIssue({ code: 'custom', message: problem });
            })
            .optional()
            .describe('The post at the network: an absolute http(s) link'),
        })
        .default({}),
      response: { 200: post },
    },
    handler: async (req) => markPublished(readingContext(req), deps, { ...req.params, url: req.body.url }),
  });

  app.get('/workspaces/:workspaceId/posts/:postId/deliveries/:deliveryId/log', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'Delivery log: every attempt with its requests and the network answers (secrets removed)', params: deliveryParams, response: { 200: z.object({ delivery, attempts: z.array(attempt) }) } },
    handler: async (req) => deliveryLog(readingContext(req), req.params),
  });
};
