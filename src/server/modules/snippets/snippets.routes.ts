import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './snippets.service.ts';

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const snippetParams = workspaceParams.extend({ snippetId: z.string().min(1).max(100) });

const fields = {
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  text: z.string().refine((t) => t.trim().length > 0, 'must not be empty').pipe(z.string().max(5000, 'must be at most 5000 characters')),
  kind: z.enum(service.snippetKinds, { message: `must be one of ${service.snippetKinds.join(', ')}` }),
};
const snippet = z.object({
  id: z.string(),
  name: z.string(),
  text: z.string(),
  kind: z.enum(service.snippetKinds).describe('hashtags and other are inserted at the cursor; a signature is added at the end of the text'),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

// Snippets: hashtag groups, signatures and other saved texts the composer inserts.
export const snippetsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['snippets'];

  app.get('/workspaces/:workspaceId/snippets', {
    config: { access: 'posts.read' },
    schema: { tags, summary: "The workspace's snippets, by kind then name", params: workspaceParams, response: { 200: z.object({ snippets: z.array(snippet) }) } },
    handler: async (req) => ({ snippets: await service.listSnippets(req.serviceContext(), req.params.workspaceId) }),
  });

  app.post('/workspaces/:workspaceId/snippets', {
    config: { access: 'posts.edit' },
    schema: { tags, summary: 'Save a snippet (at most 200 per workspace)', params: workspaceParams, body: z.object(fields), response: { 201: snippet } },
    handler: async (req, reply) => reply.status(201).send(await service.createSnippet(req.serviceContext(), req.params.workspaceId, req.body)),
  });

  app.get('/workspaces/:workspaceId/snippets/:snippetId', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'One snippet', params: snippetParams, response: { 200: snippet } },
    handler: async (req) => service.getSnippet(req.serviceContext(), req.params.workspaceId, req.params.snippetId),
  });

  app.patch('/workspaces/:workspaceId/snippets/:snippetId', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: "Change a snippet's name, text or kind",
      params: snippetParams,
      body: z.object({ name: fields.name.optional(), text: fields.text.optional(), kind: fields.kind.optional() }),
      response: { 200: snippet },
    },
    handler: async (req) => service.updateSnippet(req.serviceContext(), req.params.workspaceId, req.params.snippetId, req.body),
  });

  app.delete('/workspaces/:workspaceId/snippets/:snippetId', {
    config: { access: 'posts.edit' },
    schema: { tags, summary: 'Delete a snippet (posts it was inserted into keep their text)', params: snippetParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.deleteSnippet(req.serviceContext(), req.params.workspaceId, req.params.snippetId);
      return reply.status(204).send(null);
    },
  });
};
