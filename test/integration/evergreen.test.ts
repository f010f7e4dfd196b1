import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, channels, deliveries, evergreenSettings, postGroups } from '../../src/server/db/schema/index.ts';
import { recycleDue, recycleOne, type RecycleDeps } from '../../src/server/modules/evergreen/evergreen.service.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodon, fastEngineEnv, waitForPost } from '../helpers/publishing.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';

const DAY = 86_400_000;

// Recycling limits: an evergreen post goes back into the queue every N days after it (or its last
// copy) went out, at most M times, with its variations in turn, once however many workers sweep.
describe('evergreen recycling limits', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let workspaceId: string;
  let owner: TeamMember;
  let editor: TeamMember;
  let viewer: TeamMember;
  let channelId: string;
  let deps: RecycleDeps;
  const api = (p: string) => `/api/v1/workspaces/${workspaceId}${p}`;
  const db = () => h.herald.database.db;
  const sweep = (now = new Date()) => recycleDue(db(), deps, now);
  const copiesOf = async (id: string) =>
    (await db().select().from(postGroups).where(eq(postGroups.recycledFrom, id))).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  /** Marks a post as having gone out `days` ago (what the engine records when it publishes). */
  const wentOut = async (id: string, days: number) => {
    const at = new Date(Date.now() - days * DAY);
    await db().update(deliveries).set({ state: 'published', publishedAt: at }).where(eq(deliveries.postGroupId, id));
    await db().update(postGroups).set({ state: 'published' }).where(eq(postGroups.id, id));
  };
  const publishedPost = async (text: string) => {
    const res = await editor.client.post(api('/posts'), { content: { text }, channels: [{ channelId }], schedule: { mode: 'now' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await waitForPost(editor.client, workspaceId, res.body.id, (p) => p.deliveries.every((d: { state: string }) => d.state === 'published'));
    return res.body.id as string;
  };
  const makeEvergreen = async (id: string, body: Record<string, unknown>, who = editor) => {
    const res = await who.client.put(api(`/posts/${id}/evergreen`), body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    h = await startTestHerald({ env: fastEngineEnv });
    const team = await createTeam(h.url, 'Evergreen');
    workspaceId = team.workspaceId;
    ({ owner, editor, viewer } = team.members);
    channelId = await connectMastodon(h, owner.client, workspaceId, mastodon);
    deps = { posts: { boss: h.herald.boss, instance: { mediaByUrl: false } } };
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  it('refuses bad settings with the field and the reason, and viewers may not set them', async () => {
    const id = await publishedPost('Validation target');
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ everyDays: 0, maxTimes: 3 }, 'everyDays', /at least 1/],
      [{ everyDays: 366, maxTimes: 3 }, 'everyDays', /at most 365/],
      [{ everyDays: 1.5, maxTimes: 3 }, 'everyDays', /whole number/],
      [{ everyDays: 7, maxTimes: 0 }, 'maxTimes', /at least 1/],
      [{ everyDays: 7, maxTimes: 51 }, 'maxTimes', /at most 50/],
      [{ everyDays: 7, maxTimes: 3, variations: ['ok', '   '] }, 'variations.1', /must not be empty/],
      [{ everyDays: 7, maxTimes: 3, variations: Array.from({ length: 21 }, () => 'x') }, 'variations', /at most 20/],
    ];
    for (const [body, field, reason] of cases) {
      const res = await editor.client.put(api(`/posts/${id}/evergreen`), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.error)).toContain(field);
      expect(JSON.stringify(res.body.error)).toMatch(reason);
    }
    expect((await viewer.client.put(api(`/posts/${id}/evergreen`), { everyDays: 7, maxTimes: 3 })).status).toBe(403);
    expect((await editor.client.put(api('/posts/no-such-post/evergreen'), { everyDays: 7, maxTimes: 3 })).status).toBe(404);
    expect((await viewer.client.get(api(`/posts/${id}/evergreen`))).body).toEqual({ evergreen: null, recycledFrom: null });
  });

  it('makes no copy before N days, then one per sweep at most, never more than M, the variations in turn', async () => {
    const id = await publishedPost('The original text');
    await makeEvergreen(id, { everyDays: 7, maxTimes: 3, variations: ['Variation one', 'Variation two'] });

    // Published just now: nothing for 7 days.
    await sweep();
    expect(await copiesOf(id)).toHaveLength(0);
    await wentOut(id, 6);
    await sweep();
    expect(await copiesOf(id)).toHaveLength(0);

    await wentOut(id, 8);
    await sweep();
    await sweep(); // the first copy has not gone out yet: no second one
    let copies = await copiesOf(id);
    expect(copies).toHaveLength(1);
    expect(copies[0]!.content.parts[0]!.text).toBe('Variation one');
    expect(copies[0]!.state).toBe('scheduled');
    // No posting times: shortly after now rather than never.
    expect(copies[0]!.publishAt!.getTime()).toBeGreaterThan(Date.now());
    expect(copies[0]!.publishAt!.getTime()).toBeLessThan(Date.now() + 15 * 60_000);
    const [copyDelivery] = await db().select().from(deliveries).where(eq(deliveries.postGroupId, copies[0]!.id));
    expect(copyDelivery).toMatchObject({ channelId, state: 'queued' });

    // The copy went out 2 days ago: the next one waits until 7 days after that, not after the original.
    await wentOut(copies[0]!.id, 2);
    await sweep();
    expect(await copiesOf(id)).toHaveLength(1);
    await wentOut(copies[0]!.id, 7.5);
    await sweep();
    copies = await copiesOf(id);
    expect(copies.map((c) => c.content.parts[0]!.text)).toEqual(['Variation one', 'Variation two']);

    await wentOut(copies[1]!.id, 10);
    await sweep();
    copies = await copiesOf(id);
    expect(copies.map((c) => c.content.parts[0]!.text)).toEqual(['Variation one', 'Variation two', 'Variation one']);

    // M = 3 reached: however long it waits, no fourth copy.
    await wentOut(copies[2]!.id, 30);
    await sweep(new Date(Date.now() + 365 * DAY));
    expect(await copiesOf(id)).toHaveLength(3);

    const view = (await viewer.client.get(api(`/posts/${id}/evergreen`))).body.evergreen;
    expect(view).toMatchObject({ enabled: true, everyDays: 7, maxTimes: 3, recycledCount: 3, skipReason: null });
    expect(view.copies.map((c: { id: string }) => c.id)).toEqual(copies.map((c) => c.id));
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'post.recycled')));
    expect(audits).toHaveLength(3);
  });

  it('uses the original text when there are no variations', async () => {
    const id = await publishedPost('Keep saying this');
    await makeEvergreen(id, { everyDays: 1, maxTimes: 1 });
    await wentOut(id, 2);
    await sweep();
    const [copy] = await copiesOf(id);
    expect(copy!.content.parts[0]!.text).toBe('Keep saying this');
  });

  it('two workers sweeping at once make one copy', async () => {
    const id = await publishedPost('Raced for');
    await makeEvergreen(id, { everyDays: 3, maxTimes: 5 });
    await wentOut(id, 4);
    const [a, b] = await Promise.all([sweep(), sweep()]);
    expect(a.recycled + b.recycled).toBe(1);
    expect(await copiesOf(id)).toHaveLength(1);
    const [row] = await db().select().from(evergreenSettings).where(eq(evergreenSettings.postGroupId, id));
    expect(row!.recycledCount).toBe(1);

    // A worker that read the setting before the other's copy (count 0) and gets past every other
    // check still makes nothing: the count it claims against has moved.
    const [copy] = await copiesOf(id);
    await wentOut(copy!.id, 4);
    const stale = { ...row!, recycledCount: 0 };
    expect(await recycleOne(db(), deps, stale)).toBe('taken');
    expect(await copiesOf(id)).toHaveLength(1);
    expect(await recycleOne(db(), deps, row!)).toBe('recycled');
    expect(await copiesOf(id)).toHaveLength(2);
  });

  it('stops when turned off, when the original is deleted, and for a post never published', async () => {
    const stopped = await publishedPost('Turned off');
    await makeEvergreen(stopped, { everyDays: 1, maxTimes: 5 });
    expect((await viewer.client.delete(api(`/posts/${stopped}/evergreen`))).status).toBe(403);
    expect((await editor.client.delete(api(`/posts/${stopped}/evergreen`))).status).toBe(204);
    await wentOut(stopped, 3);
    await sweep();
    expect(await copiesOf(stopped)).toHaveLength(0);
    expect((await editor.client.get(api(`/posts/${stopped}/evergreen`))).body.evergreen).toMatchObject({ enabled: false, recycledCount: 0 });

    const deleted = await publishedPost('Deleted original');
    await makeEvergreen(deleted, { everyDays: 1, maxTimes: 5 });
    await wentOut(deleted, 3);
    await db().delete(postGroups).where(eq(postGroups.id, deleted));
    expect(await db().select().from(evergreenSettings).where(eq(evergreenSettings.postGroupId, deleted))).toHaveLength(0);

    const draft = await editor.client.post(api('/posts'), { content: { text: 'Never out' }, channels: [{ channelId }], schedule: { mode: 'draft' } });
    await makeEvergreen(draft.body.id, { everyDays: 1, maxTimes: 5 });
    const totals = await sweep(new Date(Date.now() + 30 * DAY));
    expect(totals.recycled).toBe(0);
    expect(await copiesOf(draft.body.id)).toHaveLength(0);
  });

  it('skips with a clear reason while the channel is disconnected, and goes on once it is back', async () => {
    const id = await publishedPost('Channel goes away');
    await makeEvergreen(id, { everyDays: 1, maxTimes: 2 });
    await wentOut(id, 2);
    await db().update(channels).set({ status: 'disconnected' }).where(eq(channels.id, channelId));
    try {
      const totals = await sweep();
      expect(totals.skipped).toBeGreaterThanOrEqual(1);
      expect(await copiesOf(id)).toHaveLength(0);
      const view = (await editor.client.get(api(`/posts/${id}/evergreen`))).body.evergreen;
      expect(view).toMatchObject({ recycledCount: 0, skipReason: expect.stringMatching(/channel of the original is disconnected/) });
    } finally {
      await db().update(channels).set({ status: 'ok' }).where(eq(channels.id, channelId));
    }
    await sweep();
    expect(await copiesOf(id)).toHaveLength(1);
    expect((await editor.client.get(api(`/posts/${id}/evergreen`))).body.evergreen).toMatchObject({ recycledCount: 1, skipReason: null });
  });

  it('a copy cannot be made evergreen itself', async () => {
    const id = await publishedPost('Has copies');
    await makeEvergreen(id, { everyDays: 1, maxTimes: 1 });
    await wentOut(id, 2);
    await sweep();
    const [copy] = await copiesOf(id);
    const res = await editor.client.put(api(`/posts/${copy!.id}/evergreen`), { everyDays: 1, maxTimes: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('evergreen.is_copy');
    expect((await viewer.client.get(api(`/posts/${copy!.id}/evergreen`))).body).toEqual({ evergreen: null, recycledFrom: id });
    expect(await db().select().from(postGroups).where(inArray(postGroups.id, [copy!.id]))).toHaveLength(1);
  });
});
