import crypto from 'node:crypto';
import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import fp from 'fastify-plugin';
import { and, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { idempotentRequests, idempotentRequestsKeptMs } from '../db/schema/index.ts';
import { AppError } from '../modules/shared/errors.ts';

/**
 * `Idempotency-Key` on every creating call (POST) of Herald's API and the Postiz-compatible one: a
 * client that lost an answer sends the call again with the same key and gets the first answer back
 * (`Idempotent-Replayed: true`) instead of a second post, webhook or comment. Registered after the
 * route-access plugin, so the caller (session user or API key) is known when a key is claimed.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false`: the route ignores Idempotency-Key (uploads resumed by their own protocol, anonymous routes). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** The row this request claimed, answered once the reply is known. */
    idempotencyClaim: SQL | null;
  }
}

const prefixes = ['/api/v1/', '/public/v1/', '/api/public/v1/'];
const keyPattern = /^[\x20-\x7e]{1,255}$/;
// A claim this old is a request that died with its worker: a retry may take the key over.
const abandonedAfterMs = 2 * 60_000;

const headerDescription =
  'Send a creating call again safely: the same key (1–255 printable ASCII characters) within 24 hours answers what the first call answered, with `Idempotent-Replayed: true`. The same key with another body: 422 idempotency.key_reused; while the first call runs: 409 idempotency.in_progress';

const appliesTo = (method: string, url: string | undefined, config: { idempotent?: boolean } | undefined) =>
  method === 'POST' && url !== undefined && config?.idempotent !== false && prefixes.some((prefix) => url.startsWith(prefix));

