import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMastodon, fastEngineEnv } from '../helpers/publishing.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import type { Role } from '../../src/shared/permissions.ts';

type Entry = { action: string; actorUserId: string | null; createdAt: string; entity: { type: string; id: string; name: string; link: string | null; network: string | null; gone: boolean } | null; names: Record<string, string> };

describe('the Activity page names what each entry is about', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let workspaceId: string;
  let team: Record<Role, TeamMember>;
  let channelId: string;
  let keptPost: string;
  let deletedPost: string;
  const audit = async (query = '') => (await team.owner.client.get(`/api/v1/workspaces/${workspaceId}/audit?limit=200${query}`)).body.items as Entry[];

  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    h = await startTestHerald({ env: fastEngineEnv });
    ({ workspaceId, members: team } = await createTeam(h.url, 'Named'));
    channelId = await connectMastodon(h, team.owner.client, workspaceId, mastodon);
    const api = (p: string) => `/api/v1/workspaces/${workspaceId}${p}`;
    keptPost = (await team.editor.client.post(api('/posts'), { content: { text: 'Our autumn collection is here, come and see it in the shop' }, channels: [{ channelId }] })).body.id;
    deletedPost = (await team.editor.client.post(api('/posts'), { content: { text: 'Short lived' }, channels: [{ channelId }] })).body.id;
    expect((await team.editor.client.delete(api(`/posts/${deletedPost}`))).status).toBe(204);
    expect((await team.viewer.client.post(api(`/posts/${keptPost}/comments`), { body: 'Nice' })).status).toBe(201);
    expect((await team.owner.client.patch(api(`/members/${team.viewer.memberId}`), { role: 'approver' })).status).toBe(200);
    expect((await team.owner.client.put(api('/schedule-settings'), { timeZone: 'Europe/Berlin' })).status).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  it('gives posts their first words and a link, channels their @username and network, members their name', async () => {
    const items = await audit();
    const created = items.find((i) => i.action === 'post.created' && i.entity?.id === keptPost)!;
    expect(created.names[channelId]).toMatch(/^@\w+/);
    expect(created.entity).toEqual({ type: 'post', id: keptPost, name: 'Our autumn collection is here, come and see it in the shop', link: `/w/${workspaceId}/posts/${keptPost}`, network: null, gone: false });
    const deleted = items.find((i) => i.action === 'post.deleted')!;
    expect(deleted.entity).toMatchObject({ id: deletedPost, name: 'a deleted post', link: null, gone: true });
    const comment = items.find((i) => i.action === 'comment.created')!;
    expect(comment.entity).toMatchObject({ type: 'comment', name: 'Our autumn collection is here, come and see it in the shop', link: `/w/${workspaceId}/posts/${keptPost}` });
    const connected = items.find((i) => i.action === 'channel.connected')!;
    expect(connected.entity).toMatchObject({ type: 'channel', id: channelId, network: 'mastodon', link: `/w/${workspaceId}/channels` });
    expect(connected.entity!.name).toMatch(/^@\w+/);
    const role = items.find((i) => i.action === 'member.role_changed')!;
    expect(role.entity).toMatchObject({ type: 'member', id: team.viewer.id, name: 'viewer', link: `/w/${workspaceId}/members` });
    const zone = items.find((i) => i.action === 'workspace.time_zone_set')!;
    expect(zone.entity).toMatchObject({ type: 'workspace', name: 'Named' });
    // Sign-ins name no entity but keep their old fields: the answer only gained fields.
    const joined = items.find((i) => i.action === 'member.joined')!;
    expect(joined).toMatchObject({ actorName: expect.any(String), entityType: 'member', entityId: expect.any(String), names: {} });
  });

  it('filters by who, by kind and by dates', async () => {
    const posts = await audit('&kind=posts');
    expect(posts.length).toBeGreaterThan(2);
    expect(new Set(posts.map((i) => i.entity?.type))).toEqual(new Set(['post', 'comment']));
    const channelsOnly = await audit('&kind=channels');
    expect(channelsOnly.every((i) => i.action.startsWith('channel.'))).toBe(true);
    const members = await audit('&kind=members');
    expect(members.map((i) => i.action)).toEqual(expect.arrayContaining(['member.role_changed', 'member.invited', 'member.joined']));
    const settings = await audit('&kind=settings');
    expect(settings.map((i) => i.action)).toContain('workspace.time_zone_set');
    expect(settings.every((i) => !i.action.startsWith('post.'))).toBe(true);
    const byViewer = await audit(`&actorUserId=${team.viewer.id}`);
    expect(byViewer.length).toBeGreaterThan(0);
    expect(byViewer.every((i) => i.actorUserId === team.viewer.id)).toBe(true);
    const all = await audit();
    const middle = all[Math.floor(all.length / 2)]!.createdAt;
    const since = await audit(`&from=${encodeURIComponent(middle)}`);
    expect(since.every((i) => i.createdAt >= middle)).toBe(true);
    expect(since.length).toBeLessThan(all.length);
    expect(await audit(`&to=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).toEqual([]);
    const bad = await team.owner.client.get(`/api/v1/workspaces/${workspaceId}/audit?kind=everything`);
    expect(bad.status).toBe(400);
  });

  it("never names another workspace's post", async () => {
    const other = await createTeam(h.url, 'Other');
    const items = (await other.members.owner.client.get(`/api/v1/workspaces/${other.workspaceId}/audit?limit=200`)).body.items as Entry[];
    expect(JSON.stringify(items)).not.toContain('autumn collection');
  });
});
