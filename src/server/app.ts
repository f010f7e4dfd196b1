import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from './config/config.ts';
import type { Database } from './db/database.ts';
import { installAccessLog } from './http/access-log.ts';
import { installBetterAuthBridge } from './http/better-auth-bridge.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { AppError } from './modules/shared/errors.ts';
import { installRequestIds, requestIdOf } from './http/request-id.ts';
import { installInputGuard } from './http/input-guard.ts';
import { postgresRateLimitStore } from './http/rate-limit-store.ts';
import { finishOpenApiDocument } from './http/openapi.ts';
import { routeAccessPlugin } from './http/route-access.ts';
import { idempotencyPlugin, withIdempotencyHeader } from './http/idempotency.ts';
import { createAuth, type Auth } from './modules/auth/auth.ts';
import { meRoutes } from './modules/auth/me.routes.ts';
import { createSecretCheckLimit } from './modules/auth/secret-check-limit.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { adminRoutes } from './modules/admin/admin.routes.ts';
import { createMetricsExporter, type MetricsExporter } from './modules/metrics/metrics.exporter.ts';
import { metricsRoutes } from './modules/metrics/metrics.routes.ts';
import type { Mailer } from './modules/mail/mailer.ts';
import { workspacesRoutes } from './modules/workspaces/workspaces.routes.ts';
import { channelsRoutes } from './modules/channels/channels.routes.ts';
import { revokeWorkspaceChannels } from './modules/channels/channels.disconnect.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { mediaRoutes } from './modules/media/media.routes.ts';
import type { Providers } from '../networks/server.ts';
import type { SecretBox } from './security/secret-box.ts';
import type { Queue } from './jobs/queue.ts';
import type { MediaStorage } from './modules/media/media.storage.ts';
import { postsRoutes } from './modules/posts/posts.routes.ts';
import { exportRoutes } from './modules/privacy/export.routes.ts';
import { accountDeletionRoutes } from './modules/privacy/account-deletion.routes.ts';
import { restrictionRoutes } from './modules/privacy/restriction.routes.ts';
import { avatarRoutes } from './modules/profile/avatar.routes.ts';
import { languageRoutes } from './modules/profile/language.routes.ts';
import { timeSlotsRoutes } from './modules/posts/time-slots.routes.ts';
import { queueRoutes } from './modules/posts/queue.routes.ts';
import { onboardingRoutes } from './modules/onboarding/onboarding.routes.ts';
import { preflightRoutes } from './modules/publishing/preflight.routes.ts';
import { ideasRoutes } from './modules/ideas/ideas.routes.ts';
import { feedsRoutes } from './modules/feeds/feeds.routes.ts';
import { bulkCsvRoutes } from './modules/bulk-csv/bulk-csv.routes.ts';
import { evergreenRoutes } from './modules/evergreen/evergreen.routes.ts';
import { feedDepsFrom } from './modules/feeds/feeds.jobs.ts';
import { snippetsRoutes } from './modules/snippets/snippets.routes.ts';
import { linkPreviewsRoutes } from './modules/link-previews/link-previews.routes.ts';
import { commentsRoutes } from './modules/comments/comments.routes.ts';
import { analyticsRoutes } from './modules/analytics/analytics.routes.ts';
import { bestTimesRoutes } from './modules/analytics/best-times.routes.ts';
import { reportRoutes, reportScheduleRoutes } from './modules/analytics/report.routes.ts';
import type { DashboardFigures } from './modules/analytics/dashboard.contract.ts';
import { workspaceLogoRoutes } from './modules/workspaces/workspace-logo.routes.ts';
import { analyticsDashboardRoutes } from './modules/analytics/analytics.dashboard.routes.ts';
import { dashboardFigures } from './modules/analytics/analytics.dashboard.ts';
import { publicMediaRoutes } from './modules/publishing/public-media.routes.ts';
import { policyRoutes } from './modules/privacy/policy.routes.ts';
import { networkCallbacksOf, type NetworkCallbacks } from './modules/network-callbacks/network-callbacks.registry.ts';
import { agencyRoutes } from './modules/agency/agency.routes.ts';
import { networkCallbackRoutes } from './modules/network-callbacks/network-callbacks.routes.ts';
import { approvalsRoutes } from './modules/approvals/approvals.routes.ts';
import { reviewPublicRoutes } from './modules/approvals/review-public.routes.ts';
import { apiKeysRoutes } from './modules/api-keys/api-keys.routes.ts';
import { ownerKeyFrom } from './modules/network-callbacks/network-callbacks.service.ts';
import { postizApiRoutes, postizDepsFrom } from './modules/postiz-api/postiz-api.routes.ts';
import { mcpRoutes } from './modules/mcp/mcp.routes.ts';
import { webhooksRoutes } from './modules/webhooks/webhooks.routes.ts';
import { senderDepsFrom } from './modules/webhooks/webhooks.jobs.ts';

export const webDistDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

