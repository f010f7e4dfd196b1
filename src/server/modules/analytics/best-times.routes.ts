import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bestTimes } from './best-times.service.ts';

const weekday = z.number().int().min(1).max(7).describe('ISO weekday: 1 = Monday … 7 = Sunday');
const hour = z.number().int().min(0).max(23).describe('Hour of the day in the workspace’s time zone');
const answer = z.object({
  timeZone: z.string(),
  channelId: z.string().nullable(),
  basedOn: z.object({ posts: z.number().int(), weeks: z.number().int() }).describe('Published posts with counters in the last 90 days, and the distinct weeks they fall in'),
  enough: z.boolean().describe('False when there is too little data: no suggestion is made'),
  minimumPosts: z.number().int(),
  minimumWeeks: z.number().int(),
  suggestions: z.array(z.object({ weekday, hour, score: z.number().describe('1 = the channel’s average post'), posts: z.number().int() })),
  grid: z.array(z.object({ weekday, hour, posts: z.number().int(), meanEngagement: z.number(), score: z.number() })),
});

// Best times to post, from the workspace's own results (see best-times.service.ts for the rule).
export const bestTimesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/workspaces/:workspaceId/analytics/best-times', {
    config: { access: 'posts.read' },
    schema: {
      tags: ['analytics'],
      summary: 'Suggested posting times from engagement by weekday and hour, for one channel or the whole workspace',
      params: z.object({ workspaceId: z.string().min(1).max(100) }),
      querystring: z.object({ channelId: z.string().min(1).max(100).optional().describe('One channel; the whole workspace when left out') }),
      response: { 200: answer },
    },
    handler: async (req) => bestTimes(req.serviceContext(), req.params.workspaceId, { channelId: req.query.channelId ?? null }),
  });
};
