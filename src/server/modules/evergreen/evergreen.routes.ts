import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLanguage } from '../../http/request-language.ts';
import * as service from './evergreen.service.ts';

const postParams = z.object({ workspaceId: z.string().min(1).max(100), postId: z.string().min(1).max(100) });

const body = z.object({
  everyDays: z
    .number({ message: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(service.EVERY_DAYS.min, `must be at least ${service.EVERY_DAYS.min} day`)
    .max(service.EVERY_DAYS.max, `must be at most ${service.EVERY_DAYS.max} days`)
    .describe('A copy is queued once this many days have passed since the post (or its last copy) went out'),
  maxTimes: z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(service.MAX_TIMES.min, `must be at least ${service.MAX_TIMES.min}`)
    .max(service.MAX_TIMES.max, `must be at most ${service.MAX_TIMES.max}`)
    .describe('At most this many copies in all'),
  variations: z
    .array(z.string().refine((t) => t.trim().length > 0, 'must not be empty').pipe(z.string().max(5000, 'must be at most 5000 characters')))
    .max(service.MAX_VARIATIONS, `at most ${service.MAX_VARIATIONS} variations`)
    .default([])
    .describe('Texts the copies use in turn (the first copy the first one); none: the copies keep the original text'),
});

const evergreen = z.object({
  enabled: z.boolean(),
  everyDays: z.number(),
  maxTimes: z.number(),
  variations: z.array(z.string()),
  recycledCount: z.number().describe('Copies made so far'),
  lastRecycledAt: z.date().nullable(),
  ownerUserId: z.string().nullable().describe('Copies are made in this member’s name and role (the last one who saved the setting)'),
  skipReason: z.string().nullable().describe('Why the last due copy was not made (e.g. the channel is disconnected); null when nothing stops it (in the request’s language, Accept-Language; rows from before Herald kept words stay in English)'),
  skippedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  copies: z.array(z.object({ id: z.string(), state: z.string(), publishAt: z.date().nullable(), createdAt: z.date() })).describe('The copies made, oldest first'),
});

// Evergreen posts: published posts that go back into their channels' queue every N days, M times.
export const evergreenRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['posts'];

  app.get('/workspaces/:workspaceId/posts/:postId/evergreen', {
    config: { access: 'posts.read' },
    schema: {
      tags,
      summary: "A post's evergreen setting and the copies made (null when it was never evergreen); for a recycled copy, its original",
      params: postParams,
      response: { 200: z.object({ evergreen: evergreen.nullable(), recycledFrom: z.string().nullable().describe('The evergreen post this one is a copy of') }) },
    },
    handler: async (req) => service.getEvergreen(req.serviceContext(), req.params.workspaceId, req.params.postId, requestLanguage(req)),
  });

  app.put('/workspaces/:workspaceId/posts/:postId/evergreen', {
    config: { access: 'posts.schedule' },
    schema: {
      tags,
      summary: 'Make a post evergreen (or change how): once published, a copy is queued every N days, at most M times, with the variations in turn',
      params: postParams,
      body,
      response: { 200: evergreen },
    },
    handler: async (req) => service.setEvergreen(req.serviceContext(), req.params.workspaceId, req.params.postId, req.body),
  });

  app.delete('/workspaces/:workspaceId/posts/:postId/evergreen', {
    config: { access: 'posts.schedule' },
    schema: { tags, summary: 'Stop recycling a post; the copies made and their count stay', params: postParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.stopEvergreen(req.serviceContext(), req.params.workspaceId, req.params.postId);
      return reply.status(204).send(null);
    },
  });
};
