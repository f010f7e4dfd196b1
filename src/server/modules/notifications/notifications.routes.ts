import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, pageQuery } from '../shared/cursor.ts';
import { notificationCategories, type NotificationCategory } from '../../../shared/notification-categories.ts';
import { getEmailPreferences, setEmailPreferences } from './notification-preferences.ts';
import { listNotifications, markRead } from './notifications.service.ts';

const categoryShape = Object.fromEntries(notificationCategories.map((c) => [c, z.boolean()])) as Record<NotificationCategory, z.ZodBoolean>;
const preferences = z.object(categoryShape).describe('Per category: true = also by e-mail (the default), false = in the app only');

const notification = z.object({
  id: z.string(),
  workspaceId: z.string().nullable(),
  kind: z.string(),
  category: z.string().describe('approvals | comments | failures | preflight | channels: the e-mail preference it falls under'),
  entityType: z.string(),
  entityId: z.string().nullable(),
  title: z.string().describe('In your language (your profile’s; when you chose none, the one Accept-Language asks for); notifications from before Herald spoke languages stay in English'),
  body: z.string().describe('In the same language as the title; may hold line breaks'),
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
      summary: 'What needs your attention (a channel to reconnect…), newest first, in cursor pages, with the unread count',
      querystring: z.object({
        unread: z.enum(['true', 'false']).default('false').describe('true: unread ones only'),
        ...pageQuery({ default: 30, max: 100 }),
      }),
      response: { 200: pageOf(notification).extend({ unreadCount: z.number().describe('Unread notifications in all, not only on this page') }) },
    },
    handler: async (req) => listNotifications(req.serviceContext().db, req.auth!.userId, { unreadOnly: req.query.unread === 'true', cursor: req.query.cursor, limit: req.query.limit, acceptLanguage: req.headers['accept-language'] }),
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

  app.get('/me/notification-preferences', {
    config: { access: 'user' },
    schema: { tags, summary: 'Which notifications you also get by e-mail, per category', response: { 200: preferences } },
    handler: async (req) => getEmailPreferences(req.serviceContext()),
  });

  app.put('/me/notification-preferences', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Choose which notifications you also get by e-mail; categories left out keep their choice',
      body: preferences.partial().strict(),
      response: { 200: preferences },
    },
    handler: async (req) => setEmailPreferences(req.serviceContext(), req.body),
  });
};
