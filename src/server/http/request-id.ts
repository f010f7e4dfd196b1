import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An id a proxy or client sent is kept when it is a short token of safe characters (it is echoed in
 * headers, logs and error bodies); anything else gets a fresh one, never a cleaned-up copy.
 */
const safeRequestId = /^[A-Za-z0-9._:-]{1,64}$/;

/** Fastify's genReqId: the incoming x-request-id when safe, else a random UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && safeRequestId.test(given) ? given : crypto.randomUUID();
}

/**
 * Every answer carries its request's id in x-request-id, and every JSON error answer also in
 * `error.requestId`, so what a user reports can be found in the logs (request.log lines carry it as
 * `requestId`). Error answers are written in many places (the error handler, hand-written 4xx, the
 * not-found handler, rate limits), hence one onSend hook rather than each of them.
 */
export function installRequestIds(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').includes('json')) return payload;
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      return payload;
    }
    const error = (body as { error?: unknown } | null)?.error;
    if (!error || typeof error !== 'object' || Array.isArray(error)) return payload;
    (error as Record<string, unknown>).requestId = request.id;
    return JSON.stringify(body);
  });
}
