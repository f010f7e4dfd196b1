import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, pageQuery, readCursor } from '../shared/cursor.ts';
import { instanceOverview, listInstanceAudit, listUsers, listWorkspaces, requireOperator, type AdminDeps } from './admin.service.ts';

const queueDepth = z.object({ queue: z.string(), waiting: z.number().int(), active: z.number().int(), deferred: z.number().int(), failed: z.number().int() });

const overview = z.object({
  database: z.enum(['pglite', 'postgres']),
  mode: z.enum(['all', 'serve', 'worker']).describe('How the process that answered runs'),
  uptimeSeconds: z.number().int(),
  memoryBytes: z.number().int().describe('Resident memory of the process that answered'),
  queue: z.array(queueDepth).nullable().describe('Jobs per pg-boss queue; null when the queue did not answer'),
  deliveries: z.array(z.object({ network: z.string(), state: z.string(), count: z.number().int() })).describe('Deliveries stored, per network and state'),
  failingNetworks: z.object({
    since: z.date(),
    networks: z.array(z.object({ network: z.string(), failedDeliveries: z.number().int().describe('Failed since `since`'), channelsNeedingReconnect: z.number().int().describe('Channels needing reconnection now') })),
  }),
  storage: z.object({
    mediaBytes: z.number().describe('Bytes of the media files stored (as recorded at upload)'),
    mediaFiles: z.number().int(),
    databaseBytes: z.number().nullable().describe('Size of the database, when the engine tells it'),
  }),
  users: z.number().int(),
  workspaces: z.number().int(),
});

const user = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  twoFactorEnabled: z.boolean(),
  isOperator: z.boolean(),
  createdAt: z.date(),
  deletionRequestedAt: z.date().nullable().describe('Set while the account waits for its deletion'),
  workspaces: z.number().int().describe('Workspaces the person is a member of'),
});

const workspace = z.object({ id: z.string(), name: z.string(), createdAt: z.date(), members: z.number().int(), channels: z.number().int().describe('Connected channels'), posts: z.number().int() });

const auditEntry = z.object({
  id: z.number(),
  createdAt: z.date(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  workspaceId: z.string().nullable(),
  workspaceName: z.string().nullable().describe('Null for account events outside any workspace, or a deleted workspace'),
});

/**
 * The operator's read-only view of the whole instance. Signed-in sessions only (no API key), and
 * only the operator: everyone else gets 403 before their input is even read.
 */
export const adminRoutes: FastifyPluginAsyncZod<{ deps: AdminDeps }> = async (app, { deps }) => {
  app.addHook('preValidation', async (request) => {
    const { db, actor } = request.serviceContext();
    try {
      await requireOperator(db, actor, request.routeOptions.url ?? request.url);
    } catch (error) {
      request.log.warn({ userId: actor.userId, route: request.routeOptions.url }, 'admin pages refused: not the operator');
      throw error;
    }
  });
  const access = { access: 'user' as const, sessionOnly: true };

  app.get('/admin/overview', {
    config: access,
    schema: { tags: ['admin'], summary: "The instance's health: queue depth, deliveries, failing networks, storage used (operator only)", response: { 200: overview } },
    handler: async () => instanceOverview(deps),
  });

  app.get('/admin/users', {
    config: access,
    schema: { tags: ['admin'], summary: 'Every account of the instance, newest first (operator only)', querystring: z.object(pageQuery({ default: 50, max: 200 })), response: { 200: pageOf(user) } },
    handler: async (req) => listUsers(deps.database.db, { after: readCursor(req.query.cursor), limit: req.query.limit }),
  });

  app.get('/admin/workspaces', {
    config: access,
    schema: { tags: ['admin'], summary: 'Every workspace of the instance, newest first (operator only)', querystring: z.object(pageQuery({ default: 50, max: 200 })), response: { 200: pageOf(workspace) } },
    handler: async (req) => listWorkspaces(deps.database.db, { after: readCursor(req.query.cursor), limit: req.query.limit }),
  });

  app.get('/admin/audit', {
    config: access,
    schema: {
      tags: ['admin'],
      summary: 'The audit log of the whole instance, newest first (operator only)',
      querystring: z.object({
        cursor: z.coerce.number().int().positive().optional().describe('nextCursor of the previous page'),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        action: z.string().max(64).regex(/^[a-z_.]*$/, 'letters, dots and underscores only').optional().describe('Only actions starting with this (post. or channel.disconnected)'),
      }),
      response: { 200: pageOf(auditEntry) },
    },
    handler: async (req) => listInstanceAudit(deps.database.db, { before: req.query.cursor, limit: req.query.limit, action: req.query.action }),
  });
};
