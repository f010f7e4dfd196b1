import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listNotifications, markRead } from './notifications.service.ts';

const notification = z.object({
  id: z.string(),
  workspaceId: z.string().nullable(),
  kind: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications'];

  app.get('/notifications', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'What needs your attention (a channel to reconnect…), newest first, with the unread count',
      querystring: z.object({
        unread: z.enum(['true', 'false']).default('false').describe('true: unread ones only'),
        limit: z.coerce.number().int().min(1).max(100).default(30),
      }),
      response: { 200: z.object({ items: z.array(notification), unreadCount: z.number() }) },
    },
    handler: async (req) => listNotifications(req.serviceContext().db, req.auth!.userId, { unreadOnly: req.query.unread === 'true', limit: req.query.limit }),
  });

  app.post('/notifications/:notificationId/read', {
    config: { access: 'user' },
    schema: { tags, summary: 'Mark one notification read', params: z.object({ notificationId: z.string().min(1).max(100) }), response: { 200: z.object({ marked: z.number() }) } },
    handler: async (req) => ({ marked: await markRead(req.serviceContext().db, req.auth!.userId, req.params.notificationId) }),
  });

  app.post('/notifications/read-all', {
    config: { access: 'user' },
    schema: { tags, summary: 'Mark every notification read', response: { 200: z.object({ marked: z.number() }) } },
    handler: async (req) => ({ marked: await markRead(req.serviceContext().db, req.auth!.userId) }),
  });
};