/** Object keys sorted at every depth: the same body always hashes the same, however it was written. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((k) => [k, canonical(record[k])]));
  }
  return value;
}

const fingerprintOf = (request: FastifyRequest) =>
  crypto.createHash('sha256').update(`${request.method}\n${request.url}\n${JSON.stringify(canonical(request.body ?? null))}`).digest('hex');

function keyOf(request: FastifyRequest): string {
  const raw = request.headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw.join(', ') : (raw ?? '');
  if (!keyPattern.test(key)) {
    const message = 'must be 1 to 255 printable ASCII characters';
    throw new AppError('validation_failed', 400, `headers.idempotency-key: ${message}`, { issues: [{ field: 'headers.idempotency-key', message }] });
  }
  return key;
}

export const idempotencyPlugin = fp<{ db: Db }>(async (app: FastifyInstance, { db }) => {
  app.decorateRequest('idempotencyClaim', null);

  async function release(claim: SQL) {
    await db.delete(idempotentRequests).where(claim);
  }

  // After validation and permission checks: a refused call claims nothing, and the body is parsed.
  app.addHook('preHandler', async (request, reply) => {
    if (request.headers['idempotency-key'] === undefined || !appliesTo(request.method, request.routeOptions.url, request.routeOptions.config)) return;
    // Anonymous callers have no one to scope a key to.
    if (!request.auth) return;
    // A multipart file streams to disk unread here, so no fingerprint could tell two uploads apart.
    if (request.isMultipart?.()) return;
    const key = keyOf(request);
    const workspaceId = request.workspace?.id ?? request.postiz?.workspaceId ?? null;
    const actor = request.apiKey ? `key:${request.apiKey.keyId}` : `user:${request.auth.userId}`;
    const row = { scope: workspaceId ? `${actor}:${workspaceId}` : actor, method: request.method, route: request.routeOptions.url!, key };
    const claim = and(eq(idempotentRequests.scope, row.scope), eq(idempotentRequests.method, row.method), eq(idempotentRequests.route, row.route), eq(idempotentRequests.key, key))!;
    const fingerprint = fingerprintOf(request);
    // Insert-or-read, never read-then-insert: of several identical calls at once exactly one claims.
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = new Date();
      const claimed = await db
        .insert(idempotentRequests)
        .values({ ...row, userId: request.auth.userId, workspaceId, fingerprint, createdAt: now })
        .onConflictDoNothing()
        .returning({ key: idempotentRequests.key });
      if (claimed.length) {
        request.idempotencyClaim = claim;
        return;
      }
      const [existing] = await db.select().from(idempotentRequests).where(claim);
      // Released in between (the first call failed): claim again.
      if (!existing) continue;
      const expired = existing.createdAt.getTime() < now.getTime() - idempotentRequestsKeptMs;
      if (!expired && existing.fingerprint !== fingerprint) {
        throw new AppError('idempotency.key_reused', 422, 'This Idempotency-Key was already used for a different request');
      }
      if (!expired && existing.status !== null) {
        reply.header('idempotent-replayed', 'true');
        if (existing.contentType) reply.type(existing.contentType);
        // Sent as text: the stored answer is already what the route serialized the first time.
        const body = existing.body === null ? undefined : typeof existing.body === 'string' && !existing.contentType?.includes('json') ? existing.body : JSON.stringify(existing.body);
        return reply.status(existing.status).send(body);
      }
      if (!expired && existing.createdAt.getTime() > now.getTime() - abandonedAfterMs) {
        throw new AppError('idempotency.in_progress', 409, 'A request with this Idempotency-Key is still being processed; try again shortly');
      }
      // Expired before the sweep came, or abandoned: taken over by whoever updates it first (the
      // condition is checked again under the row lock, so a second taker finds it fresh).
      const taken = await db
        .update(idempotentRequests)
        .set({ fingerprint, userId: request.auth.userId, workspaceId, status: null, body: null, contentType: null, createdAt: now })
        .where(
          and(
            claim,
            or(
              lt(idempotentRequests.createdAt, new Date(now.getTime() - idempotentRequestsKeptMs)),
              and(isNull(idempotentRequests.status), lt(idempotentRequests.createdAt, new Date(now.getTime() - abandonedAfterMs))),
            ),
          ),
        )
        .returning({ key: idempotentRequests.key });
      if (taken.length) {
        request.idempotencyClaim = claim;
        return;
      }
    }
    throw new AppError('idempotency.in_progress', 409, 'A request with this Idempotency-Key is still being processed; try again shortly');
  });

  // Every answer passes here, errors included (the error handler sends them).
  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = null;
    const status = reply.statusCode;
    const storable = payload === null || payload === undefined || typeof payload === 'string';
    try {
      // A server failure or a rate limit created nothing: the client may retry with the same key.
      if (status >= 500 || status === 429 || !storable) {
        await release(claim);
        return payload;
      }
      const contentType = reply.getHeader('content-type');
      const type = typeof contentType === 'string' ? contentType : null;
      let body: unknown = payload ?? null;
      if (typeof payload === 'string' && type?.includes('json')) {
        try {
          body = JSON.parse(payload);
        } catch {
          body = payload;
        }
      }
      await db.update(idempotentRequests).set({ status, body, contentType: type }).where(claim);
    } catch (err) {
      // The call itself succeeded: its answer is sent even if it could not be kept.
      request.log.error({ err }, 'idempotency: answer not stored');
    }
    return payload;
  });

  // A reply that never went through onSend (hijacked, or the connection closed): the claim goes.
  app.addHook('onResponse', async (request) => {
    const claim = request.idempotencyClaim;
    if (!claim) return;
    request.idempotencyClaim = null;
    await release(claim).catch((err: unknown) => request.log.error({ err }, 'idempotency: claim not released'));
  });
});

/** The OpenAPI transform, plus an optional `Idempotency-Key` header on every POST the plugin serves. */
export function withIdempotencyHeader<S extends FastifySchema>(transform: SwaggerTransform<S>): SwaggerTransform<S> {
  return (input) => {
    const out = transform(input);
    const methods = [input.route.method].flat();
    if (!methods.includes('POST') || !appliesTo('POST', input.url, input.route.config)) return out;
    const headers = (out.schema?.headers ?? { type: 'object', properties: {} }) as { properties?: Record<string, unknown> };
    const withKey = { ...headers, properties: { ...headers.properties, 'idempotency-key': { type: 'string', minLength: 1, maxLength: 255, description: headerDescription } } };
    return { ...out, schema: { ...out.schema, headers: withKey } };
  };
}
