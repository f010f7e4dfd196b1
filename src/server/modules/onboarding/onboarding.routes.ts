import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dismissOnboarding, getOnboarding, onboardingSteps } from './onboarding.service.ts';

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const checklist = z.object({
  steps: z.array(z.object({ id: z.enum(onboardingSteps), done: z.boolean() })).describe('In the order to do them; done is read from the data'),
  allDone: z.boolean(),
  dismissedAt: z.date().nullable(),
  show: z.boolean().describe('Not all done and not dismissed: the web app shows the checklist'),
});

export const onboardingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['workspaces'];
  app.get('/workspaces/:workspaceId/onboarding', {
    config: { access: 'workspace.read' },
    schema: { tags, summary: "The getting-started checklist: connect a channel, set posting times, invite the team, write the first post", params: workspaceParams, response: { 200: checklist } },
    handler: async (req) => getOnboarding(req.serviceContext(), req.params.workspaceId),
  });
  app.post('/workspaces/:workspaceId/onboarding/dismiss', {
    config: { access: 'settings.manage' },
    schema: { tags, summary: 'Hide the getting-started checklist for everyone in the workspace', params: workspaceParams, response: { 200: checklist } },
    handler: async (req) => dismissOnboarding(req.serviceContext(), req.params.workspaceId),
  });
};
