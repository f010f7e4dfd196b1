import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../src/server/db/schema/index.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { connectMastodon, fastEngineEnv } from '../helpers/publishing.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';

// The getting-started checklist: every tick is read from the workspace's data, and only someone
// who manages settings can put it away.
describe('onboarding checklist', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const done = async () => Object.fromEntries(((await owner.client.get(api('/onboarding'))).body.steps as { id: string; done: boolean }[]).map((s) => [s.id, s.done]));

  beforeAll(async () => {
    mastodon = await startMastodonFake();
    h = await startTestHerald({ env: fastEngineEnv });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Fresh' })).body.id;
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  it('starts with nothing done and ticks each step from the data', async () => {
    const fresh = await owner.client.get(api('/onboarding'));
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ allDone: false, dismissedAt: null, show: true });
    expect(fresh.body.steps.map((s: any) => s.id)).toEqual(['connect_channel', 'posting_times', 'invite_team', 'first_post']);
    expect(await done()).toEqual({ connect_channel: false, posting_times: false, invite_team: false, first_post: false });

    const channelId = await connectMastodon(h, owner.client, workspaceId, mastodon);
    expect(await done()).toMatchObject({ connect_channel: true, posting_times: false });

    await owner.client.put(api(`/channels/${channelId}/slots`), { slots: [{ weekday: 0, minute: 540 }] });
    expect(await done()).toMatchObject({ posting_times: true, invite_team: false });

    // A pending invitation counts: the team is on its way.
    const invite = await owner.client.post(api('/invitations'), { email: 'colleague@example.com', role: 'editor' });
    expect(invite.status).toBe(201);
    expect(await done()).toMatchObject({ invite_team: true, first_post: false });
    await owner.client.delete(api(`/invitations/${invite.body.id}`));
    expect(await done()).toMatchObject({ invite_team: false });
    const colleague = await signUp(h.url);
    const second = await owner.client.post(api('/invitations'), { email: colleague.email, role: 'viewer' });
    await colleague.client.post(`/api/v1/invitations/${second.body.id}/accept`);
    expect(await done()).toMatchObject({ invite_team: true });

    await owner.client.post(api('/posts'), { content: { text: 'First words' }, channels: [{ channelId }] });
    const all = await owner.client.get(api('/onboarding'));
    expect(all.body).toMatchObject({ allDone: true, show: false });

    // The viewer reads it but cannot put it away.
    expect((await colleague.client.get(api('/onboarding'))).status).toBe(200);
    expect((await colleague.client.post(api('/onboarding/dismiss'))).status).toBe(403);
  });

  it('dismissing hides it for good and is audited', async () => {
    const other = (await owner.client.post('/api/v1/workspaces', { name: 'Second' })).body.id;
    const dismissed = await owner.client.post(`/api/v1/workspaces/${other}/onboarding/dismiss`);
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ allDone: false, show: false });
    expect(dismissed.body.dismissedAt).toBeTruthy();
    const again = await owner.client.get(`/api/v1/workspaces/${other}/onboarding`);
    expect(again.body.show).toBe(false);
    const rows = await h.herald.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'workspace.onboarding_dismissed'), eq(auditLog.workspaceId, other)));
    expect(rows).toHaveLength(1);
  });
});
