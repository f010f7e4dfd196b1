import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import type { Queue } from '../../jobs/queue.ts';
import type { MediaStorage } from '../media/media.storage.ts';
import { checkReadiness } from './instance-health.ts';

const part = z.object({ ok: z.boolean(), reason: z.string().optional().describe('Why this part is not ready') });
const parts = {
  database: z.string().describe('Which database engine: pglite (embedded) or postgres'),
  checks: z.object({
    database: part,
    queue: part.extend({ waiting: z.number().int().optional().describe('Jobs ready to run, all queues'), active: z.number().int().optional().describe('Jobs running, all queues') }),
    storage: part.describe('The media storage took a small write and deleted it'),
  }),
};

export const healthRoutes: FastifyPluginAsyncZod<{ database: Database; boss: Queue; storage: MediaStorage }> = async (app, deps) => {
  app.get('/healthz', {
    config: { access: 'public' },
    schema: { tags: ['health'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/readyz', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: 'The database answers with every migration applied, the job queue answers, and the media storage is writable',
      response: {
        200: z.object({ status: z.literal('ready'), ...parts }),
        503: z.object({ status: z.literal('not_ready'), reason: z.string().describe('The first part that is not ready, in words'), ...parts }),
      },
    },
    handler: async (_req, reply) => {
      const readiness = await checkReadiness(deps);
      const { database, queue, storage } = readiness;
      const answer = { database: database.kind, checks: { database: { ok: database.ok, reason: database.reason }, queue, storage } };
      if (readiness.ready) return { status: 'ready' as const, ...answer };
      const reason = [database, queue, storage].find((p) => !p.ok)!.reason!;
      return reply.status(503).send({ status: 'not_ready' as const, reason, ...answer });
    },
  });
};
