import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, deliveries, notifications, postGroups, reviewLinks } from '../../src/server/db/schema/index.ts';
import { flagOverdueReviews } from '../../src/server/modules/approvals/approvals.overdue.ts';
import { createClient, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';
import { connectMastodon, fastEngineEnv } from '../helpers/publishing.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import type { Role } from '../../src/shared/permissions.ts';

// Approvals: who submits, who approves, per-channel rules, edits after approval, overdue posts,
// and approval by link without an account.
describe('approvals', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let other: MastodonFake;
  let workspaceId: string;
  let team: Record<Role, TeamMember>;
  let channel: string;
  let freeChannel: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const later = (hours = 24) => new Date(Date.now() + hours * 3_600_000).toISOString();
  const create = (who: TeamMember, text: string, channels: string[], schedule: Record<string, unknown> = { mode: 'at', publishAt: later(), timeZone: 'Europe/Berlin' }) =>
    who.client.post(api('/posts'), { content: { text }, channels: channels.map((channelId) => ({ channelId })), schedule });
  const db = () => h.herald.database.db;
  const deliveryStates = async (postId: string) => (await db().select().from(deliveries).where(eq(deliveries.postGroupId, postId))).map((d) => d.state);
  const notesOf = (userId: string, postId: string) => db().select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.entityId, postId)));

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    other = await startMastodonFake({ account: { id: '109000000000000002', username: 'second', displayName: 'Second account' } });
    h = await startTestHerald({ env: fastEngineEnv });
    ({ workspaceId, members: team } = await createTeam(h.url, 'Approvals'));
    channel = await connectMastodon(h, team.owner.client, workspaceId, mastodon);
    freeChannel = await connectMastodon(h, team.owner.client, workspaceId, other);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
    await other?.close();
  });

  it('lets admins turn approval on and set a channel to never; others cannot', async () => {
    expect((await team.editor.client.put(api('/approval-settings'), { approvalRequired: true })).status).toBe(403);
    const on = await team.admin.client.put(api('/approval-settings'), { approvalRequired: true });
    expect(on.status).toBe(200);
    expect(on.body.approvalRequired).toBe(true);
    const never = await team.admin.client.put(api(`/channels/${freeChannel}/approval`), { approvalRequired: false });
    expect(never.status).toBe(200);
    expect(never.body.channels.find((c: { id: string }) => c.id === freeChannel)).toMatchObject({ approvalRequired: false, effective: false });
    expect(never.body.channels.find((c: { id: string }) => c.id === channel)).toMatchObject({ approvalRequired: null, effective: true });
    expect((await team.editor.client.put(api(`/channels/${freeChannel}/approval`), { approvalRequired: true })).status).toBe(403);
    expect((await team.admin.client.put(api('/channels/nope/approval'), { approvalRequired: true })).status).toBe(404);
    expect((await team.viewer.client.get(api('/approval-settings'))).body.approvalRequired).toBe(true);
  });

  it('sends an editor’s post to review instead of scheduling it; a viewer cannot submit; an admin schedules directly', async () => {
    const at = later(30);
    const submitted = await create(team.editor, 'Editor post for review', [channel], { mode: 'at', publishAt: at, timeZone: 'Europe/Berlin' });
    expect(submitted.status).toBe(201);
    expect(submitted.body.state).toBe('in_review');
    expect(new Date(submitted.body.publishAt).toISOString()).toBe(at);
    expect(submitted.body.review.overdue).toBe(false);
    expect(await deliveryStates(submitted.body.id)).toEqual(['draft']);
    expect((await notesOf(team.approver.id, submitted.body.id)).map((n) => [n.category, n.emailStatus])).toEqual([['approvals', 'pending']]);
    expect(await notesOf(team.viewer.id, submitted.body.id)).toHaveLength(0);

    expect((await create(team.viewer, 'Viewer', [channel])).status).toBe(403);

    const direct = await create(team.admin, 'Admin post', [channel]);
    expect(direct.body.state).toBe('scheduled');
    expect(direct.body.review.approvedByName).toBe('admin');
    const history = await team.owner.client.get(api(`/posts/${direct.body.id}/reviews`));
    expect(history.body.items.map((r: { decision: string }) => r.decision)).toEqual(['approved']);

    // A channel set to "never" needs no approval: the editor's post is scheduled.
    const free = await create(team.editor, 'Free channel', [freeChannel]);
    expect(free.body.state).toBe('scheduled');
    // Any channel that needs approval makes the post need it.
    expect((await create(team.editor, 'Both', [freeChannel, channel])).body.state).toBe('in_review');
    // A draft stays a draft.
    expect((await create(team.editor, 'Just a draft', [channel], { mode: 'draft' })).body.state).toBe('draft');
  });

  it('approver requests changes (comment required), the author resubmits, the approver approves and it is queued', async () => {
    const post = (await create(team.editor, 'To be reviewed', [channel])).body;
    expect((await team.editor.client.post(api(`/posts/${post.id}/review`), { decision: 'approve' })).status).toBe(403);
    const noComment = await team.approver.client.post(api(`/posts/${post.id}/review`), { decision: 'request_changes' });
    expect(noComment.status).toBe(400);
    const changes = await team.approver.client.post(api(`/posts/${post.id}/review`), { decision: 'request_changes', comment: 'Shorter please' });
    expect(changes.status).toBe(200);
    expect(changes.body.state).toBe('changes_requested');
    const authorNotes = await notesOf(team.editor.id, post.id);
    expect(authorNotes.some((n) => n.body.includes('Shorter please'))).toBe(true);
    expect((await team.approver.client.post(api(`/posts/${post.id}/review`), { decision: 'approve' })).status).toBe(409);

    const edited = await team.editor.client.patch(api(`/posts/${post.id}`), { content: { text: 'Short' }, channels: [{ channelId: channel }] });
    expect(edited.body.state).toBe('changes_requested');
    const again = await team.editor.client.post(api(`/posts/${post.id}/schedule`), { mode: 'at', publishAt: later(48), timeZone: 'UTC' });
    expect(again.body.state).toBe('in_review');
    const approved = await team.approver.client.post(api(`/posts/${post.id}/review`), { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('scheduled');
    expect(approved.body.review.approvedByName).toBe('approver');
    expect(await deliveryStates(post.id)).toEqual(['queued']);
    const [row] = await db().select().from(deliveries).where(eq(deliveries.postGroupId, post.id));
    expect(row!.wakeJobId).toBeTruthy();
    expect((await notesOf(team.editor.id, post.id)).some((n) => n.kind === 'post.approved')).toBe(true);
    const history = (await team.viewer.client.get(api(`/posts/${post.id}/reviews`))).body.items;
    expect(history.map((r: { decision: string }) => r.decision)).toEqual(['submitted', 'changes_requested', 'submitted', 'approved']);
    expect(history[1]).toMatchObject({ actorName: 'approver', comment: 'Shorter please' });

    // An editor's edit of the approved post sends it back to review; an admin's keeps it approved.
    const reopened = await team.editor.client.patch(api(`/posts/${post.id}`), { content: { text: 'Short, changed' }, channels: [{ channelId: channel }] });
    expect(reopened.body.state).toBe('in_review');
    expect(reopened.body.review.approvedAt).toBeNull();
    expect(await deliveryStates(post.id)).toEqual(['draft']);
    const [held] = await db().select().from(deliveries).where(eq(deliveries.postGroupId, post.id));
    expect(held!.wakeJobId).toBeNull();
    expect((await team.owner.client.get(api(`/posts/${post.id}/reviews`))).body.items.at(-1).decision).toBe('reopened');
    await team.approver.client.post(api(`/posts/${post.id}/review`), { decision: 'approve' });
    const adminEdit = await team.admin.client.patch(api(`/posts/${post.id}`), { content: { text: 'Admin tweak' }, channels: [{ channelId: channel }] });
    expect(adminEdit.body.state).toBe('scheduled');
    expect(await deliveryStates(post.id)).toEqual(['queued']);

    // A foreign post id is 404.
    expect((await team.approver.client.post(api('/posts/nope/review'), { decision: 'approve' })).status).toBe(404);
  });

  it('never publishes a post whose time passes in review, flags it and tells the people once', async () => {
    const post = (await create(team.editor, 'Soon', [channel], { mode: 'at', publishAt: later(0.0005), timeZone: 'UTC' })).body;
    expect(post.state).toBe('in_review');
    await new Promise((r) => setTimeout(r, 2500));
    expect(await deliveryStates(post.id)).toEqual(['draft']);
    const read = await team.editor.client.get(api(`/posts/${post.id}`));
    expect(read.body.review.overdue).toBe(true);
    expect(await flagOverdueReviews(db())).toBe(1);
    expect(await flagOverdueReviews(db())).toBe(0);
    const overdue = (await notesOf(team.editor.id, post.id)).filter((n) => n.kind === 'post.review_overdue');
    expect(overdue).toHaveLength(1);
    expect((await notesOf(team.approver.id, post.id)).filter((n) => n.kind === 'post.review_overdue')).toHaveLength(1);

    const refused = await team.approver.client.post(api(`/posts/${post.id}/review`), { decision: 'approve' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('post.review_time_passed');
    // A new time set by the author clears the mark: told again only once that time passes.
    await team.editor.client.post(api(`/posts/${post.id}/schedule`), { mode: 'at', publishAt: later(0.0005), timeZone: 'UTC' });
    await new Promise((r) => setTimeout(r, 2500));
    expect(await flagOverdueReviews(db())).toBe(1);
    const ok = await team.approver.client.post(api(`/posts/${post.id}/review`), { decision: 'approve', publishAt: later(5), timeZone: 'UTC' });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('scheduled');
  });

  it('approves by link without an account, and refuses expired, revoked and unknown links', async () => {
    const post = (await create(team.editor, 'For the client', [channel])).body;
    const unrelated = (await create(team.editor, 'Not in the link', [channel])).body;
    expect((await team.editor.client.post(api('/review-links'), { recipientName: 'Client', postIds: [post.id] })).status).toBe(403);
    expect((await team.admin.client.post(api('/review-links'), { recipientName: 'Client', postIds: [post.id], expiresInDays: 31 })).status).toBe(400);
    expect((await team.admin.client.post(api('/review-links'), { recipientName: 'Client', postIds: ['nope'] })).status).toBe(404);
    const created = await team.admin.client.post(api('/review-links'), { recipientName: 'Clara Client', recipientEmail: 'clara@example.com', postIds: [post.id], expiresInDays: 3 });
    expect(created.status).toBe(201);
    const url = new URL(created.body.url);
    const token = url.pathname.split('/').pop()!;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const [stored] = await db().select().from(reviewLinks).where(eq(reviewLinks.id, created.body.id));
    expect(stored!.tokenHash).not.toContain(token);
    expect(JSON.stringify((await team.admin.client.get(api('/review-links'))).body)).not.toContain(token);

    const anonymous = createClient(h.url);
    const page = await anonymous.get(`/api/v1/review/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ workspaceName: 'Approvals', recipientName: 'Clara Client', language: 'en' });
    // The page is in the language the workspace set for its clients.
    expect((await team.owner.client.patch(`/api/v1/workspaces/${workspaceId}`, { language: 'fr' })).status).toBe(200);
    expect((await anonymous.get(`/api/v1/review/${token}`)).body.language).toBe('fr');
    expect((await team.owner.client.patch(`/api/v1/workspaces/${workspaceId}`, { language: 'en' })).status).toBe(200);
    expect(page.body.posts.map((p: { id: string }) => p.id)).toEqual([post.id]);
    expect(page.body.posts[0].deliveries[0].content.text).toBe('For the client');

    expect((await anonymous.post(`/api/v1/review/${token}/posts/${unrelated.id}/decision`, { decision: 'approve' })).status).toBe(404);
    expect((await anonymous.post(`/api/v1/review/${token}/posts/${post.id}/decision`, { decision: 'request_changes' })).status).toBe(400);
    expect((await anonymous.post(`/api/v1/review/${token}/posts/${post.id}/decision`, { decision: 'maybe' })).status).toBe(400);
    const approved = await anonymous.post(`/api/v1/review/${token}/posts/${post.id}/decision`, { decision: 'approve', comment: 'Lovely' });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('scheduled');
    expect(approved.body.review.approvedByName).toBe('Clara Client');
    expect(await deliveryStates(post.id)).toEqual(['queued']);
    const history = (await team.editor.client.get(api(`/posts/${post.id}/reviews`))).body.items;
    expect(history.at(-1)).toMatchObject({ decision: 'approved', actorName: 'Clara Client', viaLink: true, actorUserId: null });
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, post.id), eq(auditLog.action, 'post.approved')));
    expect(entry!.actorUserId).toBeNull();
    expect(entry!.ip).toBeTruthy();
    expect(entry!.changes).toMatchObject({ recipientName: 'Clara Client', reviewLinkId: created.body.id, via: 'review_link' });
    expect((await notesOf(team.editor.id, post.id)).some((n) => n.kind === 'post.approved' && n.title.includes('Clara Client'))).toBe(true);

    // Revoked: 410, no data.
    expect((await team.admin.client.delete(api(`/review-links/${created.body.id}`))).body.status).toBe('revoked');
    const revoked = await anonymous.get(`/api/v1/review/${token}`);
    expect(revoked.status).toBe(410);
    expect(revoked.body.error.code).toBe('review_link.revoked');
    expect(JSON.stringify(revoked.body)).not.toContain('For the client');

    // Expired: 410.
    const second = await team.admin.client.post(api('/review-links'), { recipientName: 'Late', postIds: [unrelated.id], expiresInDays: 1 });
    const secondToken = new URL(second.body.url).pathname.split('/').pop()!;
    await db().update(reviewLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(reviewLinks.id, second.body.id));
    const expired = await anonymous.post(`/api/v1/review/${secondToken}/posts/${unrelated.id}/decision`, { decision: 'approve' });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('review_link.expired');
    expect((await db().select().from(postGroups).where(eq(postGroups.id, unrelated.id)))[0]!.state).toBe('in_review');

    // Unknown: 404.
    const unknown = await anonymous.get(`/api/v1/review/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('review_link.not_found');
  });

  it('a week link shows the posts in review planned in that range', async () => {
    const inWeek = (await create(team.editor, 'In the week', [channel], { mode: 'at', publishAt: later(24 * 10), timeZone: 'UTC' })).body;
    const from = new Date(Date.now() + 9 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 11 * 86_400_000).toISOString();
    const link = await team.owner.client.post(api('/review-links'), { recipientName: 'Weekly', from, to, expiresInDays: 7 });
    expect(link.status).toBe(201);
    const page = await createClient(h.url).get(`/api/v1/review/${new URL(link.body.url).pathname.split('/').pop()}`);
    expect(page.body.posts.map((p: { id: string }) => p.id)).toEqual([inWeek.id]);
  });
});
