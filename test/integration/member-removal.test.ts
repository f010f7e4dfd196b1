import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { and, eq } from 'drizzle-orm';
import { auditLog, channels, oauthStates } from '../../src/server/db/schema/index.ts';
import { channelsDueForRefresh } from '../../src/server/modules/channels/channels.service.ts';
import { startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';
import { connectMastodon, fastEngineEnv, uploadMedia, waitForPost } from '../helpers/publishing.ts';
import { exportMyData } from '../helpers/zip.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';

// Issue 13: a member who is removed (or leaves) keeps no power over the workspace. The channels
// they connected are handed to whoever removed them (to the owner when they left), so their pause
// and their account deletion no longer reach them; a connection they started cannot be finished;
// their data export holds nothing of the workspace but their own audit and access-log rows.
describe('a removed member loses power over the workspace', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  const db = () => h.herald.database.db;
  const settled = (p: any) => p.deliveries.every((d: any) => ['published', 'failed', 'cancelled'].includes(d.state));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const channelRow = async (id: string) => (await db().select().from(channels).where(eq(channels.id, id)))[0]!;
  const auditOf = (workspaceId: string, action: string) =>
    db().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, action))).orderBy(auditLog.id);
  const channelsOf = (workspaceId: string) => db().select().from(channels).where(eq(channels.workspaceId, workspaceId));
  const remove = (by: Client, workspaceId: string, member: TeamMember) => by.delete(`/api/v1/workspaces/${workspaceId}/members/${member.memberId}`);
  /** Starts a Mastodon connect and answers the path of the consent page's redirect back to Herald (not followed yet). */
  const startConnect = async (client: Client, workspaceId: string) => {
    const start = await client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'mastodon', instance: mastodon.domain });
    expect(start.status).toBe(200);
    return mastodon.authorize(start.body.authorizationUrl).replace(/^https?:\/\/[^/]+/, '');
  };
  const finishConnect = async (client: Client, callbackPath: string) => new URL((await client.get(callbackPath)).headers.get('location')!, h.url);

  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    h = await startTestHerald({ env: fastEngineEnv });
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  it('cancels the connections a removed member started: finishing one stores nothing', async () => {
    const { workspaceId, members: team } = await createTeam(h.url, 'Unfinished');
    const callback = await startConnect(team.admin.client, workspaceId);
    const mine = and(eq(oauthStates.workspaceId, workspaceId), eq(oauthStates.userId, team.admin.id));
    expect(await db().select().from(oauthStates).where(mine)).toHaveLength(1);

    expect((await remove(team.owner.client, workspaceId, team.admin)).status).toBe(200);
    expect(await db().select().from(oauthStates).where(mine)).toHaveLength(0);
    const [removed] = await auditOf(workspaceId, 'member.removed');
    expect(removed!.changes).toMatchObject({ connectionsCancelled: 1, channelsHandedOver: 0 });

    const back = await finishConnect(team.admin.client, callback);
    expect(back.pathname).toBe('/');
    expect(back.searchParams.get('error')).toBe('channel.state_invalid');
    expect(await channelsOf(workspaceId)).toHaveLength(0);
  });

  it('re-checks membership when a connection completes (a state left from before removal cancelled them)', async () => {
    const { workspaceId, members: team } = await createTeam(h.url, 'Leftover state');
    const callback = await startConnect(team.admin.client, workspaceId);
    const [state] = await db().select().from(oauthStates).where(and(eq(oauthStates.workspaceId, workspaceId), eq(oauthStates.userId, team.admin.id)));
    expect((await remove(team.owner.client, workspaceId, team.admin)).status).toBe(200);
    // As if the member had been removed by an earlier release, which kept their connection open.
    await db().insert(oauthStates).values(state!);
    const tokensBefore = mastodon.tokens().length;

    const back = await finishConnect(team.admin.client, callback);
    // Sent home, not to the workspace's pages they can no longer open.
    expect(back.pathname).toBe('/');
    expect(back.searchParams.get('error')).toBe('workspace.not_found');
    expect(await channelsOf(workspaceId)).toHaveLength(0);
    // The code was never exchanged: the network issued no token for them.
    expect(mastodon.tokens().length).toBe(tokensBefore);
  });

  it('re-checks the role when a connection completes: a member who lost channels.manage connects nothing', async () => {
    const { workspaceId, members: team } = await createTeam(h.url, 'Demoted');
    const callback = await startConnect(team.admin.client, workspaceId);
    expect((await team.owner.client.patch(`/api/v1/workspaces/${workspaceId}/members/${team.admin.memberId}`, { role: 'editor' })).status).toBe(200);

    const back = await finishConnect(team.admin.client, callback);
    expect(back.pathname).toBe(`/w/${workspaceId}/channels`);
    expect(back.searchParams.get('error')).toBe('auth.forbidden');
    expect(back.searchParams.get('message')).toContain('channels.manage');
    expect(await channelsOf(workspaceId)).toHaveLength(0);
  });

  it("hands the member's channels to the remover, so their pause no longer holds the workspace's posts", async () => {
    const { workspaceId, members: team } = await createTeam(h.url, 'Paused member');
    const channelId = await connectMastodon(h, team.admin.client, workspaceId, mastodon);
    expect((await channelRow(channelId)).connectedBy).toBe(team.admin.id);
    const schedule = (text: string) =>
      team.owner.client.post(`/api/v1/workspaces/${workspaceId}/posts`, {
        content: { text },
        channels: [{ channelId }],
        schedule: { mode: 'at', publishAt: new Date(Date.now() + 300).toISOString(), timeZone: 'Europe/Berlin' },
      });

    expect((await team.admin.client.post('/api/v1/me/restriction', { restricted: true })).status).toBe(200);
    const before = mastodon.creations();
    const held = await schedule('Held by the member who connected the account');
    expect(held.status).toBe(201);
    await sleep(2_500);
    expect(mastodon.creations()).toBe(before);
    const paused = (await team.owner.client.get(`/api/v1/workspaces/${workspaceId}/posts/${held.body.id}`)).body;
    expect(paused.deliveries[0]).toMatchObject({ state: 'queued', paused: true });

    expect((await remove(team.owner.client, workspaceId, team.admin)).status).toBe(200);
    expect((await channelRow(channelId)).connectedBy).toBe(team.owner.id);
    const [reassigned] = await auditOf(workspaceId, 'channel.reassigned');
    expect(reassigned).toMatchObject({ actorUserId: team.owner.id, entityType: 'channel', entityId: channelId });
    expect(reassigned!.changes).toEqual({ connectedBy: { from: team.admin.id, to: team.owner.id }, reason: 'member_removed' });
    const [removed] = await auditOf(workspaceId, 'member.removed');
    expect(removed!.changes).toMatchObject({ channelsHandedOver: 1 });
    // The member is still paused; the post goes out anyway (the reconcile pass wakes it).
    const published = await waitForPost(team.owner.client, workspaceId, held.body.id, settled, 15_000);
    expect(published.deliveries[0]).toMatchObject({ state: 'published', paused: false });
    expect(mastodon.creations() - before).toBe(1);
  });

  it("ignores a former member's pause for channels still pointing at them (removed before the hand-over existed)", async () => {
    const { workspaceId, members: team } = await createTeam(h.url, 'Legacy pointer');
    const channelId = await connectMastodon(h, team.admin.client, workspaceId, mastodon);
    expect((await team.admin.client.post('/api/v1/me/restriction', { restricted: true })).status).toBe(200);
    expect((await remove(team.owner.client, workspaceId, team.admin)).status).toBe(200);
    await db().update(channels).set({ connectedBy: team.admin.id }).where(eq(channels.id, channelId));

    // Token refresh and analytics select channels through the same condition.
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    await db().update(channels).set({ refreshTokenSealed: 'not-used', accessTokenExpiresAt: new Date() }).where(eq(channels.id, channelId));
    expect(await channelsDueForRefresh(db(), inTwoDays)).toContain(channelId);
    await db().update(channels).set({ refreshTokenSealed: null, accessTokenExpiresAt: null }).where(eq(channels.id, channelId));

    const before = mastodon.creations();
    const created = await team.owner.client.post(`/api/v1/workspaces/${workspaceId}/posts`, {
      content: { text: 'Not held by a former member' },
      channels: [{ channelId }],
      schedule: { mode: 'at', publishAt: new Date(Date.now() + 300).toISOString(), timeZone: 'Europe/Berlin' },
    });
    expect(created.status).toBe(201);
    const published = await waitForPost(team.owner.client, workspaceId, created.body.id, settled, 15_000);
    expect(published.deliveries[0]).toMatchObject({ state: 'published', paused: false });
    expect(mastodon.creations() - before).toBe(1);
  });

  it('hands the channels of a member who leaves on their own to the owner', async () => {
    const { workspaceId, members: team } = await createTeam(h.url, 'Leaving');
    const channelId = await connectMastodon(h, team.admin.client, workspaceId, mastodon);
    expect((await remove(team.admin.client, workspaceId, team.admin)).status).toBe(200);
    expect((await channelRow(channelId)).connectedBy).toBe(team.owner.id);
    const [left] = await auditOf(workspaceId, 'member.left');
    expect(left).toMatchObject({ actorUserId: team.admin.id, entityId: team.admin.id });
    expect(left!.changes).toMatchObject({ channelsHandedOver: 1 });
    const [reassigned] = await auditOf(workspaceId, 'channel.reassigned');
    expect(reassigned!.changes).toEqual({ connectedBy: { from: team.admin.id, to: team.owner.id }, reason: 'member_left' });
    expect(await auditOf(workspaceId, 'member.removed')).toHaveLength(0);
  });

  it("deleting a former member's account neither lists nor revokes the workspace's channels", async () => {
    const { workspaceId, members: team } = await createTeam(h.url, 'Deleted former member');
    const shared = await connectMastodon(h, team.admin.client, workspaceId, mastodon);
    const sharedToken = mastodon.tokens().at(-1)!.token;
    expect((await remove(team.owner.client, workspaceId, team.admin)).status).toBe(200);
    // Left pointing at the member, as a removal by an earlier release did: membership is the guard.
    await db().update(channels).set({ connectedBy: team.admin.id }).where(eq(channels.id, shared));
    const own = (await team.admin.client.post('/api/v1/workspaces', { name: 'Still mine' })).body.id as string;
    const ownChannel = await connectMastodon(h, team.admin.client, own, mastodon);
    const ownToken = mastodon.tokens().at(-1)!.token;

    const preview = await team.admin.client.get('/api/v1/me/deletion-preview');
    expect(preview.status).toBe(200);
    expect(preview.body.connectedChannels.map((c: { id: string }) => c.id)).toEqual([ownChannel]);
    expect(preview.body.sharedWorkspaces).toEqual([]);

    const deleted = await team.admin.client.post('/api/v1/me/delete', { password: (team.admin as TeamMember & { password: string }).password, confirm: true });
    expect(deleted.status).toBe(200);
    expect(mastodon.isRevoked(ownToken)).toBe(true);
    expect(mastodon.isRevoked(sharedToken)).toBe(false);
    expect(await channelRow(shared)).toMatchObject({ status: 'ok', accessTokenSealed: expect.any(String) });
    const posted = await team.owner.client.post(`/api/v1/workspaces/${workspaceId}/posts`, { content: { text: 'Still ours' }, channels: [{ channelId: shared }], schedule: { mode: 'now' } });
    expect(posted.status).toBe(201);
    const done = await waitForPost(team.owner.client, workspaceId, posted.body.id, settled, 15_000);
    expect(done.deliveries[0].state).toBe('published');
  });

  it('exports nothing of a workspace the member left but their own audit and access-log rows', async () => {
    const { workspaceId, members: team } = await createTeam(h.url, 'Exported former member');
    const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
    const channelId = await connectMastodon(h, team.admin.client, workspaceId, mastodon);
    const image = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#cc6633' } }).png().toBuffer();
    const picture = await uploadMedia(h, team.admin.client, workspaceId, { bytes: image, name: 'shared.png', type: 'image/png' });
    const written = await team.admin.client.post(api('/posts'), { content: { text: 'Written while a member', media: [{ mediaId: picture.id }] }, channels: [{ channelId }], schedule: { mode: 'draft' } });
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    // A notification about the workspace reaches the member (the account stopped accepting the token).
    mastodon.revokeToken(mastodon.tokens().at(-1)!.token);
    expect((await team.owner.client.post(api(`/channels/${channelId}/refresh`))).status).toBe(409);
    const aboutWorkspace = (list: { workspaceId: string | null }[]) => list.filter((n) => n.workspaceId === workspaceId);
    expect(aboutWorkspace((await team.admin.client.get('/api/v1/notifications')).body.items)).toHaveLength(1);
    const own = (await team.admin.client.post('/api/v1/workspaces', { name: 'Own desk' })).body.id as string;
    const ownChannel = await connectMastodon(h, team.admin.client, own, mastodon);
    const kept = await team.admin.client.post(`/api/v1/workspaces/${own}/posts`, { content: { text: 'My own draft' }, channels: [{ channelId: ownChannel }], schedule: { mode: 'draft' } });
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);

    expect((await remove(team.owner.client, workspaceId, team.admin)).status).toBe(200);
    expect(aboutWorkspace((await team.admin.client.get('/api/v1/notifications')).body.items)).toEqual([]);
    const edited = await team.owner.client.patch(api(`/posts/${written.body.id}`), { content: { text: 'Edited after they left' }, channels: [{ channelId }] });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);

    const files = await exportMyData(h.url, team.admin.client);
    const read = (name: string) => JSON.parse(files.get(name)!.toString('utf8'));
    const everything = [...files.entries()].filter(([name]) => name.endsWith('.json') && name !== 'audit-log.json' && name !== 'access-log.json');
    for (const [name, bytes] of everything) expect(bytes.toString('utf8'), name).not.toContain(workspaceId);
    expect(read('posts.json').map((p: { id: string }) => p.id)).toEqual([kept.body.id]);
    expect(JSON.stringify(read('posts.json'))).not.toContain('Edited after they left');
    expect(read('media.json')).toEqual([]);
    expect([...files.keys()].filter((name) => name.startsWith('media/'))).toEqual([]);
    expect(read('channels.json').map((c: { id: string }) => c.id)).toEqual([ownChannel]);
    expect(read('workspaces.json').map((w: { id: string }) => w.id)).toEqual([own]);
    // What they did there is still theirs.
    const audit = read('audit-log.json') as { action: string; workspaceId: string | null; entityId: string }[];
    expect(audit).toContainEqual(expect.objectContaining({ action: 'post.created', workspaceId, entityId: written.body.id }));
  });
});
