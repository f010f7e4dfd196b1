import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { channels, deliveries, postGroups } from '../../src/server/db/schema/index.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { connectMastodon, fastEngineEnv } from '../helpers/publishing.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';

// The agency view: one calendar and one attention list over all of a user's workspaces, and never
// anything of a workspace they are not in.
describe('agency view', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let agent: Awaited<ReturnType<typeof signUp>>;
  let stranger: Awaited<ReturnType<typeof signUp>>;
  let client: Awaited<ReturnType<typeof signUp>>;
  const ws: Record<'alpha' | 'beta' | 'gamma' | 'delta', { id: string; channelId: string }> = {} as never;
  const posts: Record<string, string> = {};
  const db = () => h.herald.database.db;
  const day = 86_400_000;
  // A fixed week well in the future, so the range holds only what the test put there.
  const base = new Date('2031-03-10T09:00:00Z');
  const at = (days: number) => new Date(base.getTime() + days * day).toISOString();

  async function workspace(owner: typeof agent, name: string) {
    const id = (await owner.client.post('/api/v1/workspaces', { name })).body.id as string;
    return { id, channelId: await connectMastodon(h, owner.client, id, mastodon) };
  }
  async function post(owner: typeof agent, where: { id: string; channelId: string }, text: string, publishAt: string) {
    const res = await owner.client.post(`/api/v1/workspaces/${where.id}/posts`, { content: { text }, channels: [{ channelId: where.channelId }], schedule: { mode: 'draft', publishAt, timeZone: 'Europe/Berlin' } });
    expect(res.status).toBe(201);
    return res.body as { id: string; deliveries: { id: string }[] };
  }
  const calendar = (who: typeof agent, query: string) => who.client.get(`/api/v1/me/calendar?${query}`);
  const range = `from=${encodeURIComponent(at(-1))}&to=${encodeURIComponent(at(20))}`;
  const texts = (body: { items: { text: string }[] }) => body.items.map((i) => i.text).sort();

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    h = await startTestHerald({ env: fastEngineEnv });
    agent = await signUp(h.url, { name: 'Agent' });
    stranger = await signUp(h.url, { name: 'Stranger' });
    client = await signUp(h.url, { name: 'Client' });
    ws.alpha = await workspace(agent, 'Alpha Bakery');
    ws.beta = await workspace(agent, 'Beta Bikes');
    ws.gamma = await workspace(stranger, 'Gamma Gym');
    ws.delta = await workspace(client, 'Delta Dental');
    // The agent only watches Delta.
    const invite = await client.client.post(`/api/v1/workspaces/${ws.delta.id}/invitations`, { email: agent.email, role: 'viewer' });
    expect((await agent.client.post(`/api/v1/invitations/${invite.body.id}/accept`)).status).toBe(200);

    posts.alpha = (await post(agent, ws.alpha, 'Fresh bread on Monday\nsecond line', at(0))).id;
    posts.beta = (await post(agent, ws.beta, 'New bikes in store', at(2))).id;
    posts.gamma = (await post(stranger, ws.gamma, 'Gym opens early', at(1))).id;
    posts.delta = (await post(client, ws.delta, 'Smile week', at(3))).id;
    posts.outside = (await post(agent, ws.alpha, 'Far away', at(90))).id;
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  it("shows the posts of every workspace of the user, a viewer's too, with workspace name and colour, and nobody else's", async () => {
    const res = await calendar(agent, range);
    expect(res.status).toBe(200);
    expect(texts(res.body)).toEqual(['Fresh bread on Monday\nsecond line', 'New bikes in store', 'Smile week']);
    expect(res.body.truncated).toBe(false);
    const alpha = res.body.items.find((i: { id: string }) => i.id === posts.alpha);
    expect(alpha).toMatchObject({
      workspace: { id: ws.alpha.id, name: 'Alpha Bakery', colour: expect.stringMatching(/^#[0-9a-f]{6}$/) },
      state: 'draft',
      publishAt: at(0),
      timeZone: 'Europe/Berlin',
      href: `/w/${ws.alpha.id}/posts/${posts.alpha}`,
      channels: [{ channelId: ws.alpha.channelId, network: 'mastodon', state: 'draft' }],
    });
    expect(alpha.channels[0].username).toBeTruthy();
    // Ordered by time, and every readable workspace listed for the filter (with a stable colour).
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([posts.alpha, posts.beta, posts.delta]);
    expect(res.body.workspaces.map((w: { name: string }) => w.name)).toEqual(['Alpha Bakery', 'Beta Bikes', 'Delta Dental']);
    expect(res.body.workspaces.find((w: { id: string }) => w.id === ws.delta.id)).toMatchObject({ role: 'viewer' });
    expect((await calendar(agent, range)).body.workspaces).toEqual(res.body.workspaces);

    expect(texts((await calendar(stranger, range)).body)).toEqual(['Gym opens early']);
    expect(texts((await calendar(client, range)).body)).toEqual(['Smile week']);
  });

  it('filters by workspace and state; a foreign workspace id matches nothing', async () => {
    expect(texts((await calendar(agent, `${range}&workspaceId=${ws.beta.id}`)).body)).toEqual(['New bikes in store']);
    expect(texts((await calendar(agent, `${range}&workspaceId=${ws.beta.id},${ws.delta.id}`)).body)).toEqual(['New bikes in store', 'Smile week']);
    expect(texts((await calendar(agent, `${range}&workspaceId=${ws.gamma.id}`)).body)).toEqual([]);
    expect(texts((await calendar(agent, `${range}&state=scheduled`)).body)).toEqual([]);
    expect(texts((await calendar(agent, `${range}&state=draft`)).body)).toHaveLength(3);
  });

  it('refuses a range longer than 62 days, backwards or missing, naming the field', async () => {
    const long = await calendar(agent, `from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(63))}`);
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: 'validation_failed', details: { issues: [{ field: 'querystring.to' }] } });
    expect((await calendar(agent, `from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(62))}`)).status).toBe(200);
    expect((await calendar(agent, `from=${encodeURIComponent(at(2))}&to=${encodeURIComponent(at(1))}`)).status).toBe(400);
    const missing = await calendar(agent, `from=${encodeURIComponent(at(0))}`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.issues[0].field).toContain('to');
    expect((await calendar(agent, 'from=yesterday&to=tomorrow')).status).toBe(400);
    expect((await fetch(`${h.url}/api/v1/me/calendar?${range}`)).status).toBe(401);
  });

  it('lists what needs attention per workspace; reviews only for approvers; nothing of other workspaces', async () => {
    const now = Date.now();
    // A failed delivery in Beta, a channel to reconnect in Delta, posts in review in Alpha and
    // Delta (one past its time), a draft due tomorrow in Alpha, and trouble in Gamma the agent must not see.
    const betaPost = await post(agent, ws.beta, 'Broken post', at(4));
    await db().update(deliveries).set({ state: 'failed', errorMessage: 'The server refused the post' }).where(eq(deliveries.id, betaPost.deliveries[0]!.id));
    await db().update(channels).set({ status: 'needs_reauth' }).where(eq(channels.id, ws.delta.channelId));
    const review = await post(agent, ws.alpha, 'Please review me', at(5));
    const late = await post(agent, ws.alpha, 'Late review', at(6));
    await db().update(postGroups).set({ state: 'in_review' }).where(eq(postGroups.id, review.id));
    await db().update(postGroups).set({ state: 'in_review', publishAt: new Date(now - 3_600_000) }).where(eq(postGroups.id, late.id));
    const deltaReview = await post(client, ws.delta, 'Client review', at(5));
    await db().update(postGroups).set({ state: 'in_review' }).where(eq(postGroups.id, deltaReview.id));
    const soon = await post(agent, ws.alpha, 'Tomorrow’s draft', new Date(now + day).toISOString());
    await post(agent, ws.alpha, 'Next week’s draft', new Date(now + 7 * day).toISOString());
    const gammaPost = await post(stranger, ws.gamma, 'Gym trouble', at(4));
    await db().update(deliveries).set({ state: 'unconfirmed' }).where(eq(deliveries.id, gammaPost.deliveries[0]!.id));
    await db().update(channels).set({ status: 'expiring' }).where(eq(channels.id, ws.gamma.channelId));

    const res = await agent.client.get('/api/v1/me/attention');
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.workspaces.map((w: { workspace: { name: string } }) => [w.workspace.name, w]));
    expect(Object.keys(byName)).toEqual(['Alpha Bakery', 'Beta Bikes', 'Delta Dental']);
    expect(byName['Alpha Bakery'].counts).toEqual({ failed: 0, unconfirmed: 0, channels: 0, inReview: 1, reviewOverdue: 1, draftsDueSoon: 1, total: 3 });
    expect(byName['Alpha Bakery'].items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'in_review', title: 'Please review me', href: `/w/${ws.alpha.id}/posts/${review.id}` }),
        expect.objectContaining({ kind: 'review_overdue', postId: late.id }),
        expect.objectContaining({ kind: 'draft_due_soon', postId: soon.id, title: 'Tomorrow’s draft' }),
      ]),
    );
    expect(byName['Beta Bikes'].counts).toMatchObject({ failed: 1, total: 1 });
    expect(byName['Beta Bikes'].items[0]).toMatchObject({ kind: 'delivery_failed', title: 'Broken post', postId: betaPost.id, href: `/w/${ws.beta.id}/posts/${betaPost.id}` });
    expect(byName['Beta Bikes'].items[0].detail).toContain('The server refused the post');
    // A viewer in Delta: the channel, but not the client's post waiting for review.
    expect(byName['Delta Dental'].counts).toMatchObject({ channels: 1, inReview: 0, total: 1 });
    expect(byName['Delta Dental'].items[0]).toMatchObject({ kind: 'channel_reconnect', channelId: ws.delta.channelId, href: `/w/${ws.delta.id}/channels` });
    expect(res.body.total).toBe(5);
    expect(JSON.stringify(res.body)).not.toContain('Gym');

    // The Delta owner approves: the review is theirs to see.
    const owner = (await client.client.get('/api/v1/me/attention')).body;
    expect(owner.workspaces).toHaveLength(1);
    expect(owner.workspaces[0].counts).toMatchObject({ inReview: 1, channels: 1 });
    expect(owner.workspaces[0].items.find((i: { kind: string }) => i.kind === 'in_review')).toMatchObject({ postId: deltaReview.id });

    const other = (await stranger.client.get('/api/v1/me/attention')).body;
    expect(other.workspaces.map((w: { workspace: { id: string } }) => w.workspace.id)).toEqual([ws.gamma.id]);
    expect(other.workspaces[0].counts).toMatchObject({ unconfirmed: 1, channels: 1, total: 2 });
    expect(JSON.stringify(other)).not.toMatch(/Bakery|Bikes|Dental|review me/);
  });
});
