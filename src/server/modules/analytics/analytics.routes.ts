import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { analyticsSettings, deleteMetrics, setChannelAnalytics, setWorkspaceAnalytics } from './analytics.service.ts';

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const channelParams = workspaceParams.extend({ channelId: z.string().min(1).max(100) });
const toggle = z.object({
  enabled: z.boolean(),
  deleteCollected: z.boolean().optional().describe('Also delete the counters already collected'),
});
const deleted = z.object({ deleted: z.number().int() });
const settings = z.object({
  enabled: z.boolean(),
  instanceEnabled: z.boolean(),
  intervalMinutes: z.number(),
  windowDays: z.number(),
  collected: z.number().int(),
  channels: z.array(z.object({ id: z.string(), network: z.string(), name: z.string(), enabled: z.boolean(), collected: z.number().int(), status: z.string() })),
});

// Analytics collection and the right to object to it, per workspace and per channel.
export const analyticsRoutes: FastifyPluginAsyncZod<{ intervalMinutes: number; windowDays: number }> = async (app, instance) => {
  const tags = ['analytics'];

  app.get('/workspaces/:workspaceId/analytics/settings', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'Whether counters are collected for this workspace and each channel, and how many are stored', params: workspaceParams, response: { 200: settings } },
    handler: async (req) => analyticsSettings(req.serviceContext(), req.params.workspaceId, instance),
  });

  app.put('/workspaces/:workspaceId/analytics/settings', {
    config: { access: 'settings.manage' },
    schema: { tags, summary: 'Turn analytics collection on or off for the whole workspace (objection), optionally deleting what was collected', params: workspaceParams, body: toggle, response: { 200: deleted } },
    handler: async (req) => setWorkspaceAnalytics(req.serviceContext(), req.params.workspaceId, req.body),
  });

  app.put('/workspaces/:workspaceId/channels/:channelId/analytics', {
    config: { access: 'channels.manage' },
    schema: { tags, summary: 'Turn analytics collection on or off for one channel, optionally deleting what was collected', params: channelParams, body: toggle, response: { 200: deleted } },
    handler: async (req) => setChannelAnalytics(req.serviceContext(), req.params.workspaceId, req.params.channelId, req.body),
  });

  app.delete('/workspaces/:workspaceId/analytics/metrics', {
    config: { access: 'settings.manage' },
    schema: {
      tags,
      summary: "Delete the counters collected for this workspace (or one channel's)",
      params: workspaceParams,
      querystring: z.object({ channelId: z.string().min(1).max(100).optional() }),
      response: { 200: deleted },
    },
    handler: async (req) => deleteMetrics(req.serviceContext(), req.params.workspaceId, req.query.channelId ?? null),
  });
};
