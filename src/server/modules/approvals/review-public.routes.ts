import { supportedLanguages } from '../../../shared/languages.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { openMedia } from '../media/media.service.ts';
import type { MediaStorage } from '../media/media.storage.ts';
import type { PostsDeps } from '../posts/posts.content.ts';
import { AppError } from '../shared/errors.ts';
import { decisionBody } from './approvals.routes.ts';
import { decideByLink, linkMedia, openReviewLink } from './review-links.service.ts';

// Per IP: a client reads a handful of posts and decides on each; nobody needs more, and guessing
// a 32-byte token is hopeless anyway.
const READS_PER_MINUTE = 120;
const DECISIONS_PER_MINUTE = 30;

const tokenParams = z.object({ token: z.string().min(20, 'is not a review link token').max(100).regex(/^[A-Za-z0-9_-]+$/, 'is not a review link token') });

const publicPost = z.object({
  id: z.string(),
  state: z.string(),
  publishAt: z.date().nullable(),
  timeZone: z.string(),
  review: z.object({ overdue: z.boolean(), approvedAt: z.date().nullable(), approvedByName: z.string().nullable() }),
  deliveries: z.array(z.object({ id: z.string(), channelId: z.string(), network: z.string(), channel: z.object({ username: z.string().nullable(), displayName: z.string().nullable() }).nullable(), content: z.unknown(), settings: z.record(z.string(), z.unknown()) })),
  reviews: z.array(z.object({ decision: z.string(), comment: z.string().nullable(), actorName: z.string(), createdAt: z.date() })),
});

/** The review page's API for a client without an account: the link's token is the only key. */
export const reviewPublicRoutes: FastifyPluginAsyncZod<{ db: Db; deps: PostsDeps; storage: MediaStorage }> = async (app, { db, deps, storage }) => {
  const tags = ['review links'];

  app.get('/api/v1/review/:token', {
    config: { access: 'public', rateLimit: { max: READS_PER_MINUTE, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: 'What a review link shows (no account): workspace, recipient, each post with its content per channel. 404 review_link.not_found; 410 review_link.expired / review_link.revoked',
      security: [],
      params: tokenParams,
      response: { 200: z.object({ workspaceName: z.string(), language: z.enum(supportedLanguages).describe("The workspace's language for its clients: the page shows in it"), recipientName: z.string(), expiresAt: z.date(), files: z.array(z.object({ mediaId: z.string(), kind: z.string(), fileName: z.string(), url: z.string() })), posts: z.array(publicPost) }) },
    },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      return openReviewLink(db, req.params.token);
    },
  });

  app.post('/api/v1/review/:token/posts/:postId/decision', {
    // Anonymous (the link is the credential): no caller to scope an Idempotency-Key to.
    config: { access: 'public', idempotent: false, rateLimit: { max: DECISIONS_PER_MINUTE, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: 'Approve or request changes on a post of the link, as its named recipient (comment required for changes). 409 post.not_in_review, post.review_time_passed',
      security: [],
      params: tokenParams.extend({ postId: z.string().min(1).max(100) }),
      body: decisionBody.strict(),
      response: { 200: publicPost },
    },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return decideByLink(db, deps, req.params.token, req.params.postId, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    },
  });

  app.get('/api/v1/review/:token/media/:mediaId', {
    config: { access: 'public', rateLimit: { max: READS_PER_MINUTE * 4, timeWindow: 60_000 } },
    schema: { tags, summary: 'A file of a post the link shows (its previews); 404 for any other', security: [], params: tokenParams.extend({ mediaId: z.string().min(1).max(100) }) },
    handler: async (req, reply) => {
      const row = await linkMedia(db, req.params.token, req.params.mediaId);
      if (row.status !== 'ready') throw new AppError('media.deleted', 410, 'This file has been deleted', { mediaId: row.id });
      return reply.header('x-content-type-options', 'nosniff').header('cache-control', 'private, max-age=3600').type(row.mimeType).send(openMedia(storage, row));
    },
  });
};
