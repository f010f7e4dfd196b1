import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { pingDatabase } from './health.service.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get('/healthz', {
    config: { access: 'public' },
    schema: { tags: ['health'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/readyz', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: 'The database answers and every migration is applied',
      response: { 200: z.object({ status: z.literal('ready'), database: z.string() }), 503: z.object({ status: z.literal('not_ready'), reason: z.string() }) },
    },
    handler: async (_req, reply) => {
      try {
        await pingDatabase(database);
        if (!(await database.migrationsApplied())) return reply.status(503).send({ status: 'not_ready' as const, reason: 'migrations pending' });
        return { status: 'ready' as const, database: database.kind };
      } catch {
        return reply.status(503).send({ status: 'not_ready' as const, reason: 'database unreachable' });
      }
    },
  });
};
