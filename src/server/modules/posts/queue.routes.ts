import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './queue.service.ts';

const channelParams = z.object({ workspaceId: z.string().min(1).max(100), channelId: z.string().min(1).max(100) });
const queueAnswer = z.object({
  timeZone: z.string().describe('The workspace zone: days and times are shown in it'),
  hasPostingTimes: z.boolean(),
  posts: z.array(
    z.object({
      postId: z.string(),
      deliveryId: z.string(),
      at: z.date(),
      state: z.string().describe('queued | publishing | processing'),
      text: z.string().describe('The start of the text'),
      media: z.object({ mediaId: z.string(), kind: z.string() }).nullable().describe('The first media file, for a thumbnail'),
      mediaCount: z.number().int(),
      pinned: z.boolean().describe('Goes to several channels: one time for all of them, so reorder and shuffle leave it where it is'),
      channelCount: z.number().int(),
      movable: z.boolean().describe('Reorder and shuffle may move it (queued, single-channel, not about to go out)'),
    }),
  ),
  freeSlots: z.array(z.date()).describe('Posting times no post takes, up to a week after the last queued post (or after now)'),
});

// The queue view of a channel: list, reorder (times stay, posts swap) and shuffle.
export const queueRoutes: FastifyPluginAsyncZod<{ deps: service.QueueDeps }> = async (app, { deps }) => {
  const tags = ['posts'];

  app.get('/workspaces/:workspaceId/channels/:channelId/queue', {
    config: { access: 'posts.read' },
    schema: { tags, summary: "A channel's upcoming posts in time order, with the free posting times between them", params: channelParams, response: { 200: queueAnswer } },
    handler: async (req) => service.getQueue(req.serviceContext(), req.params.workspaceId, req.params.channelId),
  });

  app.post('/workspaces/:workspaceId/channels/:channelId/queue/reorder', {
    config: { access: 'posts.schedule' },
    schema: {
      tags,
      summary: 'Reorder queued posts: they keep the same times and take them in the order given; the wake-ups move with them',
      description:
        "postIds must be exactly the channel's movable posts between the earliest and the latest of them (400 with the field otherwise). Posts sent to several channels are pinned and cannot be listed. 409 queue.publishing when one has started publishing meanwhile.",
      params: channelParams,
      body: z.object({ postIds: z.array(z.string().min(1).max(100)).min(1, 'list at least one post').max(1000, 'at most 1000 posts') }),
      response: { 200: queueAnswer },
    },
    handler: async (req) => service.reorderQueue(req.serviceContext(), deps, { workspaceId: req.params.workspaceId, channelId: req.params.channelId, postIds: req.body.postIds }),
  });

  app.post('/workspaces/:workspaceId/channels/:channelId/queue/shuffle', {
    config: { access: 'posts.schedule' },
    schema: { tags, summary: "Shuffle the channel's movable upcoming posts among their own times (pinned multi-channel posts stay)", params: channelParams, response: { 200: queueAnswer } },
    handler: async (req) => service.shuffleQueue(req.serviceContext(), deps, { workspaceId: req.params.workspaceId, channelId: req.params.channelId }),
  });
};
