import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { enabledNetworks } from '../../../networks/index.ts';
import { serverParts } from '../../../networks/server.ts';
import type { NetworkId } from '../../../shared/networks.ts';
import { AppError } from '../shared/errors.ts';
import { deletionNotFoundPage, renderDeletionStatusPage } from './network-callbacks.page.ts';
import { deletionStatus, handleNetworkCallback, type NetworkCallbackDeps } from './network-callbacks.service.ts';

// A network's call carries a signed token of a few hundred bytes; nothing legitimate is larger.
const BODY_LIMIT = 64 * 1024;
// Per IP. A network sends every person's call from a few addresses of its own, so the limit sized
// for password guessing (HERALD_AUTH_RATE_LIMIT) would turn genuine calls away on a busy day.
const CALLBACKS_PER_MINUTE = 300;

/**
 * The calls networks make to Herald (no session: the network part checks the signature), and the
 * public status page of a data deletion request. Registered on its own so its form parser serves
 * only these routes.
 */
export const networkCallbackRoutes: FastifyPluginAsyncZod<{ deps: NetworkCallbackDeps; statusPageRateLimit: number }> = async (app, { deps, statusPageRateLimit }) => {
  // Meta posts `signed_request=…` as a form; other networks may send JSON (Fastify's own parser).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.post('/api/v1/networks/:network/callbacks/:name', {
    config: { access: 'public', rateLimit: { max: CALLBACKS_PER_MINUTE, timeWindow: 60_000 } },
    bodyLimit: BODY_LIMIT,
    schema: {
      tags: ['networks'],
      summary: "A network's call to Herald (deauthorize, data deletion), checked by the network's signature; see docs/network-callbacks.md",
      security: [],
      params: z.object({ network: z.string().min(1).max(50), name: z.string().min(1).max(50) }),
      body: z.record(z.string().max(100), z.string().max(BODY_LIMIT)).optional(),
      response: {
        200: z.union([
          z.object({ url: z.string().describe('The status page of the request'), confirmation_code: z.string() }),
          z.object({ ok: z.literal(true) }),
        ]),
      },
    },
    handler: async (req) => {
      const answer = await handleNetworkCallback(deps, { network: req.params.network, name: req.params.name, fields: req.body ?? {}, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      return answer.kind === 'data-deletion' ? { url: answer.url, confirmation_code: answer.confirmationCode } : { ok: true as const };
    },
  });

  // atproto authorization servers fetch this to learn who Herald is (its client_id is this URL).
  app.get('/api/v1/networks/:network/oauth/client-metadata.json', {
    config: { access: 'public' },
    schema: {
      tags: ['networks'],
      summary: "The OAuth client metadata document of a network whose client id is a URL (Bluesky's atproto OAuth); 404 when this Herald has no https address",
      security: [],
      params: z.object({ network: z.string().min(1).max(50) }),
    },
    handler: async (req, reply) => {
      const part = enabledNetworks(deps.config).includes(req.params.network as NetworkId) ? serverParts[req.params.network as NetworkId].oauthClientMetadata : undefined;
      const document = part?.(deps.config) ?? null;
      if (!document) throw new AppError('not_found', 404, 'This Herald publishes no OAuth client metadata for this network');
      return reply.header('cache-control', 'public, max-age=600').type('application/json').send(document);
    },
  });

  app.get('/networks/deletion/:code', {
    // Codes are unguessable; the limit only keeps anyone from trying.
    config: { access: 'public', rateLimit: { max: statusPageRateLimit, timeWindow: 60_000 } },
    schema: {
      tags: ['networks'],
      summary: 'Status page (HTML) of a data deletion request a network sent, by its confirmation code: no personal data',
      security: [],
      params: z.object({ code: z.string().min(1).max(100) }),
    },
    handler: async (req, reply) => {
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      try {
        return reply.send(renderDeletionStatusPage(await deletionStatus(deps.db, req.params.code)));
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 404) throw error;
        return reply.status(404).send(deletionNotFoundPage());
      }
    },
  });
};
