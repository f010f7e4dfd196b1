import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PREFLIGHT_MAX_MINUTES } from './preflight-alerts.ts';
import { getPreflightSettings, setPreflightSettings } from './preflight-settings.ts';

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const minutes = z
  .number()
  .int('must be a whole number of minutes')
  .min(0, 'must be 0 (off) to 1440 minutes')
  .max(PREFLIGHT_MAX_MINUTES, 'must be 0 (off) to 1440 minutes')
  .describe('How long before a scheduled post Herald checks what would make it fail and warns; 0 turns the check off');

// The pre-flight alert's lead time, a workspace setting.
export const preflightRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['posts'];
  app.get('/workspaces/:workspaceId/preflight-settings', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'How long before a scheduled post the pre-flight check warns', params: workspaceParams, response: { 200: z.object({ preflightMinutes: minutes }) } },
    handler: async (req) => getPreflightSettings(req.serviceContext(), req.params.workspaceId),
  });
  app.put('/workspaces/:workspaceId/preflight-settings', {
    config: { access: 'settings.manage' },
    schema: { tags, summary: 'Set how long before a scheduled post the pre-flight check warns (0: off)', params: workspaceParams, body: z.object({ preflightMinutes: minutes }), response: { 200: z.object({ preflightMinutes: minutes }) } },
    handler: async (req) => setPreflightSettings(req.serviceContext(), req.params.workspaceId, req.body),
  });
};
