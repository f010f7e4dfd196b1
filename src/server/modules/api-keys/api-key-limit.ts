import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.ts';

/**
 * Requests per key per window, told to the client in the standard headers (RateLimit-Limit,
 * RateLimit-Remaining, RateLimit-Reset in seconds) on every answer, so scripts can pace themselves
 * before they run into a 429.
 */
export function createApiKeyLimit(app: FastifyInstance, options: { max: number; timeWindowMs: number }) {
  const keys = new WeakMap<FastifyRequest, string>();
  const check = app.createRateLimit({ max: options.max, timeWindow: options.timeWindowMs, keyGenerator: (req) => `api-key:${keys.get(req)}` });
  return async (request: FastifyRequest, reply: FastifyReply, keyId: string) => {
    keys.set(request, keyId);
    const result = await check(request);
    if (result.isAllowed) return;
    reply.header('ratelimit-limit', String(result.max));
    reply.header('ratelimit-remaining', String(Math.max(0, result.remaining)));
    reply.header('ratelimit-reset', String(result.ttlInSeconds));
    if (!result.isExceeded) return;
    reply.header('retry-after', String(result.ttlInSeconds));
    throw new AppError('rate_limited', 429, `This API key made too many requests. Try again in ${result.ttlInSeconds} s.`, { retryAfterSeconds: result.ttlInSeconds });
  };
}
