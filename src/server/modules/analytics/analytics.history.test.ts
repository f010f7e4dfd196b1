import crypto from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/helpers/test-herald.ts';
import { openDatabase, rowsOf, type Database } from '../../db/database.ts';
import { auditLog, channelDailyStats, channels, deliveries, deliveryMetricReadings, deliveryMetrics, postGroups, users, workspaceSettings, workspaces } from '../../db/schema/index.ts';
import { sweepAnalyticsHistory } from './analytics.history.ts';
import { deleteMetrics } from './analytics.service.ts';
import { backfillChannelDailyStats, recordFollowers, refreshChannelDailyStats } from './channel-daily-stats.ts';
import { collectionAllowed } from './metrics.collector.ts';

type Counters = { views?: number | null; likes?: number | null; comments?: number | null; shares?: number | null; reach?: number | null; extra?: Record<string, number> };

// The analytics history on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): the
// daily rollup, the retention job's thinning and deletion, and objection.
describe('analytics history and daily channel statistics', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const db = () => database.db;
  const userId = crypto.randomUUID();

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    database = await openDatabase({ databaseUrl: fresh.env.DATABASE_URL, dataPath: fresh.dataDir });
    await database.migrate();
    await db().insert(users).values({ id: userId, name: 'Analyst', email: `analyst-${userId}@example.com` });
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  async function workspace(timeZone?: string) {
    const id = crypto.randomUUID();
    await db().insert(workspaces).values({ id, name: 'Counted', slug: `counted-${id}` });
    if (timeZone) await db().insert(workspaceSettings).values({ workspaceId: id, timeZone });
    return id;
  }
  async function channel(workspaceId: string, network = 'mastodon') {
    const id = crypto.randomUUID();
    await db().insert(channels).values({ id, workspaceId, network, externalId: id });
    return id;
  }
  /** A published delivery, with its newest counters when given. */
  async function published(workspaceId: string, channelId: string, publishedAt: string, counters?: Counters) {
    const groupId = crypto.randomUUID();
    const id = crypto.randomUUID();
    const content = { text: 'counted' } as never;
    await db().insert(postGroups).values({ id: groupId, workspaceId, state: 'published', content, publishAt: new Date(publishedAt) });
    await db()
      .insert(deliveries)
      .values({ id, workspaceId, postGroupId: groupId, channelId, network: 'mastodon', state: 'published', content, idempotencyKey: id, publishedAt: new Date(publishedAt), externalId: `s-${id}` });
    if (counters) await db().insert(deliveryMetrics).values({ deliveryId: id, workspaceId, channelId, ...counters, extra: counters.extra ?? {} });
    return id;
  }
  const dailyRows = async (channelId: string) =>
    (await db().select().from(channelDailyStats).where(eq(channelDailyStats.channelId, channelId)).orderBy(asc(channelDailyStats.day))).map(({ updatedAt: _u, workspaceId: _w, channelId: _c, ...row }) => row);

  it('sums the newest counters of the posts published each day, null where none reports one, and counts posts without readings', async () => {
    const ws = await workspace();
    const ch = await channel(ws);
    await published(ws, ch, '2026-11-02T08:00:00Z', { likes: 10, shares: 2, comments: 1, extra: { quotes: 1 } });
    await published(ws, ch, '2026-11-02T15:00:00Z', { likes: 5, shares: null, comments: 0, extra: { quotes: 2, saves: 4 } });
    await published(ws, ch, '2026-11-02T20:00:00Z');
    await published(ws, ch, '2026-11-03T09:00:00Z');
    // A failed delivery is not a published post.
    const failed = await published(ws, ch, '2026-11-03T10:00:00Z');
    await db().update(deliveries).set({ state: 'failed' }).where(eq(deliveries.id, failed));

    expect(await refreshChannelDailyStats(db(), ch)).toBe(2);
    expect(await dailyRows(ch)).toEqual([
      { day: '2026-11-02', followers: null, postsPublished: 3, views: null, likes: 15, comments: 1, shares: 2, reach: null, extra: { quotes: 3, saves: 4 } },
      { day: '2026-11-03', followers: null, postsPublished: 1, views: null, likes: null, comments: null, shares: null, reach: null, extra: {} },
    ]);

    // A new reading for one day's post changes that day only, and the day's followers stay.
    await recordFollowers(db(), ch, 420, new Date('2026-11-02T23:00:00Z'));
    const [first] = await db().select({ id: deliveries.id }).from(deliveries).where(and(eq(deliveries.channelId, ch), eq(deliveries.publishedAt, new Date('2026-11-02T08:00:00Z'))));
    await db().update(deliveryMetrics).set({ likes: 30, views: 100 }).where(eq(deliveryMetrics.deliveryId, first!.id));
    expect(await refreshChannelDailyStats(db(), ch, { days: ['2026-11-02'] })).toBe(1);
    expect((await dailyRows(ch))[0]).toMatchObject({ day: '2026-11-02', followers: 420, postsPublished: 3, views: 100, likes: 35 });
  });

  it("splits days in the workspace's time zone, and resets a day that lost its posts", async () => {
    const ws = await workspace();
    const ch = await channel(ws);
    // 23:30 UTC on 10 November is 00:30 on 11 November in Paris.
    await published(ws, ch, '2026-11-10T23:30:00Z', { likes: 7 });
    await published(ws, ch, '2026-11-10T22:30:00Z', { likes: 1 });
    await refreshChannelDailyStats(db(), ch);
    expect((await dailyRows(ch)).map((r) => [r.day, r.postsPublished, r.likes])).toEqual([['2026-11-10', 2, 8]]);

    await db().insert(workspaceSettings).values({ workspaceId: ws, timeZone: 'Europe/Paris' });
    await refreshChannelDailyStats(db(), ch);
    expect((await dailyRows(ch)).map((r) => [r.day, r.postsPublished, r.likes])).toEqual([
      ['2026-11-10', 1, 1],
      ['2026-11-11', 1, 7],
    ]);
    // Followers read at 23:30 UTC belong to Paris's 11 November.
    await recordFollowers(db(), ch, 99, new Date('2026-11-10T23:30:00Z'));
    expect((await dailyRows(ch)).find((r) => r.day === '2026-11-11')!.followers).toBe(99);

    await db().update(deliveries).set({ state: 'failed' }).where(eq(deliveries.channelId, ch));
    await refreshChannelDailyStats(db(), ch, { days: ['2026-11-10', '2026-11-11'] });
    expect((await dailyRows(ch)).map((r) => [r.day, r.postsPublished, r.likes, r.followers])).toEqual([
      ['2026-11-10', 0, null, null],
      ['2026-11-11', 0, null, 99],
    ]);
  });

  it('backfills channels that have published posts but no daily rows, from the horizon on, once', async () => {
    const ws = await workspace('America/New_York');
    const ch = await channel(ws);
    await published(ws, ch, '2026-10-01T12:00:00Z', { likes: 3 });
    await published(ws, ch, '2024-01-01T12:00:00Z', { likes: 3 });
    const first = await backfillChannelDailyStats(db(), collectionAllowed, '2025-12-01');
    expect(first.channels).toBeGreaterThanOrEqual(1);
    expect((await dailyRows(ch)).map((r) => [r.day, r.likes])).toEqual([['2026-10-01', 3]]);
    const again = await backfillChannelDailyStats(db(), collectionAllowed, '2025-12-01');
    expect(again.channels).toBe(0);
  });

  it('thins readings older than a week to the last of each UTC day, and deletes readings and daily rows beyond the history setting', async () => {
    const ws = await workspace();
    const ch = await channel(ws);
    const delivery = await published(ws, ch, '2026-08-01T00:00:00Z', { likes: 0 });
    const now = new Date('2026-11-01T12:00:00Z');
    // A reading every 6 hours for 92 days, likes counting up: one reading's likes say which it was.
    const readings = Array.from({ length: 92 * 4 }, (_, i) => ({ deliveryId: delivery, workspaceId: ws, channelId: ch, readAt: new Date(Date.parse('2026-08-01T03:00:00Z') + i * 6 * 3_600_000), likes: i }));
    for (let i = 0; i < readings.length; i += 100) await db().insert(deliveryMetricReadings).values(readings.slice(i, i + 100));
    const days = ['2026-07-01', '2026-08-01', '2026-09-15', '2026-10-30'];
    await db().insert(channelDailyStats).values(days.map((day) => ({ channelId: ch, workspaceId: ws, day, postsPublished: 1 })));

    const swept = await sweepAnalyticsHistory(db(), { historyDays: 60, now });
    const kept = await db().select({ readAt: deliveryMetricReadings.readAt, likes: deliveryMetricReadings.likes }).from(deliveryMetricReadings).where(eq(deliveryMetricReadings.deliveryId, delivery)).orderBy(deliveryMetricReadings.readAt);
    const horizon = Date.parse('2026-09-02T12:00:00Z');
    const thinBefore = Date.parse('2026-10-25T00:00:00Z');
    // Nothing older than 60 days.
    expect(kept.every((r) => r.readAt.getTime() >= horizon)).toBe(true);
    // Before the week of full detail: one point per UTC day, the day's last (21:00).
    const old = kept.filter((r) => r.readAt.getTime() < thinBefore);
    const oldDays = old.map((r) => r.readAt.toISOString().slice(0, 10));
    expect(new Set(oldDays).size).toBe(old.length);
    expect(old.every((r) => r.readAt.getUTCHours() === 21)).toBe(true);
    expect(old[0]!.readAt.toISOString()).toBe('2026-09-02T21:00:00.000Z');
    expect(old.at(-1)!.readAt.toISOString()).toBe('2026-10-24T21:00:00.000Z');
    // The last week keeps every reading.
    const recent = kept.filter((r) => r.readAt.getTime() >= thinBefore);
    expect(recent).toHaveLength(readings.filter((r) => r.readAt.getTime() >= thinBefore).length);
    expect(swept.readings + swept.thinned).toBe(readings.length - kept.length);
    expect((await dailyRows(ch)).map((r) => r.day)).toEqual(['2026-09-15', '2026-10-30']);
    expect(swept.dailyStats).toBe(2);

    // A second sweep the same day finds nothing; 0 keeps no history and only today's rows.
    expect(await sweepAnalyticsHistory(db(), { historyDays: 60, now })).toEqual({ thinned: 0, readings: 0, dailyStats: 0 });
    await db().insert(channelDailyStats).values({ channelId: ch, workspaceId: ws, day: '2026-11-01', postsPublished: 0 });
    await sweepAnalyticsHistory(db(), { historyDays: 0, now });
    expect(await db().select().from(deliveryMetricReadings).where(eq(deliveryMetricReadings.channelId, ch))).toHaveLength(0);
    expect((await dailyRows(ch)).map((r) => r.day)).toEqual(['2026-11-01']);
    // The newest reading itself is not history: it stays.
    expect(await db().select().from(deliveryMetrics).where(eq(deliveryMetrics.deliveryId, delivery))).toHaveLength(1);
  });

  it("deletes a channel's (or the workspace's) history and daily rows on objection, and audits the counts", async () => {
    const ws = await workspace();
    const [a, b] = [await channel(ws), await channel(ws)];
    for (const ch of [a, b]) {
      const d = await published(ws, ch, '2026-11-20T10:00:00Z', { likes: 1 });
      await db().insert(deliveryMetricReadings).values([0, 1, 2].map((h) => ({ deliveryId: d, workspaceId: ws, channelId: ch, readAt: new Date(Date.parse('2026-11-20T11:00:00Z') + h * 3_600_000), likes: h })));
      await refreshChannelDailyStats(db(), ch);
    }
    const ctx = { db: db(), actor: { userId, email: 'analyst@example.com' } };
    expect(await deleteMetrics(ctx, ws, a)).toEqual({ deleted: 1 });
    const count = async (channelId: string) => ({
      readings: (await db().select().from(deliveryMetricReadings).where(eq(deliveryMetricReadings.channelId, channelId))).length,
      daily: (await db().select().from(channelDailyStats).where(eq(channelDailyStats.channelId, channelId))).length,
    });
    expect(await count(a)).toEqual({ readings: 0, daily: 0 });
    expect(await count(b)).toEqual({ readings: 3, daily: 1 });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.workspaceId, ws), eq(auditLog.action, 'analytics.metrics_deleted')));
    expect(audit!.changes).toEqual({ deleted: 1, readings: 3, dailyStats: 1 });

    expect(await deleteMetrics(ctx, ws, null)).toEqual({ deleted: 1 });
    expect(await count(b)).toEqual({ readings: 0, daily: 0 });
  });

  it("goes with the channel's and the workspace's rows (disconnect purge and account deletion delete those)", async () => {
    const ws = await workspace();
    const [a, b] = [await channel(ws), await channel(ws)];
    for (const ch of [a, b]) {
      const d = await published(ws, ch, '2026-11-21T10:00:00Z', { likes: 1 });
      await db().insert(deliveryMetricReadings).values({ deliveryId: d, workspaceId: ws, channelId: ch, readAt: new Date('2026-11-21T11:00:00Z'), likes: 1 });
      await refreshChannelDailyStats(db(), ch);
    }
    await db().delete(channels).where(eq(channels.id, a));
    const left = async () => ({
      readings: rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from delivery_metric_readings where workspace_id = ${ws}`))[0]!.n,
      daily: rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from channel_daily_stats where workspace_id = ${ws}`))[0]!.n,
    });
    expect(await left()).toEqual({ readings: 1, daily: 1 });
    await db().delete(workspaces).where(eq(workspaces.id, ws));
    expect(await left()).toEqual({ readings: 0, daily: 0 });
  });
});