export type AppDeps = {
  config: Config;
  database: Database;
  logger: Logger;
  mailer: Mailer;
  secret: string;
  trustedOrigins: string[];
  providers: Providers;
  box: SecretBox;
  boss: Queue;
  storage: MediaStorage;
  /** The calls networks make to Herald; by default those of the enabled networks' folders (tests pass their own). */
  networkCallbacks?: NetworkCallbacks;
  /**
   * The dashboard's figures the client report is made of (GET …/analytics/report and report.pdf).
   * The report's routes exist only when one is given; tests pass a fixed one.
   */
  reportFigures?: DashboardFigures;
  /** What /metrics answers; made from the database and queue when not given (the runtime shares one with its admin listener). */
  metrics?: MetricsExporter;
  /** How this process runs, shown on the operator's admin page. */
  mode?: 'all' | 'serve' | 'worker';
};

// Attempts against these are limited per IP: they are where passwords and codes get guessed.
const rateLimitedAuthPaths = /^\/api\/auth\/(sign-in|sign-up|request-password-reset|reset-password|two-factor\/verify|change-email)/;

export async function buildApp(deps: AppDeps): Promise<{ app: FastifyInstance; auth: Auth }> {
  const { config, database, logger } = deps;
  // Plugins declare the zod type provider themselves (FastifyPluginAsyncZod); the root stays plain.
  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    // Requests are recorded in the access_log table instead of one log line each.
    // request.log lines carry the request's id as `requestId`; it is also sent back (request-id.ts).
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: 1024 * 1024,
    // A JSON body carrying `__proto__` or `constructor.prototype` is refused (400), never merged.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    genReqId: requestIdOf,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installRequestIds(app);
  installInputGuard(app);

  const auth = createAuth({ config, db: database.db, mailer: deps.mailer, secret: deps.secret, trustedOrigins: deps.trustedOrigins });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // The composer previews a video from the local file (an object URL) while it uploads.
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Only on https: on plain-http installs it would send the browser to an https port that is not there.
        upgradeInsecureRequests: config.secure ? [] : null,
      },
    },
    hsts: config.secure ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    // Several serve processes on PostgreSQL share their counters there; the embedded mode is one
    // process and counts in memory (ADR 0022).
    ...(database.kind === 'postgres' ? { store: postgresRateLimitStore(database.db) } : {}),
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      error: { code: 'rate_limited', message: `Too many attempts. Try again in ${Math.ceil(context.ttl / 1000)} s.`, details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) } },
    }),
  });
  // Password and code checks of signed-in users: per IP and per user (the deletion route uses it too).
  app.decorate('secretCheckLimit', createSecretCheckLimit(app, { max: config.authRateLimit, timeWindowMs: 60_000 }));

  // State-changing requests from a browser must come from Herald's own pages.
  app.addHook('onRequest', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    const origin = request.headers.origin;
    const crossSite = request.headers['sec-fetch-site'] === 'cross-site';
    if ((origin && !deps.trustedOrigins.includes(origin)) || (!origin && crossSite)) {
      throw new AppError('request.bad_origin', 403, 'Request refused: it did not come from this Herald');
    }
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Herald API', version: '0.1.0', description: 'Herald, the self-hosted social media scheduler. Errors: `{ error: { code, message, details, requestId } }`; every answer carries its request id in `x-request-id`.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: `${config.secure ? '__Secure-' : ''}herald.session_token` },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (`hk_…`) made on the API and webhooks page: `Authorization: Bearer hk_…`' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: withIdempotencyHeader(jsonSchemaTransform),
    // Operation ids, the shared error answer, tags, servers and examples (redocly.yaml lints the result).
    transformObject: finishOpenApiDocument,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets inline styles as it draws (a hash cannot cover those), and on a plain-http
    // install "upgrade-insecure-requests" would send the browser to an https port that is not there.
    transformStaticCSP: (header) =>
      header
        .replace(/style-src [^;]*;/, "style-src 'self' 'unsafe-inline';")
        .replace(/\s*upgrade-insecure-requests;/, config.secure ? ' upgrade-insecure-requests;' : ''),
  });

  await app.register(routeAccessPlugin, { auth, db: database.db, apiKeyRateLimit: config.apiKeyRateLimit });
  await app.register(idempotencyPlugin, { db: database.db });
  installAccessLog(app, database.db, logger);

  installBetterAuthBridge(app, auth, config.publicOrigin, {
    rateLimit: {
      max: config.authRateLimit,
      timeWindow: 60_000,
      allowList: (req) => req.method !== 'POST' || !rateLimitedAuthPaths.test(req.url),
    },
    secretCheckLimit: app.secretCheckLimit,
  });

  await app.register(healthRoutes, { database, boss: deps.boss, storage: deps.storage });
  const metrics = deps.metrics ?? createMetricsExporter({ database, boss: deps.boss });
  await app.register(metricsRoutes, { exporter: metrics, token: config.metricsToken });
  await app.register(
    async (api) => {
      await api.register(meRoutes, {
        instance: {
          signupDisabled: config.disableSignup,
          mailTransport: deps.mailer.transport,
          passwordMinLength: config.passwordMinLength,
          sessionIdleDays: config.sessionIdleDays,
        },
      });
      const channelDeps = { providers: deps.providers, box: deps.box, publicOrigin: config.publicOrigin, retentionDays: config.disconnectedRetentionDays };
      await api.register(workspacesRoutes, {
        mailer: deps.mailer,
        publicOrigin: config.publicOrigin,
        db: database.db,
        beforeDelete: async (workspaceId) => ({ channelTokens: await revokeWorkspaceChannels(database.db, channelDeps, workspaceId) }),
      });
      await api.register(auditRoutes);
      await api.register(notificationsRoutes);
      const instance = { mediaByUrl: Boolean(config.mediaPublicUrl) };
      await api.register(channelsRoutes, { deps: channelDeps, instance, db: database.db });
      await api.register(mediaRoutes, { storage: deps.storage, config, database });
      await api.register(postsRoutes, { deps: { boss: deps.boss, instance }, channelDeps, config });
      await api.register(exportRoutes, { boss: deps.boss, storage: deps.storage });
      await api.register(accountDeletionRoutes, { auth, db: database.db, channelDeps, storage: deps.storage, graceDays: config.accountDeletionGraceDays });
      await api.register(restrictionRoutes, { boss: deps.boss });
      await api.register(avatarRoutes);
      await api.register(languageRoutes);
      await api.register(timeSlotsRoutes);
      await api.register(queueRoutes, { deps: { boss: deps.boss } });
      await api.register(onboardingRoutes);
      await api.register(preflightRoutes);
      await api.register(ideasRoutes);
      await api.register(bulkCsvRoutes, { deps: postizDepsFrom(deps) });
      await api.register(feedsRoutes, { deps: feedDepsFrom({ config, boss: deps.boss, storage: deps.storage, logger }) });
      await api.register(snippetsRoutes);
      await api.register(evergreenRoutes);
      await api.register(linkPreviewsRoutes);
      await api.register(commentsRoutes);
      await api.register(analyticsRoutes, { intervalMinutes: config.analyticsIntervalMinutes, windowDays: config.analyticsWindowDays });
      await api.register(bestTimesRoutes);
      await api.register(reportScheduleRoutes);
      await api.register(reportRoutes, { figures: deps.reportFigures ?? dashboardFigures });
      await api.register(workspaceLogoRoutes);
      await api.register(analyticsDashboardRoutes);
      await api.register(agencyRoutes);
      await api.register(approvalsRoutes, { deps: { boss: deps.boss, instance }, publicOrigin: config.publicOrigin });
      await api.register(apiKeysRoutes);
      await api.register(adminRoutes, { deps: { database, boss: deps.boss, mode: deps.mode ?? 'all' } });
      await api.register(webhooksRoutes, { sender: senderDepsFrom({ db: database.db, box: deps.box, config, logger }) });
    },
    { prefix: '/api/v1' },
  );

  await app.register(mcpRoutes, { db: database.db, deps: { posts: { boss: deps.boss, instance: { mediaByUrl: Boolean(config.mediaPublicUrl) } }, channels: { providers: deps.providers, box: deps.box, publicOrigin: config.publicOrigin, retentionDays: config.disconnectedRetentionDays }, config } });
  await app.register(publicMediaRoutes, { db: database.db, storage: deps.storage, secret: deps.secret, config });
  const networkCallbacks = deps.networkCallbacks ?? networkCallbacksOf(config);
  await app.register(networkCallbackRoutes, {
    deps: { db: database.db, config, callbacks: networkCallbacks, publicOrigin: config.publicOrigin, retentionDays: config.disconnectedRetentionDays, ownerKey: ownerKeyFrom(deps.secret) },
    statusPageRateLimit: config.authRateLimit,
  });
  await app.register(policyRoutes, { config, networkCallbacks });
  await app.register(postizApiRoutes, { db: database.db, deps: postizDepsFrom(deps), postsPerHour: config.postizPostsPerHour, keyRequestsPerMinute: config.apiKeyRateLimit });
  await app.register(reviewPublicRoutes, { db: database.db, deps: { boss: deps.boss, instance: { mediaByUrl: Boolean(config.mediaPublicUrl) } }, storage: deps.storage });
  await installWebApp(app);
  return { app, auth };
}

async function installWebApp(app: FastifyInstance) {
  const indexHtml = path.join(webDistDir, 'index.html');
  const built = fs.existsSync(indexHtml);
  if (built) await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: false, serve: true, prefix: '/' });
  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && built) {
      // Client-side routes (/login, /w/…): the SPA decides what to show.
      return reply.type('text/html').header('cache-control', 'no-cache').send(fs.createReadStream(indexHtml));
    }
    if (wantsPage) return reply.type('text/plain').status(503).send('The web app is not built yet: run `npm run build` (npm start does it for you).');
    return reply.status(404).send({ error: { code: 'route.not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
  });
}
