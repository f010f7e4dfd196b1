import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { errorMessage } from '../../http/error-language.ts';
import { requestLanguage } from '../../http/request-language.ts';
import { AppError } from '../shared/errors.ts';
import { authenticateApiKey, type ApiKeyPrincipal } from '../api-keys/api-key-auth.ts';
import { createApiKeyLimit } from '../api-keys/api-key-limit.ts';
import { apiKeyFromHeader } from '../api-keys/api-key-secret.ts';
import { callerContext } from './mcp.access.ts';
import { createMcpServer } from './mcp.server.ts';
import type { McpDeps } from './mcp.tool-kit.ts';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const unauthorized = errorBody.describe('No API key, or an unknown, revoked or expired one (with WWW-Authenticate: Bearer)');
const jsonRpc = z.record(z.string(), z.unknown()).describe('A JSON-RPC 2.0 message (MCP)');
const description =
  'Model Context Protocol (Streamable HTTP, stateless: no session id) for AI assistants. Authenticate with `Authorization: Bearer hk_…` (an API key); every tool acts as the key’s creator within the key’s scopes. See docs/mcp.md for the tools.';

/** An answer this endpoint writes itself, its message in the request's language as the error handler would say it. */
const refusal = (req: FastifyRequest, error: AppError) => ({ error: { code: error.code, message: errorMessage(requestLanguage(req), error.code, error.message) } });

/** 401 with the header MCP clients read to know a bearer token is wanted; the header's description stays English, for machines. */
function refuse(req: FastifyRequest, reply: FastifyReply, error: AppError) {
  return reply
    .status(401)
    .header('www-authenticate', `Bearer realm="Herald", error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`)
    .send(refusal(req, error));
}

/**
 * The MCP endpoint. Stateless: each POST gets its own server and transport (tools are bound to the
 * key that sent it), answered as plain JSON, so nothing is kept between requests and any process
 * of a scaled install can answer. There is no server-to-client stream, so GET and DELETE are 405.
 */
export const mcpRoutes: FastifyPluginAsyncZod<{ db: Db; deps: McpDeps }> = async (app, { db, deps }) => {
  const tags = ['mcp'];
  // The same per-key limit and RateLimit-* headers as the API's.
  const keyLimit = createApiKeyLimit(app, { max: deps.config.apiKeyRateLimit, timeWindowMs: 60_000 });
  const principals = new WeakMap<FastifyRequest, ApiKeyPrincipal>();

  // Who sent the request, found before its body is validated (no 400 hints to callers without a key).
  const authenticate = async (req: FastifyRequest, reply: FastifyReply) => {
    const rawKey = apiKeyFromHeader(req.headers.authorization);
    if (!rawKey) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="Herald"')
        .send(refusal(req, new AppError('auth.unauthenticated', 401, 'Send an API key: Authorization: Bearer hk_…')));
    }
    let principal: ApiKeyPrincipal;
    try {
      principal = await authenticateApiKey(db, rawKey, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    } catch (error) {
      if (error instanceof AppError && error.status === 401) return refuse(req, reply, error);
      throw error;
    }
    await keyLimit(req, reply, principal.keyId);
    principals.set(req, principal);
    // As the API does for keys: the access log names the key's user.
    req.auth = { userId: principal.userId, email: principal.email, sessionId: `api-key:${principal.keyId}` };
    req.apiKey = principal;
  };

  app.post('/mcp', {
    // Authenticated by API key here, not by session (route-access only knows sessions).
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'MCP endpoint (Streamable HTTP): tools to list channels, draft, schedule, reschedule and read posts, analytics and network rules',
      description,
      body: z.union([jsonRpc, z.array(jsonRpc)]),
      response: { 200: jsonRpc.describe('The JSON-RPC answer'), 202: z.null().describe('A notification or response accepted (no body)'), 401: unauthorized },
    },
    preValidation: authenticate,
    handler: async (req, reply) => {
      const principal = principals.get(req)!;
      const caller = callerContext(db, principal, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      const server = await createMcpServer(caller, deps, req.log);
      const { StreamableHTTPServerTransport } = await import('@modelcontextprotocol/sdk/server/streamableHttp.js');
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      // The transport writes the answer on the raw response itself; the headers set so far
      // (RateLimit-*, security headers) go with it.
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value);
      reply.hijack();
      reply.raw.on('close', () => {
        void transport.close();
        void server.close();
      });
      try {
        await server.connect(transport);
        await transport.handleRequest(req.raw, reply.raw, req.body);
      } catch (err) {
        req.log.error({ err }, 'MCP request failed');
        if (!reply.raw.headersSent) {
          reply.raw.writeHead(500, { 'content-type': 'application/json' });
          reply.raw.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: null }));
        }
      }
    },
  });

  for (const method of ['GET', 'DELETE'] as const) {
    app.route({
      method,
      url: '/mcp',
      config: { access: 'public' },
      schema: {
        tags,
        summary: method === 'GET' ? 'MCP server-to-client stream: not offered (stateless endpoint), 405' : 'MCP session end: no sessions (stateless endpoint), 405',
        description,
        response: { 401: unauthorized, 405: errorBody.describe('Not offered: send every message with POST') },
      },
      preValidation: authenticate,
      handler: async (req, reply) => reply.status(405).header('allow', 'POST').send(refusal(req, new AppError('mcp.method_not_allowed', 405, 'This MCP endpoint is stateless: send every message with POST'))),
    });
  }
};
