import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { revokeOwnSession } from './sessions.service.ts';

export const sessionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.delete('/me/sessions/:sessionId', {
    config: { access: 'user' },
    schema: {
      tags: ['me'],
      summary: 'Sign out one of your sessions (ids from /api/auth/list-sessions); 404 session.not_found for an id that is not yours',
      params: z.object({ sessionId: z.string().min(1).max(100) }),
      response: { 200: z.object({ status: z.literal(true) }) },
    },
    handler: async (req, reply) => {
      await revokeOwnSession(req.serviceContext(), req.params.sessionId);
      // Revoking the session in use is signing out: the browser's cookie goes too.
      if (req.params.sessionId === req.auth?.sessionId) {
        for (const name of Object.keys(req.cookies)) {
          if (/^(__Secure-)?herald\./.test(name)) reply.clearCookie(name, { path: '/' });
        }
      }
      return { status: true as const };
    },
  });
};
