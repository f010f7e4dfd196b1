import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, pageQuery } from '../shared/cursor.ts';
import * as service from './comments.service.ts';

const postParams = z.object({ workspaceId: z.string().min(1).max(100), postId: z.string().min(1).max(100) });
const commentParams = postParams.extend({ commentId: z.string().min(1).max(100) });
const input = z.object({
  body: z.string().trim().min(1, 'write something').max(5000, 'at most 5000 characters'),
  mentions: z.array(z.string().min(1).max(100)).max(50, 'at most 50 mentions').default([]).describe('User ids of the members mentioned with @ (each is told once)'),
});
const comment = z.object({
  id: z.string(),
  postId: z.string(),
  body: z.string(),
  author: z.object({ id: z.string().nullable().describe('null once the author deleted their account'), name: z.string().describe('"Former member" once the account is gone'), image: z.string().nullable() }),
  mentions: z.array(z.object({ userId: z.string(), name: z.string() })),
  createdAt: z.date(),
  editedAt: z.date().nullable(),
});

// Internal comments on a post. Everyone who can read posts may discuss them (approvers and viewers
// too: clients and reviewers talk about a post without editing it). Comments never go to a network.
export const commentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['comments'];

  app.get('/workspaces/:workspaceId/posts/:postId/comments', {
    config: { access: 'posts.read' },
    schema: {
      tags,
      summary: "A post's internal comments, oldest first (never sent to a network), in cursor pages",
      params: postParams,
      querystring: z.object(pageQuery({ default: 50, max: 200 })),
      response: { 200: pageOf(comment) },
    },
    handler: async (req) => service.listComments(req.serviceContext(), req.params, req.query),
  });

  app.post('/workspaces/:workspaceId/posts/:postId/comments', {
    config: { access: 'posts.read' },
    schema: {
      tags,
      summary: 'Comment on a post: any member who can read posts may (viewers and approvers too); mentioned members are notified',
      params: postParams,
      body: input,
      response: { 201: comment },
    },
    handler: async (req, reply) => reply.code(201).send(await service.createComment(req.serviceContext(), req.params, req.body)),
  });

  app.patch('/workspaces/:workspaceId/posts/:postId/comments/:commentId', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'Edit your own comment (members newly mentioned are notified)', params: commentParams, body: input, response: { 200: comment } },
    handler: async (req) => service.editComment(req.serviceContext(), req.params, req.body),
  });

  app.delete('/workspaces/:workspaceId/posts/:postId/comments/:commentId', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'Delete your own comment (owners and admins may delete any)', params: commentParams, response: { 200: z.object({ deleted: z.boolean() }) } },
    handler: async (req) => service.deleteComment(req.serviceContext(), { ...req.params, role: req.workspace!.role }),
  });
};
