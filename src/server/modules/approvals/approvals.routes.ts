import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, pageQuery } from '../shared/cursor.ts';
import { dateQuery, isoInstant } from '../../http/schemas.ts';
import type { PostsDeps } from '../posts/posts.content.ts';
import { getPost } from '../posts/posts.query.ts';
import { approvalSettings, setChannelApproval, setWorkspaceApproval } from './approvals.settings.ts';
import { listReviews, reviewPost } from './approvals.service.ts';
import { createReviewLink, listReviewLinks, revokeReviewLink } from './review-links.service.ts';

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const postParams = workspaceParams.extend({ postId: z.string().min(1).max(100) });
const linkParams = workspaceParams.extend({ linkId: z.string().min(1).max(100) });

const settingsAnswer = z.object({
  approvalRequired: z.boolean(),
  channels: z.array(
    z.object({
      id: z.string(),
      network: z.string(),
      username: z.string().nullable(),
      displayName: z.string().nullable(),
      approvalRequired: z.boolean().nullable().describe('The channel’s own choice; null follows the workspace'),
      effective: z.boolean().describe('Whether posts to this channel need approval now'),
    }),
  ),
});
const reviewRow = z.object({
  id: z.string(),
  decision: z.string().describe('submitted | approved | changes_requested | reopened'),
  comment: z.string().nullable(),
  actorName: z.string(),
  actorUserId: z.string().nullable(),
  viaLink: z.boolean().describe('Decided through a review link by its named recipient'),
  createdAt: z.date(),
});
const link = z.object({
  id: z.string(),
  recipientName: z.string(),
  recipientEmail: z.string().nullable(),
  postIds: z.array(z.string()).nullable(),
  rangeFrom: z.date().nullable(),
  rangeTo: z.date().nullable(),
  expiresAt: z.date(),
  revokedAt: z.date().nullable(),
  lastOpenedAt: z.date().nullable(),
  createdAt: z.date(),
  status: z.string().describe('active | expired | revoked'),
});
export const decisionBody = z.object({
  decision: z.enum(['approve', 'request_changes']),
  comment: z.string().max(5000, 'must be at most 5000 characters').optional().describe('Required to request changes'),
});

/** Approval settings, decisions by members, the review history and review links (signed in). */
export const approvalsRoutes: FastifyPluginAsyncZod<{ deps: PostsDeps; publicOrigin: string }> = async (app, { deps, publicOrigin }) => {
  const tags = ['approvals'];

  app.get('/workspaces/:workspaceId/approval-settings', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'Whether posts need approval: the workspace setting and each channel’s override', params: workspaceParams, response: { 200: settingsAnswer } },
    handler: async (req) => approvalSettings(req.serviceContext().db, req.params.workspaceId),
  });

  app.put('/workspaces/:workspaceId/approval-settings', {
    config: { access: 'settings.manage' },
    schema: { tags, summary: 'Turn approval on or off for the workspace (channels that override it keep their choice)', params: workspaceParams, body: z.object({ approvalRequired: z.boolean() }), response: { 200: settingsAnswer } },
    handler: async (req) => setWorkspaceApproval(req.serviceContext(), req.params.workspaceId, req.body.approvalRequired),
  });

  app.put('/workspaces/:workspaceId/channels/:channelId/approval', {
    config: { access: 'channels.manage' },
    schema: {
      tags,
      summary: 'A channel’s own approval rule: true (always), false (never), null (follow the workspace)',
      params: workspaceParams.extend({ channelId: z.string().min(1).max(100) }),
      body: z.object({ approvalRequired: z.boolean().nullable() }),
      response: { 200: settingsAnswer },
    },
    handler: async (req) => setChannelApproval(req.serviceContext(), req.params.workspaceId, req.params.channelId, req.body.approvalRequired),
  });

  app.post('/workspaces/:workspaceId/posts/:postId/review', {
    config: { access: 'posts.approve' },
    schema: {
      tags,
      summary:
        'Approve a post in review (its deliveries are scheduled at the planned time) or request changes (comment required). 409 post.not_in_review; 409 post.review_time_passed when the planned time passed and no new publishAt is given',
      params: postParams,
      body: decisionBody.extend({
        publishAt: isoInstant().optional().describe('A new time, when the planned one passed'),
        timeZone: z.string().min(1).max(64).optional(),
      }),
      response: { 200: z.object({ id: z.string() }).passthrough() },
    },
    handler: async (req) => reviewPost(req.serviceContext(), deps, { workspaceId: req.params.workspaceId, postId: req.params.postId, ...req.body }),
  });

  app.get('/workspaces/:workspaceId/posts/:postId/reviews', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'The review history of a post, oldest first', params: postParams, response: { 200: z.object({ items: z.array(reviewRow) }) } },
    handler: async (req) => {
      await getPost(req.serviceContext(), req.params.workspaceId, req.params.postId);
      return listReviews(req.serviceContext(), req.params.workspaceId, req.params.postId);
    },
  });

  app.post('/workspaces/:workspaceId/review-links', {
    config: { access: 'posts.approve' },
    schema: {
      tags,
      summary: 'Create a link a client opens without an account to approve or request changes; the URL is in this answer only',
      params: workspaceParams,
      body: z.object({
        recipientName: z.string().trim().min(1, 'name who the link is for').max(200),
        recipientEmail: z.string().email('must be an e-mail address').max(320).optional(),
        postIds: z.array(z.string().min(1).max(100)).min(1).max(100).optional(),
        from: dateQuery().optional().describe('With to: every post in review planned in [from, to) (a week)'),
        to: dateQuery().optional(),
        expiresInDays: z.number().int().min(1, 'at least 1 day').max(30, 'at most 30 days').default(7),
      }),
      response: { 201: link.extend({ url: z.string() }) },
    },
    handler: async (req, reply) => reply.status(201).send(await createReviewLink(req.serviceContext(), publicOrigin, req.params.workspaceId, req.body)),
  });

  app.get('/workspaces/:workspaceId/review-links', {
    config: { access: 'posts.approve' },
    schema: {
      tags,
      summary: 'Review links of the workspace, newest first (without their tokens), in cursor pages',
      params: workspaceParams,
      querystring: z.object({
        postId: z.string().min(1).max(100).optional().describe('Only the links that show this post'),
        kind: z.enum(['posts', 'range'], { message: 'must be posts or range' }).optional().describe('posts: links for chosen posts; range: links for every post in review in a time range'),
        ...pageQuery({ default: 50, max: 200 }),
      }),
      response: { 200: pageOf(link) },
    },
    handler: async (req) => listReviewLinks(req.serviceContext().db, req.params.workspaceId, req.query),
  });

  for (const [method, url] of [
    ['DELETE', '/workspaces/:workspaceId/review-links/:linkId'],
    ['POST', '/workspaces/:workspaceId/review-links/:linkId/revoke'],
  ] as const) {
    app.route({
      method,
      url,
      config: { access: 'posts.approve' },
      schema: { tags, summary: 'Revoke a review link: it answers 410 from now on', params: linkParams, response: { 200: link } },
      handler: async (req) => revokeReviewLink(req.serviceContext(), req.params.workspaceId, req.params.linkId),
    });
  }
};
