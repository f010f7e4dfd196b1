import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedToUtc } from '../../../shared/time-slots.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { channels, deliveries, deliveryMetrics, postGroups, workspaces, workspaceSettings } from '../../db/schema/index.ts';
import type { ServiceContext } from '../shared/context.ts';
import { bestTimes } from './best-times.service.ts';

// Best times on a real PGlite database with the committed migrations, from seeded patterns. Every
// pattern lives in January and February 2027 (no DST change in New York), with the window ending on
// Monday 1 March 2027.
const now = new Date('2027-03-01T12:00:00Z');
/** Monday of the first seeded week. */
const firstMonday = { year: 2027, month: 1, day: 4 };

type Counters = { likes: number | null; comments: number | null; shares: number | null; views?: number | null };
/** `n` likes, comments and shares together, mostly likes. */
const engaged = (n: number): Counters => ({ likes: n - 2 * Math.round(n / 10), comments: Math.round(n / 10), shares: Math.round(n / 10) });

describe('best times to post', () => {
  let database: Database;
  let ctx: ServiceContext;
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-best-times-'));
  beforeAll(async () => {
    database = await openDatabase({ dataPath });
    await database.migrate();
    ctx = { db: database.db, actor: { userId: 'nobody', email: 'nobody@example.com' } };
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataPath, { recursive: true, force: true });
  });

  async function workspace(timeZone: string | null) {
    const id = randomUUID();
    await database.db.insert(workspaces).values({ id, name: id, slug: id });
    if (timeZone) await database.db.insert(workspaceSettings).values({ workspaceId: id, timeZone });
    return id;
  }
  async function channel(workspaceId: string) {
    const id = randomUUID();
    await database.db.insert(channels).values({ id, workspaceId, network: 'mastodon', externalId: id });
    return id;
  }
  /** A post published at `at` with these newest counters (none: no reading yet). */
  async function published(workspaceId: string, channelId: string, at: Date, counters: Counters | null, state = 'published') {
    const content = { parts: [{ text: 'hello', media: [] }], settings: {} };
    const groupId = randomUUID();
    const deliveryId = randomUUID();
    await database.db.insert(postGroups).values({ id: groupId, workspaceId, state, content, publishAt: at });
    await database.db.insert(deliveries).values({ id: deliveryId, workspaceId, postGroupId: groupId, channelId, network: 'mastodon', state, content, idempotencyKey: deliveryId, publishedAt: at });
    if (counters) await database.db.insert(deliveryMetrics).values({ deliveryId, workspaceId, channelId, views: counters.views ?? null, likes: counters.likes, comments: counters.comments, shares: counters.shares });
  }
  /** `weekday` 1 = Monday, in week `week` (0 = the first seeded week), at `hour` in `zone`. */
  const at = (week: number, weekday: number, hour: number, zone: string) => {
    const date = new Date(Date.UTC(firstMonday.year, firstMonday.month - 1, firstMonday.day + week * 7 + weekday - 1));
    return zonedToUtc({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour, minute: 0 }, zone);
  };
  /** For each of `weeks` weeks, one post in each slot with that slot's engagement. */
  async function pattern(workspaceId: string, channelId: string, zone: string, slots: { weekday: number; hour: number; counters: Counters | null }[], weeks = 8) {
    for (let week = 0; week < weeks; week++) for (const s of slots) await published(workspaceId, channelId, at(week, s.weekday, s.hour, zone), s.counters);
  }
  // Tuesday 09:00 and Thursday 18:00 (New York) do well; Monday noon, Wednesday 15:00 and Friday 10:00 do not.
  const newYorkPattern = [
    { weekday: 2, hour: 9, counters: engaged(50) },
    { weekday: 4, hour: 18, counters: engaged(60) },
    { weekday: 1, hour: 12, counters: engaged(5) },
    { weekday: 3, hour: 15, counters: engaged(5) },
    { weekday: 5, hour: 10, counters: engaged(5) },
  ];
  const slotsOf = (answer: { suggestions: { weekday: number; hour: number }[] }) => answer.suggestions.map((s) => `${s.weekday}@${s.hour}`);

  it('leads with the slots that did well, in the workspace’s zone', async () => {
    const ws = await workspace('America/New_York');
    await pattern(ws, await channel(ws), 'America/New_York', newYorkPattern);
    const answer = await bestTimes(ctx, ws, { now });
    expect(answer).toMatchObject({ timeZone: 'America/New_York', channelId: null, basedOn: { posts: 40, weeks: 8 }, enough: true, minimumPosts: 20, minimumWeeks: 3 });
    // Only the two good slots beat the channel's average; Thursday did best.
    expect(slotsOf(answer)).toEqual(['4@18', '2@9']);
    expect(answer.suggestions[0]).toMatchObject({ posts: 8 });
    expect(answer.suggestions[0]!.score).toBeGreaterThan(answer.suggestions[1]!.score);
    expect(answer.suggestions[1]!.score).toBeGreaterThan(1);
    expect(answer.grid).toHaveLength(5);
    expect(answer.grid.find((g) => g.weekday === 2 && g.hour === 9)).toMatchObject({ posts: 8, meanEngagement: 50 });
    expect(answer.grid.find((g) => g.weekday === 1 && g.hour === 12)!.score).toBeLessThan(1);
  });

  it('reads the same posts in UTC when that is the workspace’s zone (New York is UTC−5 in winter)', async () => {
    const ws = await workspace(null);
    await pattern(ws, await channel(ws), 'America/New_York', newYorkPattern);
    const answer = await bestTimes(ctx, ws, { now });
    expect(answer.timeZone).toBe('UTC');
    expect(slotsOf(answer)).toEqual(['4@23', '2@14']);
  });

  it('crosses midnight into the next weekday when the zone says so', async () => {
    const ws = await workspace('Asia/Tokyo');
    // Thursday 18:00 in New York is Friday 08:00 in Tokyo.
    await pattern(ws, await channel(ws), 'America/New_York', newYorkPattern);
    expect(slotsOf(await bestTimes(ctx, ws, { now }))).toEqual(['5@8', '2@23']);
  });

  it('suggests nothing with too few posts, or with enough posts crowded into too few weeks', async () => {
    const few = await workspace('UTC');
    await pattern(few, await channel(few), 'UTC', newYorkPattern.slice(0, 2), 5);
    const fewAnswer = await bestTimes(ctx, few, { now });
    expect(fewAnswer).toMatchObject({ basedOn: { posts: 10, weeks: 5 }, enough: false, suggestions: [] });
    // The grid still shows what there is.
    expect(fewAnswer.grid).toHaveLength(2);

    const crowded = await workspace('UTC');
    await pattern(crowded, await channel(crowded), 'UTC', [...newYorkPattern, ...newYorkPattern.map((s) => ({ ...s, hour: s.hour + 1 }))], 2);
    expect(await bestTimes(ctx, crowded, { now })).toMatchObject({ basedOn: { posts: 20, weeks: 2 }, enough: false, suggestions: [] });
  });

  it('leaves out posts without likes, comments or shares reported, and the ones outside the window or not published', async () => {
    const ws = await workspace('UTC');
    const ch = await channel(ws);
    await pattern(ws, ch, 'UTC', newYorkPattern.slice(0, 3));
    // Views only (likes, comments and shares "not reported"): these would sink Friday if read as 0.
    await pattern(ws, ch, 'UTC', [{ weekday: 5, hour: 10, counters: { likes: null, comments: null, shares: null, views: 900 } }]);
    // No reading yet, published long ago, or failed: none of them counts.
    await pattern(ws, ch, 'UTC', [{ weekday: 6, hour: 11, counters: null }]);
    await published(ws, ch, new Date('2026-11-03T09:00:00Z'), engaged(1000));
    await published(ws, ch, at(3, 7, 20, 'UTC'), engaged(1000), 'failed');
    // A partly reported post counts with what was reported.
    await published(ws, ch, at(0, 2, 9, 'UTC'), { likes: null, comments: 50, shares: null });

    const answer = await bestTimes(ctx, ws, { now });
    expect(answer.basedOn).toEqual({ posts: 25, weeks: 8 });
    expect(answer.grid.map((g) => `${g.weekday}@${g.hour}`)).toEqual(['1@12', '2@9', '4@18']);
    expect(answer.grid.find((g) => g.weekday === 2)).toMatchObject({ posts: 9, meanEngagement: 50 });
  });

  it('answers for one channel from that channel alone, and weighs channels equally across the workspace', async () => {
    const ws = await workspace('UTC');
    const small = await channel(ws);
    const big = await channel(ws);
    await pattern(ws, small, 'UTC', [
      { weekday: 2, hour: 9, counters: engaged(50) },
      { weekday: 1, hour: 12, counters: engaged(5) },
      { weekday: 3, hour: 15, counters: engaged(5) },
    ]);
    // A hundred times the engagement, best on Friday morning.
    await pattern(ws, big, 'UTC', [
      { weekday: 5, hour: 10, counters: engaged(6000) },
      { weekday: 1, hour: 13, counters: engaged(500) },
      { weekday: 3, hour: 16, counters: engaged(500) },
    ]);
    const one = await bestTimes(ctx, ws, { channelId: small, now });
    expect(one).toMatchObject({ channelId: small, basedOn: { posts: 24, weeks: 8 }, enough: true });
    expect(slotsOf(one)).toEqual(['2@9']);
    expect(one.grid.every((g) => g.meanEngagement <= 50)).toBe(true);

    const all = await bestTimes(ctx, ws, { now });
    expect(all.basedOn.posts).toBe(48);
    // The small channel's best hour still shows next to the big one's.
    expect(slotsOf(all).sort()).toEqual(['2@9', '5@10']);
  });

  it('refuses a channel of another workspace, or none at all, as not found', async () => {
    const ws = await workspace('UTC');
    const other = await workspace('UTC');
    const theirs = await channel(other);
    await expect(bestTimes(ctx, ws, { channelId: theirs, now })).rejects.toMatchObject({ code: 'channel.not_found', status: 404 });
    await expect(bestTimes(ctx, ws, { channelId: 'does-not-exist', now })).rejects.toMatchObject({ code: 'channel.not_found', status: 404 });
    // An empty workspace: nothing to go on, said plainly.
    expect(await bestTimes(ctx, ws, { now })).toMatchObject({ basedOn: { posts: 0, weeks: 0 }, enough: false, suggestions: [], grid: [] });
  });
});
