import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './ideas.service.ts';

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const columnParams = workspaceParams.extend({ columnId: z.string().min(1).max(100) });
const ideaParams = workspaceParams.extend({ ideaId: z.string().min(1).max(100) });

const columnName = z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters');
const position = z.number().int().min(0, 'must be 0 (the top) or more').max(10_000, 'must be at most 10000');
const mediaRef = z.object({ mediaId: z.string().min(1).max(100), altText: z.string().max(2000, 'must be at most 2000 characters').optional() });
const ideaFields = {
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  body: z.string().max(50_000, 'must be at most 50000 characters'),
  notes: z.string().max(10_000, 'must be at most 10000 characters'),
  media: z.array(mediaRef).max(35, 'at most 35 files'),
};

const idea = z.object({
  id: z.string(),
  columnId: z.string(),
  position: z.number(),
  title: z.string(),
  body: z.string(),
  notes: z.string(),
  media: z.array(mediaRef),
  postId: z.string().nullable().describe('The post it was turned into (null when none, or when that post was deleted)'),
  postState: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
const column = z.object({ id: z.string(), name: z.string(), position: z.number(), ideas: z.array(idea) });
const board = z.object({ columns: z.array(column) });

// The Ideas board: columns the team names and cards that wait there until someone turns them into posts.
export const ideasRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['ideas'];

  app.get('/workspaces/:workspaceId/ideas', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'The Ideas board: columns in order, each with its cards in order (a new board starts with Ideas, In progress, Ready)', params: workspaceParams, response: { 200: board } },
    handler: async (req) => service.getBoard(req.serviceContext(), req.params.workspaceId),
  });

  app.post('/workspaces/:workspaceId/ideas/columns', {
    config: { access: 'posts.edit' },
    schema: { tags, summary: 'Add a column at the end of the board', params: workspaceParams, body: z.object({ name: columnName }), response: { 201: column } },
    handler: async (req, reply) => reply.status(201).send(await service.createColumn(req.serviceContext(), req.params.workspaceId, req.body)),
  });

  app.patch('/workspaces/:workspaceId/ideas/columns/:columnId', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: 'Rename a column or move it (position 0 is first); answers the whole board',
      params: columnParams,
      body: z.object({ name: columnName.optional(), position: position.optional() }),
      response: { 200: board },
    },
    handler: async (req) => service.updateColumn(req.serviceContext(), req.params.workspaceId, req.params.columnId, req.body),
  });

  app.delete('/workspaces/:workspaceId/ideas/columns/:columnId', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: 'Delete a column; one with cards is refused (409 ideas.column_not_empty) unless moveTo names the column that takes them',
      params: columnParams,
      querystring: z.object({ moveTo: z.string().min(1).max(100).optional() }),
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await service.deleteColumn(req.serviceContext(), req.params.workspaceId, req.params.columnId, req.query);
      return reply.status(204).send(null);
    },
  });

  app.post('/workspaces/:workspaceId/ideas', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: 'Add a card at the bottom of a column (the first column when none is named)',
      params: workspaceParams,
      body: z.object({ columnId: z.string().min(1).max(100).optional(), title: ideaFields.title, body: ideaFields.body.optional(), notes: ideaFields.notes.optional(), media: ideaFields.media.optional() }),
      response: { 201: idea },
    },
    handler: async (req, reply) => reply.status(201).send(await service.createIdea(req.serviceContext(), req.params.workspaceId, req.body)),
  });

  app.get('/workspaces/:workspaceId/ideas/:ideaId', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'One card', params: ideaParams, response: { 200: idea } },
    handler: async (req) => service.getIdea(req.serviceContext(), req.params.workspaceId, req.params.ideaId),
  });

  app.patch('/workspaces/:workspaceId/ideas/:ideaId', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: "Edit a card's title, text, notes or media; files taken off it are released for the retention job",
      params: ideaParams,
      body: z.object({ title: ideaFields.title.optional(), body: ideaFields.body.optional(), notes: ideaFields.notes.optional(), media: ideaFields.media.optional() }),
      response: { 200: idea },
    },
    handler: async (req) => service.updateIdea(req.serviceContext(), req.params.workspaceId, req.params.ideaId, req.body),
  });

  app.delete('/workspaces/:workspaceId/ideas/:ideaId', {
    config: { access: 'posts.edit' },
    schema: { tags, summary: 'Delete a card; its files are released for the retention job', params: ideaParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.deleteIdea(req.serviceContext(), req.params.workspaceId, req.params.ideaId);
      return reply.status(204).send(null);
    },
  });

  app.post('/workspaces/:workspaceId/ideas/:ideaId/move', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: 'Put a card at a position (0 is the top; past the end is the bottom) of a column; both columns are renumbered',
      params: ideaParams,
      body: z.object({ columnId: z.string().min(1).max(100), position }),
      response: { 200: idea },
    },
    handler: async (req) => service.moveIdea(req.serviceContext(), req.params.workspaceId, req.params.ideaId, req.body),
  });

  app.post('/workspaces/:workspaceId/ideas/:ideaId/link', {
    config: { access: 'posts.edit' },
    schema: { tags, summary: 'Record the post this card was turned into', params: ideaParams, body: z.object({ postId: z.string().min(1).max(100) }), response: { 200: idea } },
    handler: async (req) => service.linkIdeaToPost(req.serviceContext(), req.params.workspaceId, req.params.ideaId, req.body),
  });
};
