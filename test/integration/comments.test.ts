import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, notifications, postComments, postGroups } from '../../src/server/db/schema/index.ts';
import { loadConfig } from '../../src/server/config/config.ts';
import { createProviders } from '../../src/networks/server.ts';
import { loadSecretBox } from '../../src/server/security/encryption-keys.ts';
import { deleteAccountNow } from '../../src/server/modules/privacy/account-deletion.service.ts';
import { connectMastodon, fastEngineEnv, waitFor, waitForPost } from '../helpers/publishing.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { readZip } from '../helpers/zip.ts';
import type { Role } from '../../src/shared/permissions.ts';
import { createDiskStorage } from '../../src/server/modules/media/media.storage.ts';

describe('comments on a post', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let workspaceId: string;
  let team: Record<Role, TeamMember>;
  let channelId: string;
  let postId: string;
  const db = () => h.herald.database.db;
  const comments = (id = postId) => `/api/v1/workspaces/${workspaceId}/posts/${id}/comments`;
  const mentionsOf = (userId: string) => db().select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, 'comment.mention'), eq(notifications.entityId, postId)));

  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    h = await startTestHerald({ env: fastEngineEnv });
    ({ workspaceId, members: team } = await createTeam(h.url, 'Commented'));
    channelId = await connectMastodon(h, team.owner.client, workspaceId, mastodon);
    const draft = await team.editor.client.post(`/api/v1/workspaces/${workspaceId}/posts`, { content: { text: 'Spring launch announcement' }, channels: [{ channelId }], schedule: { mode: 'draft' } });
    expect(draft.status).toBe(201);
    postId = draft.body.id;
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  it('lets every member who reads posts comment, oldest first, with author names', async () => {
    const first = await team.editor.client.post(comments(), { body: '  Can we add the date?  ' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ body: 'Can we add the date?', postId, author: { id: team.editor.id, name: 'editor' }, mentions: [], editedAt: null });
    // Approvers and viewers discuss posts they cannot edit.
    for (const role of ['viewer', 'approver'] as const) expect((await team[role].client.post(comments(), { body: `Looks good from the ${role}` })).status).toBe(201);
    const list = await team.viewer.client.get(comments());
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { body: string }) => c.body)).toEqual(['Can we add the date?', 'Looks good from the viewer', 'Looks good from the approver']);
    expect(list.body.items.map((c: { author: { name: string } }) => c.author.name)).toEqual(['editor', 'viewer', 'approver']);
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, 'comment.created'), eq(auditLog.entityId, first.body.id)));
    expect(audit[0]).toMatchObject({ actorUserId: team.editor.id, workspaceId, changes: { postId, mentions: 0 } });
  });

  it('refuses empty or too long bodies with the field, and answers 404 for a post of another workspace', async () => {
    const empty = await team.editor.client.post(comments(), { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/^body/);
    expect((await team.editor.client.post(comments(), { body: 'x'.repeat(5001) })).status).toBe(400);
    expect((await team.editor.client.post(comments(), { body: 'x'.repeat(5000) })).status).toBe(201);

    const other = await createTeam(h.url, 'Elsewhere');
    const foreign = { body: { id: crypto.randomUUID() } };
    await db().insert(postGroups).values({ id: foreign.body.id, workspaceId: other.workspaceId, content: { parts: [{ text: 'Theirs', media: [] }], settings: {} } });
    const throughMine = await team.owner.client.get(comments(foreign.body.id));
    expect(throughMine.status).toBe(404);
    expect(throughMine.body.error.code).toBe('post.not_found');
    expect((await team.owner.client.post(comments(foreign.body.id), { body: 'Sneaky' })).status).toBe(404);
    // And a stranger cannot read this workspace's comments at all.
    expect((await other.members.owner.client.get(comments())).status).toBe(404);
  });

  it('edits and deletes only your own, while owners and admins may delete any', async () => {
    const mine = (await team.editor.client.post(comments(), { body: 'Typo hre' })).body;
    const byViewer = await team.viewer.client.patch(`${comments()}/${mine.id}`, { body: 'Hijacked' });
    expect(byViewer.status).toBe(403);
    expect(byViewer.body.error.code).toBe('comments.not_author');
    const byAdmin = await team.admin.client.patch(`${comments()}/${mine.id}`, { body: 'Hijacked' });
    expect(byAdmin.status).toBe(403);
    const edited = await team.editor.client.patch(`${comments()}/${mine.id}`, { body: 'Typo here' });
    expect(edited.status).toBe(200);
    expect(edited.body.body).toBe('Typo here');
    expect(edited.body.editedAt).not.toBeNull();

    expect((await team.approver.client.delete(`${comments()}/${mine.id}`)).status).toBe(403);
    expect((await team.editor.client.delete(`${comments()}/${mine.id}`)).status).toBe(200);
    expect((await team.editor.client.delete(`${comments()}/${mine.id}`)).status).toBe(404);

    const viewers = (await team.viewer.client.post(comments(), { body: 'Off topic' })).body;
    expect((await team.admin.client.delete(`${comments()}/${viewers.id}`)).status).toBe(200);
    const owners = (await team.viewer.client.post(comments(), { body: 'Also off topic' })).body;
    expect((await team.owner.client.delete(`${comments()}/${owners.id}`)).status).toBe(200);
    const left = (await team.owner.client.get(comments())).body.items.map((c: { id: string }) => c.id);
    expect(left).not.toContain(viewers.id);
    expect(left).not.toContain(owners.id);
  });

  it('notifies each mentioned member once, never the author, and refuses to mention a non-member', async () => {
    const stranger = await signUp(h.url, { name: 'Stranger' });
    const refused = await team.editor.client.post(comments(), { body: '@Stranger look', mentions: [stranger.id] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'comments.mention_not_member', details: { field: 'mentions' } });
    expect(await db().select().from(notifications).where(eq(notifications.userId, stranger.id))).toEqual([]);

    const mention = await team.editor.client.post(comments(), {
      body: '@approver @viewer @editor please check',
      mentions: [team.approver.id, team.viewer.id, team.approver.id, team.editor.id],
    });
    expect(mention.status).toBe(201);
    expect(mention.body.mentions).toEqual([
      { userId: team.approver.id, name: 'approver' },
      { userId: team.viewer.id, name: 'viewer' },
      { userId: team.editor.id, name: 'editor' },
    ]);
    const told = await db().select().from(notifications).where(and(eq(notifications.kind, 'comment.mention'), eq(notifications.entityId, postId)));
    expect(told.map((n) => n.userId).sort()).toEqual([team.approver.id, team.viewer.id].sort());
    expect(told[0]).toMatchObject({ category: 'comments', emailStatus: 'pending', link: `/w/${workspaceId}/posts/${postId}#comments`, title: 'editor mentioned you in a comment' });
    expect(told[0]!.body).toContain('Spring launch announcement');

    // An edit tells only those it newly mentions.
    const edited = await team.editor.client.patch(`${comments()}/${mention.body.id}`, { body: '@approver @viewer @admin please check', mentions: [team.approver.id, team.viewer.id, team.admin.id] });
    expect(edited.status).toBe(200);
    const after = await db().select().from(notifications).where(and(eq(notifications.kind, 'comment.mention'), eq(notifications.entityId, postId)));
    expect(after.map((n) => n.userId).sort()).toEqual([team.approver.id, team.viewer.id, team.admin.id].sort());
    expect(await mentionsOf(team.approver.id)).toHaveLength(1);
  });

  it('never sends a comment to a network', async () => {
    const secret = 'INTERNAL-ONLY client is unsure about the price';
    const post = await team.owner.client.post(`/api/v1/workspaces/${workspaceId}/posts`, { content: { text: 'Out to the world' }, channels: [{ channelId }], schedule: { mode: 'draft' } });
    expect((await team.owner.client.post(comments(post.body.id), { body: secret })).status).toBe(201);
    const scheduled = await team.owner.client.post(`/api/v1/workspaces/${workspaceId}/posts/${post.body.id}/schedule`, { mode: 'now' });
    expect(scheduled.status).toBe(200);
    await waitForPost(team.owner.client, workspaceId, post.body.id, (p) => p.deliveries.every((d: { state: string }) => d.state === 'published'));
    expect(mastodon.statuses.some((s) => s.text === 'Out to the world')).toBe(true);
    expect(mastodon.requests.length).toBeGreaterThan(0);
    for (const request of mastodon.requests) {
      expect(JSON.stringify(request.body)).not.toContain('INTERNAL-ONLY');
      expect(request.raw.toString('latin1')).not.toContain('INTERNAL-ONLY');
      expect(request.path + request.query.toString()).not.toContain('INTERNAL');
    }
  });

  it("puts the author's comments in their data export", async () => {
    const created = await team.approver.client.post('/api/v1/me/exports');
    expect(created.status).toBe(201);
    await waitFor(async () => (await team.approver.client.get('/api/v1/me/exports')).body.items.find((e: { status: string }) => e.status === 'ready'), { what: 'the export' });
    const res = await fetch(new URL(`/api/v1/me/exports/${created.body.id}/download`, h.url), {
      headers: { origin: h.url, cookie: [...team.approver.client.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    const files = readZip(Buffer.from(await res.arrayBuffer()));
    const exported = JSON.parse(files.get('comments.json')!.toString('utf8'));
    expect(exported).toEqual([expect.objectContaining({ workspaceId, postId, body: 'Looks good from the approver', createdAt: expect.any(String), editedAt: null })]);
    expect(files.get('README.md')!.toString('utf8')).toContain('comments.json');
  });

  it('keeps the comments of a deleted account as by a "Former member", and drops mentions of them', async () => {
    const leaving = await team.viewer.client.post(comments(), { body: 'Bye all' });
    const mentioning = await team.editor.client.post(comments(), { body: '@viewer thanks', mentions: [team.viewer.id] });
    const config = loadConfig({ HERALD_DATA_DIR: h.dataDir });
    const box = loadSecretBox(config, h.herald.logger);
    const channelDeps = { providers: createProviders(config, { db: db(), box }), box, publicOrigin: h.url, retentionDays: 30 };
    await deleteAccountNow(db(), { channelDeps, storage: createDiskStorage(path.join(h.dataDir, 'media')) }, team.viewer.id);
    const list = (await team.owner.client.get(comments())).body.items as { id: string; author: { id: string | null; name: string }; mentions: unknown[] }[];
    expect(list.find((c) => c.id === leaving.body.id)!.author).toEqual({ id: null, name: 'Former member', image: null });
    expect(list.find((c) => c.id === mentioning.body.id)!.mentions).toEqual([]);
    const [row] = await db().select().from(postComments).where(eq(postComments.id, leaving.body.id));
    expect(row!.authorId).toBeNull();
  });
});
