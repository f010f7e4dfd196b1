import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isValidTimeZone } from '../../../shared/time-slots.ts';
import * as service from './time-slots.service.ts';

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const channelParams = workspaceParams.extend({ channelId: z.string().min(1).max(100) });
const timeZone = z.string().min(1).max(64).refine(isValidTimeZone, 'must be an IANA time zone, e.g. Europe/Berlin');
const slot = z.object({
  weekday: z.number().int().min(0, 'must be 0 (Monday) to 6 (Sunday)').max(6, 'must be 0 (Monday) to 6 (Sunday)'),
  minute: z.number().int().min(0, 'must be 0–1439 (minutes after midnight)').max(1439, 'must be 0–1439 (minutes after midnight)'),
});

// Posting times: the workspace's time zone and each channel's weekly slots, which "add to queue" fills.
export const timeSlotsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['posts'];

  app.get('/workspaces/:workspaceId/schedule-settings', {
    config: { access: 'posts.read' },
    schema: {
      tags,
      summary: "The workspace's time zone (time slots are in it)",
      params: workspaceParams,
      response: { 200: z.object({ timeZone: z.string(), timeZoneSet: z.boolean().describe('false: nobody chose one yet, UTC applies') }) },
    },
    handler: async (req) => service.getScheduleSettings(req.serviceContext(), req.params.workspaceId),
  });

  app.put('/workspaces/:workspaceId/schedule-settings', {
    config: { access: 'settings.manage' },
    schema: { tags, summary: "Set the workspace's time zone", params: workspaceParams, body: z.object({ timeZone }), response: { 200: z.object({ timeZone: z.string() }) } },
    handler: async (req) => service.setTimeZone(req.serviceContext(), req.params.workspaceId, req.body),
  });

  app.get('/workspaces/:workspaceId/channels/:channelId/slots', {
    config: { access: 'channels.read' },
    schema: { tags, summary: "A channel's weekly posting times", params: channelParams, response: { 200: z.object({ slots: z.array(slot) }) } },
    handler: async (req) => service.getChannelSlots(req.serviceContext(), req.params.workspaceId, req.params.channelId),
  });

  app.put('/workspaces/:workspaceId/channels/:channelId/slots', {
    config: { access: 'channels.manage' },
    schema: { tags, summary: "Replace a channel's weekly posting times", params: channelParams, body: z.object({ slots: z.array(slot).max(7 * 48, 'at most 336 slots') }), response: { 200: z.object({ slots: z.array(slot) }) } },
    handler: async (req) => service.setChannelSlots(req.serviceContext(), req.params.workspaceId, req.params.channelId, req.body),
  });

  app.get('/workspaces/:workspaceId/channels/:channelId/slots/upcoming', {
    config: { access: 'channels.read' },
    schema: {
      tags,
      summary: "A channel's next free posting times, soonest first (what \"add to queue\" fills in turn)",
      params: channelParams,
      querystring: z.object({ count: z.coerce.number().int().min(1).max(50).default(5) }),
      response: { 200: z.object({ timeZone: z.string(), items: z.array(z.date()) }) },
    },
    handler: async (req) => service.upcomingSlots(req.serviceContext(), req.params.workspaceId, req.params.channelId, req.query.count),
  });

  app.get('/workspaces/:workspaceId/queue/next', {
    config: { access: 'posts.read' },
    schema: {
      tags,
      summary: 'The next free time slot shared by these channels ("add to queue" would take it)',
      params: workspaceParams,
      querystring: z.object({ channelIds: z.string().max(5000).default('').describe('Comma-separated channel ids') }),
      response: { 200: z.object({ at: z.date().nullable(), timeZone: z.string() }) },
    },
    handler: async (req) => service.nextQueueSlot(req.serviceContext().db, req.params.workspaceId, req.query.channelIds.split(',').filter(Boolean)),
  });
};
