import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isValidTimeZone } from '../../../shared/time-slots.ts';
import { channels, timeSlots, workspaceSettings } from '../../db/schema/index.ts';
import { auditByActor } from '../audit/audit.service.ts';
import { notFound } from '../shared/errors.ts';
import { nextQueueSlot } from './posts.service.ts';

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const channelParams = workspaceParams.extend({ channelId: z.string().min(1).max(100) });
const timeZone = z.string().min(1).max(64).refine(isValidTimeZone, 'must be an IANA time zone, e.g. Europe/Berlin');
const slot = z.object({
  weekday: z.number().int().min(0, 'must be 0 (Monday) to 6 (Sunday)').max(6, 'must be 0 (Monday) to 6 (Sunday)'),
  minute: z.number().int().min(0, 'must be 0–1439 (minutes after midnight)').max(1439, 'must be 0–1439 (minutes after midnight)'),
});

// Posting times: the workspace's time zone and each channel's weekly slots, which "add to queue" fills.
export const timeSlotsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['posts'];

  app.get('/workspaces/:workspaceId/schedule-settings', {
    config: { access: 'posts.read' },
    schema: { tags, summary: "The workspace's time zone (time slots are in it)", params: workspaceParams, response: { 200: z.object({ timeZone: z.string() }) } },
    handler: async (req) => {
      const [row] = await req.serviceContext().db.select().from(workspaceSettings).where(eq(workspaceSettings.workspaceId, req.params.workspaceId));
      return { timeZone: row?.timeZone ?? 'UTC' };
    },
  });

  app.put('/workspaces/:workspaceId/schedule-settings', {
    config: { access: 'settings.manage' },
    schema: { tags, summary: "Set the workspace's time zone", params: workspaceParams, body: z.object({ timeZone }), response: { 200: z.object({ timeZone: z.string() }) } },
    handler: async (req) => {
      const ctx = req.serviceContext();
      await ctx.db.transaction(async (tx) => {
        const values = { workspaceId: req.params.workspaceId, timeZone: req.body.timeZone, updatedAt: new Date() };
        await tx.insert(workspaceSettings).values(values).onConflictDoUpdate({ target: workspaceSettings.workspaceId, set: values });
        await auditByActor(tx, ctx, { workspaceId: req.params.workspaceId, action: 'workspace.time_zone_set', entityType: 'workspace', entityId: req.params.workspaceId, changes: { timeZone: req.body.timeZone } });
      });
      return { timeZone: req.body.timeZone };
    },
  });

  app.get('/workspaces/:workspaceId/channels/:channelId/slots', {
    config: { access: 'channels.read' },
    schema: { tags, summary: "A channel's weekly posting times", params: channelParams, response: { 200: z.object({ slots: z.array(slot) }) } },
    handler: async (req) => {
      const db = req.serviceContext().db;
      const [channel] = await db.select({ id: channels.id }).from(channels).where(and(eq(channels.id, req.params.channelId), eq(channels.workspaceId, req.params.workspaceId)));
      if (!channel) throw notFound('channel');
      const rows = await db.select().from(timeSlots).where(eq(timeSlots.channelId, channel.id)).orderBy(timeSlots.weekday, timeSlots.minute);
      return { slots: rows.map((r) => ({ weekday: r.weekday, minute: r.minute })) };
    },
  });

  app.put('/workspaces/:workspaceId/channels/:channelId/slots', {
    config: { access: 'channels.manage' },
    schema: { tags, summary: "Replace a channel's weekly posting times", params: channelParams, body: z.object({ slots: z.array(slot).max(7 * 48, 'at most 336 slots') }), response: { 200: z.object({ slots: z.array(slot) }) } },
    handler: async (req) => {
      const ctx = req.serviceContext();
      const unique = [...new Map(req.body.slots.map((s) => [`${s.weekday}:${s.minute}`, s])).values()].sort((a, b) => a.weekday - b.weekday || a.minute - b.minute);
      await ctx.db.transaction(async (tx) => {
        const [channel] = await tx.select({ id: channels.id }).from(channels).where(and(eq(channels.id, req.params.channelId), eq(channels.workspaceId, req.params.workspaceId)));
        if (!channel) throw notFound('channel');
        await tx.delete(timeSlots).where(eq(timeSlots.channelId, channel.id));
        if (unique.length) await tx.insert(timeSlots).values(unique.map((s) => ({ channelId: channel.id, ...s })));
        await auditByActor(tx, ctx, { workspaceId: req.params.workspaceId, action: 'channel.slots_set', entityType: 'channel', entityId: channel.id, changes: { slots: unique.length } });
      });
      return { slots: unique };
    },
  });

  app.get('/workspaces/:workspaceId/queue/next', {
    config: { access: 'posts.read' },
    schema: {
      tags,
      summary: 'The next free time slot shared by these channels ("add to queue" would take it)',
      params: workspaceParams,
      querystring: z.object({ channelIds: z.string().max(5000).default('').describe('Comma-separated channel ids') }),
      response: { 200: z.object({ at: z.date().nullable(), timeZone: z.string() }) },
    },
    handler: async (req) => nextQueueSlot(req.serviceContext().db, req.params.workspaceId, req.query.channelIds.split(',').filter(Boolean)),
  });
};
