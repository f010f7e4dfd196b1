import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, invitations, members, workspaces } from '../../src/server/db/schema/index.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam } from '../helpers/workspace-team.ts';

describe('workspaces, members and invitations', () => {
  let h: TestHerald;
  beforeAll(async () => {
    h = await startTestHerald();
  });
  afterAll(async () => h?.close());
  const db = () => h.herald.database.db;
  const auditFor = (workspaceId: string, action: string) =>
    db().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, action)));

  it('creates, lists and renames a workspace, auditing each change', async () => {
    const ann = await signUp(h.url);
    const created = await ann.client.post('/api/v1/workspaces', { name: 'Acme' });
    expect(created.status).toBe(201);
    expect(created.body.role).toBe('owner');
    // The creator's zone (the web app sends the browser's) becomes the zone of posting times.
    const beta = await ann.client.post('/api/v1/workspaces', { name: 'Beta', timeZone: 'America/Sao_Paulo' });
    expect((await ann.client.get(`/api/v1/workspaces/${beta.body.id}/schedule-settings`)).body).toEqual({ timeZone: 'America/Sao_Paulo', timeZoneSet: true });
    expect((await ann.client.get(`/api/v1/workspaces/${created.body.id}/schedule-settings`)).body).toEqual({ timeZone: 'UTC', timeZoneSet: false });
    const badZone = await ann.client.post('/api/v1/workspaces', { name: 'Gamma', timeZone: 'Mars/Olympus' });
    expect(badZone.status).toBe(400);
    expect(JSON.stringify(badZone.body)).toContain('IANA time zone');
    const list = await ann.client.get('/api/v1/workspaces');
    expect(list.status).toBe(200);
    expect(list.body.items.map((w: { name: string; role: string }) => [w.name, w.role]).sort()).toEqual([
      ['Acme', 'owner'],
      ['Beta', 'owner'],
    ]);
    const [ownerRow] = await db().select().from(members).where(and(eq(members.organizationId, created.body.id), eq(members.userId, ann.id)));
    expect(ownerRow!.role).toBe('owner');
    // Someone else's list does not show them.
    const other = await signUp(h.url);
    expect((await other.client.get('/api/v1/workspaces')).body.items).toEqual([]);
    const me = await ann.client.get('/api/v1/me');
    expect(me.body.workspaces.map((w: { name: string }) => w.name)).toEqual(['Acme', 'Beta']);
    expect(me.body.workspaces[0].permissions).toContain('workspace.delete');

    const renamed = await ann.client.patch(`/api/v1/workspaces/${created.body.id}`, { name: 'Acme Coffee' });
    expect(renamed.status).toBe(200);
    const [row] = await db().select().from(workspaces).where(eq(workspaces.id, created.body.id));
    expect(row!.name).toBe('Acme Coffee');
    const [audit] = await auditFor(created.body.id, 'workspace.updated');
    expect(audit!.changes).toEqual({ name: { from: 'Acme', to: 'Acme Coffee' } });
    expect(audit!.actorUserId).toBe(ann.id);
    expect(audit!.userAgent).toBe('herald-tests');
    expect(await auditFor(created.body.id, 'workspace.created')).toHaveLength(1);
  });

  it('sets the language its clients see (English by default), refusing one Herald does not speak with 400 naming the field', async () => {
    const ann = await signUp(h.url);
    const ws = (await ann.client.post('/api/v1/workspaces', { name: 'Langues' })).body;
    expect(ws.language).toBe('en');
    const changed = await ann.client.patch(`/api/v1/workspaces/${ws.id}`, { language: 'fr' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Langues', language: 'fr' });
    expect((await ann.client.get(`/api/v1/workspaces/${ws.id}`)).body.language).toBe('fr');
    expect((await ann.client.get('/api/v1/workspaces')).body.items[0].language).toBe('fr');
    const [audit] = await auditFor(ws.id, 'workspace.updated');
    expect(audit!.changes).toEqual({ language: { from: 'en', to: 'fr' } });
    for (const language of ['de', 'French', null, 3]) {
      const bad = await ann.client.patch(`/api/v1/workspaces/${ws.id}`, { language });
      expect(bad.status, JSON.stringify(language)).toBe(400);
      expect(bad.body.error.details.issues[0].field).toBe('body.language');
    }
    const [row] = await db().select().from(workspaces).where(eq(workspaces.id, ws.id));
    expect(row!.language).toBe('fr');
    // A viewer may not change it.
    const viewer = await signUp(h.url);
    const invite = await ann.client.post(`/api/v1/workspaces/${ws.id}/invitations`, { email: viewer.email, role: 'viewer' });
    await viewer.client.post(`/api/v1/invitations/${invite.body.id}/accept`);
    expect((await viewer.client.patch(`/api/v1/workspaces/${ws.id}`, { language: 'en' })).status).toBe(403);
  });

  it('invites by e-mail; the invitee accepts with the invited address and gets the role', async () => {
    const owner = await signUp(h.url);
    const ws = (await owner.client.post('/api/v1/workspaces', { name: 'Invites' })).body;
    const bob = await signUp(h.url);
    const invite = await owner.client.post(`/api/v1/workspaces/${ws.id}/invitations`, { email: bob.email.toUpperCase(), role: 'editor' });
    expect(invite.status).toBe(201);
    expect(invite.body.link).toBe(`${h.url}/invite/${invite.body.id}`);
    expect(h.logs.some((l) => l.includes(invite.body.link))).toBe(true);

    const publicView = await bob.client.get(`/api/v1/invitations/${invite.body.id}`);
    expect(publicView.body).toMatchObject({ workspaceName: 'Invites', email: bob.email, role: 'editor', status: 'pending' });

    const stranger = await signUp(h.url);
    const wrong = await stranger.client.post(`/api/v1/invitations/${invite.body.id}/accept`);
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('invitation.wrong_account');

    const accepted = await bob.client.post(`/api/v1/invitations/${invite.body.id}/accept`);
    expect(accepted.status).toBe(200);
    const [membership] = await db().select().from(members).where(and(eq(members.organizationId, ws.id), eq(members.userId, bob.id)));
    expect(membership!.role).toBe('editor');
    const [inv] = await db().select().from(invitations).where(eq(invitations.id, invite.body.id));
    expect(inv!.status).toBe('accepted');
    expect(await auditFor(ws.id, 'member.invited')).toHaveLength(1);
    expect(await auditFor(ws.id, 'member.joined')).toHaveLength(1);
    expect((await bob.client.post(`/api/v1/invitations/${invite.body.id}/accept`)).body.error.code).toBe('invitation.not_pending');
  });

  it("writes the invitation in the invitee's language, else in the workspace's", async () => {
    const owner = await signUp(h.url);
    const ws = (await owner.client.post('/api/v1/workspaces', { name: 'Équipe' })).body;
    const mailTo = (address: string) => h.logs.map((l) => JSON.parse(l) as { mailTo?: string; subject?: string; msg: string }).filter((entry) => entry.mailTo === address).at(-1);
    // Nobody has an account at this address: the workspace's language, English until set.
    await owner.client.post(`/api/v1/workspaces/${ws.id}/invitations`, { email: 'newcomer@example.com', role: 'editor' });
    expect(mailTo('newcomer@example.com')?.subject).toBe('You are invited to Équipe on Herald');
    expect((await owner.client.patch(`/api/v1/workspaces/${ws.id}`, { language: 'fr' })).status).toBe(200);
    const invite = await owner.client.post(`/api/v1/workspaces/${ws.id}/invitations`, { email: 'newcomer@example.com', role: 'editor' });
    const french = mailTo('newcomer@example.com')!;
    expect(french.subject).toBe('Invitation à rejoindre Équipe sur Herald');
    expect(french.msg).toContain(`${owner.email} vous invite dans l’espace de travail «\u00a0Équipe\u00a0» sur Herald, avec le rôle éditeur.`);
    expect(french.msg).toContain(invite.body.link);
    // Someone with an account reads it in the language they chose.
    const bob = await signUp(h.url);
    expect((await bob.client.put('/api/v1/me/language', { language: 'en' })).status).toBe(200);
    await owner.client.post(`/api/v1/workspaces/${ws.id}/invitations`, { email: bob.email, role: 'viewer' });
    expect(mailTo(bob.email)?.subject).toBe('You are invited to Équipe on Herald');
  });

  it('renews a repeated invitation instead of stacking copies, refuses members and expired links', async () => {
    const owner = await signUp(h.url);
    const ws = (await owner.client.post('/api/v1/workspaces', { name: 'Renew' })).body;
    const first = await owner.client.post(`/api/v1/workspaces/${ws.id}/invitations`, { email: 'carol@example.com', role: 'viewer' });
    const again = await owner.client.post(`/api/v1/workspaces/${ws.id}/invitations`, { email: 'carol@example.com', role: 'approver' });
    expect(again.body.id).toBe(first.body.id);
    const rows = await db().select().from(invitations).where(eq(invitations.organizationId, ws.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.role).toBe('approver');

    const self = await owner.client.post(`/api/v1/workspaces/${ws.id}/invitations`, { email: owner.email, role: 'viewer' });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('member.already_member');

    await db().update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, first.body.id));
    const carol = await signUp(h.url, { email: 'carol@example.com' });
    expect((await carol.client.get(`/api/v1/invitations/${first.body.id}`)).body.status).toBe('expired');
    const late = await carol.client.post(`/api/v1/invitations/${first.body.id}/accept`);
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('invitation.expired');
    expect(await db().select().from(members).where(and(eq(members.organizationId, ws.id), eq(members.userId, carol.id)))).toHaveLength(0);

    // Inviting again after expiry gives a working link.
    const fresh = await owner.client.post(`/api/v1/workspaces/${ws.id}/invitations`, { email: 'carol@example.com', role: 'viewer' });
    expect(fresh.status).toBe(201);
    expect(new Date(fresh.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect((await carol.client.post(`/api/v1/invitations/${fresh.body.id}/accept`)).status).toBe(200);
    const [joined] = await db().select().from(members).where(and(eq(members.organizationId, ws.id), eq(members.userId, carol.id)));
    expect(joined!.role).toBe('viewer');
  });

  it('cancels and declines invitations; neither can be accepted afterwards', async () => {
    const owner = await signUp(h.url);
    const ws = (await owner.client.post('/api/v1/workspaces', { name: 'Cancel' })).body;
    const dan = await signUp(h.url);
    const erin = await signUp(h.url);
    const toDan = await owner.client.post(`/api/v1/workspaces/${ws.id}/invitations`, { email: dan.email, role: 'editor' });
    const toErin = await owner.client.post(`/api/v1/workspaces/${ws.id}/invitations`, { email: erin.email, role: 'editor' });
    expect((await owner.client.get(`/api/v1/workspaces/${ws.id}/invitations`)).body.items).toHaveLength(2);

    expect((await owner.client.delete(`/api/v1/workspaces/${ws.id}/invitations/${toDan.body.id}`)).status).toBe(200);
    const cancelled = await dan.client.post(`/api/v1/invitations/${toDan.body.id}/accept`);
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error.code).toBe('invitation.not_pending');
    expect(await auditFor(ws.id, 'invitation.canceled')).toHaveLength(1);

    expect((await erin.client.post(`/api/v1/invitations/${toErin.body.id}/reject`)).status).toBe(200);
    expect((await erin.client.post(`/api/v1/invitations/${toErin.body.id}/accept`)).status).toBe(409);
    expect(await auditFor(ws.id, 'invitation.rejected')).toHaveLength(1);

    expect(await db().select().from(members).where(eq(members.organizationId, ws.id))).toHaveLength(1);
    expect((await owner.client.get(`/api/v1/workspaces/${ws.id}/invitations`)).body.items).toEqual([]);
  });

  it('changes roles and removes members, but never the owner, and only owners make owners', async () => {
    const { workspaceId, members: team } = await createTeam(h.url, 'Roles');
    const url = (m: { memberId: string }) => `/api/v1/workspaces/${workspaceId}/members/${m.memberId}`;

    expect((await team.owner.client.patch(url(team.viewer), { role: 'editor' })).status).toBe(200);
    const [changed] = await auditFor(workspaceId, 'member.role_changed');
    expect(changed!.changes).toEqual({ role: { from: 'viewer', to: 'editor' } });

    const demoteOwner = await team.admin.client.patch(url(team.owner), { role: 'viewer' });
    expect(demoteOwner.status).toBe(403);
    expect(demoteOwner.body.error.code).toBe('member.owner_role_locked');
    const demoteSelf = await team.owner.client.patch(url(team.owner), { role: 'admin' });
    expect(demoteSelf.status).toBe(403);
    expect(demoteSelf.body.error.code).toBe('member.owner_role_locked');
    const makeOwner = await team.admin.client.patch(url(team.editor), { role: 'owner' });
    expect(makeOwner.status).toBe(400);
    expect(makeOwner.body.error.details.issues[0].field).toBe('body.role');
    const inviteOwner = await team.admin.client.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: 'boss@example.com', role: 'owner' });
    expect(inviteOwner.status).toBe(400);
    const roleOf = async (userId: string) =>
      (await db().select().from(members).where(and(eq(members.organizationId, workspaceId), eq(members.userId, userId))))[0]!.role;
    expect(await roleOf(team.owner.id)).toBe('owner');
    expect(await roleOf(team.editor.id)).toBe('editor');
    const removeOwner = await team.admin.client.delete(url(team.owner));
    expect(removeOwner.status).toBe(403);
    expect(removeOwner.body.error.code).toBe('member.owner_not_removable');
    expect(await roleOf(team.owner.id)).toBe('owner');

    expect((await team.admin.client.delete(url(team.approver))).status).toBe(200);
    expect((await team.approver.client.get(`/api/v1/workspaces/${workspaceId}/members`)).status).toBe(404);
    expect(await auditFor(workspaceId, 'member.removed')).toHaveLength(1);
  });

  it('transfers ownership (the old owner stays as admin) and lets only the owner delete', async () => {
    const { workspaceId, members: team } = await createTeam(h.url, 'Transfer');
    expect((await team.admin.client.delete(`/api/v1/workspaces/${workspaceId}`)).status).toBe(403);
    const transfer = await team.owner.client.post(`/api/v1/workspaces/${workspaceId}/transfer`, { memberId: team.editor.memberId });
    expect(transfer.status).toBe(200);
    const roleOf = async (userId: string) =>
      (await db().select().from(members).where(and(eq(members.organizationId, workspaceId), eq(members.userId, userId))))[0]!.role;
    expect(await roleOf(team.editor.id)).toBe('owner');
    expect(await roleOf(team.owner.id)).toBe('admin');
    const [transferred] = await auditFor(workspaceId, 'workspace.ownership_transferred');
    expect(transferred!.changes).toEqual({ owner: { from: team.owner.id, to: team.editor.id } });
    expect((await team.owner.client.delete(`/api/v1/workspaces/${workspaceId}`)).status).toBe(403);
    await team.editor.client.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: 'pending@example.com', role: 'viewer' });
    expect((await team.editor.client.delete(`/api/v1/workspaces/${workspaceId}`)).status).toBe(200);
    // No invitation outlives its workspace (with sign-up closed, one would still open the door).
    expect(await db().select().from(invitations).where(eq(invitations.organizationId, workspaceId))).toHaveLength(0);
    expect(await db().select().from(workspaces).where(eq(workspaces.id, workspaceId))).toHaveLength(0);
    expect(await auditFor(workspaceId, 'workspace.deleted')).toHaveLength(1);
    expect(await db().select().from(members).where(eq(members.organizationId, workspaceId))).toHaveLength(0);
    const gone = await team.editor.client.get(`/api/v1/workspaces/${workspaceId}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('workspace.not_found');
  });
});
