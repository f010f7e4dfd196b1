import crypto from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../shared/errors.ts';
import type { MetricsExporter } from './metrics.exporter.ts';

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest();

/**
 * /metrics on the main port, for a scraper holding HERALD_METRICS_TOKEN. Without a token set it
 * answers 404 like any unknown address, so an instance that never opted in shows nothing.
 */
export const metricsRoutes: FastifyPluginAsync<{ exporter: MetricsExporter; token: string | undefined }> = async (app, { exporter, token }) => {
  // Hashes of equal length, compared in constant time: the answer's timing says nothing about the token.
  const expected = token ? sha256(token) : null;
  app.get('/metrics', {
    config: { access: 'public' },
    schema: { hide: true },
    handler: async (request, reply) => {
      if (!expected) return reply.callNotFound();
      const given = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (!given || !crypto.timingSafeEqual(sha256(given), expected)) {
        reply.header('www-authenticate', 'Bearer realm="herald-metrics"');
        throw new AppError('metrics.unauthorized', 401, 'Send the metrics token: Authorization: Bearer <HERALD_METRICS_TOKEN>');
      }
      return reply.type(exporter.contentType).header('cache-control', 'no-store').send(await exporter.text());
    },
  });
};
