import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, deliveries } from '../../src/server/db/schema/index.ts';
import { rowsOf } from '../../src/server/db/database.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';
import { connectMastodon, fastEngineEnv, waitForPost } from '../helpers/publishing.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { WAKE_LEAD_MS } from '../../src/server/modules/publishing/wake-ups.ts';

// A channel's queue: reorder hands the same times out in a new order (wake-ups follow, so the
// posts really go out in that order), shuffle does it at random; the list is checked strictly.
describe('queue reorder and shuffle', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let otherServer: MastodonFake;
  let owner: TeamMember;
  let viewer: TeamMember;
  let editor: TeamMember;
  let workspaceId: string;
  let channelId: string;
  let otherChannelId: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const queue = (path = '') => api(`/channels/${channelId}/queue${path}`);
  const db = () => h.herald.database.db;
  const DAY = 86_400_000;
  const post = async (text: string, at: number, channelIds = [channelId]) => {
    const res = await owner.client.post(api('/posts'), { content: { text }, channels: channelIds.map((id) => ({ channelId: id })), schedule: { mode: 'at', publishAt: new Date(at).toISOString(), timeZone: 'UTC' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const wakeStart = async (postId: string) => {
    const [row] = await db().select().from(deliveries).where(and(eq(deliveries.postGroupId, postId), eq(deliveries.channelId, channelId)));
    const [job] = rowsOf<{ start_after: Date; state: string }>(await db().execute(sql`select start_after, state from pgboss.job where id = ${row!.wakeJobId}`));
    return { dueAt: row!.dueAt!.getTime(), wakeAt: new Date(job!.start_after).getTime(), jobState: job!.state };
  };

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    otherServer = await startMastodonFake({ account: { id: '109000000000000002', username: 'second', displayName: 'Second account' } });
    h = await startTestHerald({ env: fastEngineEnv });
    const team = await createTeam(h.url, 'Queue');
    workspaceId = team.workspaceId;
    ({ owner, viewer, editor } = team.members);
    channelId = await connectMastodon(h, owner.client, workspaceId, mastodon);
    otherChannelId = await connectMastodon(h, owner.client, workspaceId, otherServer);
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
    await otherServer?.close();
  });

  it('reorder swaps the times and the wake-ups, and the posts go out in the new order', async () => {
    const base = Date.now() + 25_000;
    const first = await post('Queue first', base);
    const second = await post('Queue second', base + 2_000);
    const third = await post('Queue third', base + 4_000);
    const before = await owner.client.get(queue());
    expect(before.status).toBe(200);
    expect(before.body.posts.map((p: any) => p.postId)).toEqual([first, second, third]);
    expect(before.body.posts.every((p: any) => p.movable && !p.pinned)).toBe(true);

    const moved = await editor.client.post(queue('/reorder'), { postIds: [third, first, second] });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.posts.map((p: any) => [p.postId, new Date(p.at).getTime()])).toEqual([
      [third, base],
      [first, base + 2_000],
      [second, base + 4_000],
    ]);
    // Each delivery's wake-up moved with it (the old one is cancelled, the new one starts at the new time).
    for (const [id, at] of [[third, base], [first, base + 2_000], [second, base + 4_000]] as const) {
      expect(await wakeStart(id)).toMatchObject({ dueAt: at, wakeAt: at - WAKE_LEAD_MS, jobState: 'created' });
    }
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'channel.queue_reordered'), eq(auditLog.entityId, channelId)));
    expect(audit).toMatchObject({ actorUserId: editor.id, workspaceId });
    expect((audit!.changes as any).moved).toHaveLength(3);

    const count = mastodon.statuses.length;
    for (const id of [first, second, third]) await waitForPost(owner.client, workspaceId, id, (p) => p.state === 'published', 40_000);
    expect(mastodon.statuses.slice(count).map((s) => s.text)).toEqual(['Queue third', 'Queue first', 'Queue second']);
  }, 60_000);

  it('refuses a list that is not exactly the movable posts of the window, with the field', async () => {
    const base = Date.now() + 10 * DAY;
    const a = await post('Window a', base);
    const b = await post('Window b', base + 3_600_000);
    const c = await post('Window c', base + 7_200_000);
    const foreign = await post('Elsewhere', base + 1_800_000, [otherChannelId]);

    const twice = await owner.client.post(queue('/reorder'), { postIds: [a, a, b] });
    expect(twice.status).toBe(400);
    expect(twice.body.error).toMatchObject({ code: 'queue.invalid_order', details: { field: 'postIds.1' } });

    const skipping = await owner.client.post(queue('/reorder'), { postIds: [c, a] });
    expect(skipping.status).toBe(400);
    expect(skipping.body.error.details).toMatchObject({ field: 'postIds', missing: [b] });

    const otherChannel = await owner.client.post(queue('/reorder'), { postIds: [b, foreign, a] });
    expect(otherChannel.status).toBe(400);
    expect(otherChannel.body.error.details).toMatchObject({ field: 'postIds.1' });

    const unknown = await owner.client.post(queue('/reorder'), { postIds: ['no-such-post'] });
    expect(unknown.status).toBe(400);
    const empty = await owner.client.post(queue('/reorder'), { postIds: [] });
    expect(empty.status).toBe(400);

    // Nothing moved.
    const list = (await owner.client.get(queue())).body.posts.filter((p: any) => [a, b, c].includes(p.postId));
    expect(list.map((p: any) => p.postId)).toEqual([a, b, c]);

    const foreignQueue = await owner.client.post(api(`/channels/${otherChannelId}/queue/reorder`), { postIds: [foreign] });
    expect(foreignQueue.status).toBe(200);
  });

  it('keeps posts sent to several channels pinned and moves the others around them', async () => {
    const base = Date.now() + 20 * DAY;
    const a = await post('Around a', base);
    const pinned = await post('Both channels', base + 3_600_000, [channelId, otherChannelId]);
    const b = await post('Around b', base + 7_200_000);
    const list = (await owner.client.get(queue())).body.posts;
    expect(list.find((p: any) => p.postId === pinned)).toMatchObject({ pinned: true, movable: false, channelCount: 2 });

    const refused = await owner.client.post(queue('/reorder'), { postIds: [b, pinned, a] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({ field: 'postIds.1' });

    const swapped = await owner.client.post(queue('/reorder'), { postIds: [b, a] });
    expect(swapped.status).toBe(200);
    const times = Object.fromEntries(swapped.body.posts.map((p: any) => [p.postId, new Date(p.at).getTime()]));
    expect(times).toMatchObject({ [b]: base, [pinned]: base + 3_600_000, [a]: base + 7_200_000 });
  });

  it('answers 409 when a listed post has started publishing meanwhile, and moves nothing', async () => {
    const base = Date.now() + 30 * DAY;
    const a = await post('Busy a', base);
    const b = await post('Busy b', base + 3_600_000);
    await db().update(deliveries).set({ state: 'publishing' }).where(eq(deliveries.postGroupId, a));
    try {
      const res = await owner.client.post(queue('/reorder'), { postIds: [b, a] });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('queue.publishing');
      const rows = await db().select().from(deliveries).where(inArray(deliveries.postGroupId, [a, b]));
      expect(rows.find((r) => r.postGroupId === b)!.dueAt!.getTime()).toBe(base + 3_600_000);
    } finally {
      await db().update(deliveries).set({ state: 'queued' }).where(eq(deliveries.postGroupId, a));
    }
  });

  it('shuffle keeps the same set of times and posts, and is refused to a viewer', async () => {
    const base = Date.now() + 40 * DAY;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await post(`Shuffle ${i}`, base + i * 3_600_000));
    const before = (await owner.client.get(queue())).body.posts.filter((p: any) => p.movable);
    const shuffled = await editor.client.post(queue('/shuffle'));
    expect(shuffled.status).toBe(200);
    const after = shuffled.body.posts.filter((p: any) => p.movable);
    const times = (list: any[]) => list.map((p) => new Date(p.at).getTime()).sort((x, y) => x - y);
    expect(times(after)).toEqual(times(before));
    expect(after.map((p: any) => p.postId).sort()).toEqual(before.map((p: any) => p.postId).sort());
    expect(after.map((p: any) => p.postId)).not.toEqual(before.map((p: any) => p.postId));
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, 'channel.queue_shuffled'));
    expect(audit).toMatchObject({ actorUserId: editor.id, entityId: channelId });

    expect((await viewer.client.post(queue('/shuffle'))).status).toBe(403);
    expect((await viewer.client.post(queue('/reorder'), { postIds: ids })).status).toBe(403);
    expect((await viewer.client.get(queue())).status).toBe(200);
  });

  it('lists free posting times between the posts, in the workspace zone', async () => {
    await owner.client.put(api('/schedule-settings'), { timeZone: 'Europe/Berlin' });
    const slots = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, minute: 9 * 60 }));
    expect((await owner.client.put(api(`/channels/${otherChannelId}/slots`), { slots })).status).toBe(200);
    const queued = await owner.client.post(api('/posts'), { content: { text: 'Queued into a slot' }, channels: [{ channelId: otherChannelId }], schedule: { mode: 'queue' } });
    expect(queued.status).toBe(201);
    const res = await owner.client.get(api(`/channels/${otherChannelId}/queue`));
    expect(res.body).toMatchObject({ timeZone: 'Europe/Berlin', hasPostingTimes: true });
    const taken = new Date(queued.body.publishAt).getTime();
    const free = res.body.freeSlots.map((d: string) => new Date(d).getTime());
    expect(free.length).toBeGreaterThanOrEqual(6);
    expect(free).not.toContain(taken);
    for (const at of free) expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(at)).toBe('09:00');
    expect((await owner.client.get(api('/channels/no-such-channel/queue'))).status).toBe(404);
  });
});
