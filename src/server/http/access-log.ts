import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import { accessLog } from '../db/schema/index.ts';

type Row = typeof accessLog.$inferInsert;

// Reset links carry their token in the path; the table keeps the route shape only.
function routeOf(url: string, pattern: string | undefined): string {
  if (pattern && pattern !== '/api/auth/*' && pattern !== '/*') return pattern;
  const path = url.split('?')[0] ?? url;
  if (pattern === '/*') return '/*';
  return path.replace(/^(\/api\/auth\/reset-password\/)[^/]+/, '$1:token');
}

/**
 * Records each request in `access_log`. Rows are buffered and written in batches so a request
 * never waits for its own log line; on shutdown the buffer is flushed.
 */
export function installAccessLog(app: FastifyInstance, db: Db, logger: Logger, flushMs = 1000) {
  let buffer: Row[] = [];
  let flushing: Promise<void> = Promise.resolve();

  const flush = () => {
    if (!buffer.length) return flushing;
    const rows = buffer;
    buffer = [];
    flushing = flushing.then(() =>
      db
        .insert(accessLog)
        .values(rows)
        .then(() => undefined)
        .catch((err: unknown) => logger.error({ err, rows: rows.length }, 'access log write failed')),
    );
    return flushing;
  };
  const timer = setInterval(flush, flushMs);
  timer.unref();

  app.addHook('onResponse', async (request, reply) => {
    const url = request.url;
    if (url === '/healthz' || url === '/readyz') return;
    buffer.push({
      method: request.method,
      route: routeOf(url, request.routeOptions.url),
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
      userId: request.auth?.userId ?? null,
      workspaceId: request.workspace?.id ?? null,
      ip: request.ip,
      userAgent: request.headers['user-agent']?.slice(0, 512) ?? null,
    });
    if (buffer.length >= 200) void flush();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await flush();
  });
  app.decorate('flushAccessLog', flush);
}

declare module 'fastify' {
  interface FastifyInstance {
    flushAccessLog(): Promise<void>;
  }
}
