import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.ts';

/**
 * Counts checks of a password or a code made by a signed-in user (change password, two-factor,
 * account deletion, e-mail change links): per IP address and, when the caller is signed in, per
 * user, so a stolen session cannot guess the password from many addresses and one address cannot
 * guess for many accounts. Each check counts against both budgets; either one running out answers
 * 429 `rate_limited`.
 */
export type SecretCheckLimit = (request: FastifyRequest, reply: FastifyReply, userId: string | null) => Promise<void>;

export function createSecretCheckLimit(app: FastifyInstance, options: { max: number; timeWindowMs: number }): SecretCheckLimit {
  const users = new WeakMap<FastifyRequest, string>();
  const perIp = app.createRateLimit({ max: options.max, timeWindow: options.timeWindowMs, keyGenerator: (req) => `secret-check:ip:${req.ip}` });
  const perUser = app.createRateLimit({ max: options.max, timeWindow: options.timeWindowMs, keyGenerator: (req) => `secret-check:user:${users.get(req)}` });

  return async (request, reply, userId) => {
    const results = [await perIp(request)];
    if (userId) {
      users.set(request, userId);
      results.push(await perUser(request));
    }
    const exceeded = results.flatMap((result) => (!result.isAllowed && result.isExceeded ? [result] : []));
    if (exceeded.length === 0) return;
    const waitSeconds = Math.max(1, ...exceeded.map((result) => result.ttlInSeconds));
    reply.header('retry-after', String(waitSeconds));
    throw new AppError('rate_limited', 429, `Too many attempts. Try again in ${waitSeconds} s.`, { retryAfterSeconds: waitSeconds });
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** See createSecretCheckLimit; installed once in app.ts next to the other rate limits. */
    secretCheckLimit: SecretCheckLimit;
  }
}
