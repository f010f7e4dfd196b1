import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queue } from '../../jobs/queue.ts';
import * as service from './restriction.service.ts';

const restriction = z.object({
  restricted: z.boolean().describe('True while processing is paused: nothing is published and no token is refreshed for the channels you connected'),
  restrictedAt: z.date().nullable(),
});

/** "Pause processing" (GDPR art. 18) for the signed-in user. */
export const restrictionRoutes: FastifyPluginAsyncZod<{ boss: Queue }> = async (app, { boss }) => {
  const tags = ['privacy'];

  app.get('/me/restriction', {
    config: { access: 'user' },
    schema: { tags, summary: 'Whether processing is paused for you', response: { 200: restriction } },
    handler: async (req) => service.getRestriction(req.serviceContext()),
  });

  app.post('/me/restriction', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Pause or resume processing; resuming sends overdue scheduled posts at once (marked late)',
      body: z.object({ restricted: z.boolean() }),
      response: { 200: restriction },
    },
    handler: async (req) => service.setRestriction(req.serviceContext(), { boss }, req.body.restricted),
  });
};
