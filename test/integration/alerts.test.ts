import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, notifications } from '../../src/server/db/schema/index.ts';
import { createMailer, type Mailer } from '../../src/server/modules/mail/mailer.ts';
import { NOTIFICATION_MAIL_JOB, PREFLIGHT_ALERTS_JOB } from '../../src/server/modules/notifications/alert-jobs.ts';
import { GIVE_UP_AFTER_MS, sendPendingEmails } from '../../src/server/modules/notifications/notification-mail.ts';
import { notifyUsers } from '../../src/server/modules/notifications/notifications.service.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { connectMastodon, fastEngineEnv, makeUnconfirmedSinceTwoHours, runJobNow, waitFor, waitForPost } from '../helpers/publishing.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../helpers/smtp-catcher.ts';
import { startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam, type TeamMember } from '../helpers/workspace-team.ts';

// Alerts before and after failure: the pre-flight check of posts due soon, the alert when a
// delivery fails or cannot be confirmed, and the e-mails both send (to a local SMTP catcher), each
// person choosing which e-mails they get.
describe('alerts before and after failure', () => {
  let h: TestHerald;
  let smtp: SmtpCatcher;
  let mastodon: MastodonFake;
  let team: Record<'owner' | 'admin' | 'editor' | 'approver' | 'viewer', TeamMember>;
  let workspaceId: string;
  let channelId: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const db = () => h.herald.database.db;
  const at = (ms: number) => new Date(Date.now() + ms).toISOString();
  const settled = (p: any) => p.deliveries.every((d: any) => ['published', 'failed', 'cancelled'].includes(d.state));
  /** The editor writes (so is the author); admins and the owner manage channels. */
  const schedule = async (text: string, publishAt: string) => {
    const res = await team.editor.client.post(api('/posts'), { content: { text }, channels: [{ channelId }], schedule: { mode: 'at', publishAt, timeZone: 'UTC' } });
    expect(res.status).toBe(201);
    return res.body as { id: string; deliveries: { id: string }[] };
  };
  const inbox = async (member: TeamMember, kind: string, postId: string) =>
    ((await member.client.get('/api/v1/notifications?limit=100')).body.items as any[]).filter((n) => n.kind === kind && n.entityId === postId);
  const rowsFor = (kind: string, postId: string) => db().select().from(notifications).where(and(eq(notifications.kind, kind), eq(notifications.entityId, postId)));

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    h = await startTestHerald({ env: { ...fastEngineEnv, SMTP_URL: smtp.url, SMTP_FROM: 'Herald <herald@example.test>' } });
    const created = await createTeam(h.url, 'Alerts');
    workspaceId = created.workspaceId;
    team = created.members;
    channelId = await connectMastodon(h, team.owner.client, workspaceId, mastodon);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
    await smtp?.close();
  });

  it('pre-flight: a post due after its channel access ends warns the author and admins once, in-app and by e-mail with the links; a new time warns again', async () => {
    const post = await schedule('Launch day announcement', at(30 * 60 * 1000));
    // Healthy channel: nothing to say.
    await runJobNow(h, PREFLIGHT_ALERTS_JOB);
    expect(await rowsFor('delivery.preflight', post.id)).toHaveLength(0);

    // The grant ends in 10 minutes and nothing can renew it (Mastodon has no refresh): the post would fail.
    await db().update(channels).set({ accessTokenExpiresAt: new Date(Date.now() + 10 * 60 * 1000), refreshTokenSealed: null }).where(eq(channels.id, channelId));
    await runJobNow(h, PREFLIGHT_ALERTS_JOB);
    await runJobNow(h, PREFLIGHT_ALERTS_JOB);
    const rows = await rowsFor('delivery.preflight', post.id);
    expect(rows.map((r) => r.userId).sort()).toEqual([team.owner.id, team.admin.id, team.editor.id].sort());
    const [seen] = await inbox(team.editor, 'delivery.preflight', post.id);
    expect(seen.category).toBe('preflight');
    expect(seen.title).toMatch(/^Post on Mastodon \(@\S+\) would fail at /);
    expect(seen.body).toContain('ends before the post');
    expect(seen.body).toContain(`/w/${workspaceId}/channels`);
    expect(seen.link).toBe(`/w/${workspaceId}/posts/${post.id}`);
    expect(await inbox(team.viewer, 'delivery.preflight', post.id)).toHaveLength(0);

    await runJobNow(h, NOTIFICATION_MAIL_JOB);
    const mails = smtp.to(team.editor.email).filter((m) => m.subject.includes('would fail'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('[Alerts]');
    expect(mails[0]!.text).toContain(`${h.url}/w/${workspaceId}/posts/${post.id}`);
    expect(mails[0]!.text).toContain(`${h.url}/w/${workspaceId}/channels`);
    expect(mails[0]!.text).toContain(`${h.url}/profile#email-notifications`);
    expect(smtp.to(team.admin.email).filter((m) => m.subject.includes('would fail'))).toHaveLength(1);
    expect((await rowsFor('delivery.preflight', post.id)).every((r) => r.emailStatus === 'sent' && r.emailedAt)).toBe(true);

    // Moved to another time (still in the window): checked and told again, once.
    const moved = await team.editor.client.post(api(`/posts/${post.id}/schedule`), { mode: 'at', publishAt: at(40 * 60 * 1000), timeZone: 'UTC' });
    expect(moved.status).toBe(200);
    await runJobNow(h, PREFLIGHT_ALERTS_JOB);
    await runJobNow(h, PREFLIGHT_ALERTS_JOB);
    expect(await inbox(team.editor, 'delivery.preflight', post.id)).toHaveLength(2);

    // Outside the workspace's window (set to 15 minutes), or with the check off: nothing.
    const later = await schedule('Next week', at(20 * 60 * 1000));
    expect((await team.admin.client.put(api('/preflight-settings'), { preflightMinutes: 15 })).body).toEqual({ preflightMinutes: 15 });
    await runJobNow(h, PREFLIGHT_ALERTS_JOB);
    expect(await rowsFor('delivery.preflight', later.id)).toHaveLength(0);
    await team.admin.client.put(api('/preflight-settings'), { preflightMinutes: 0 });
    await runJobNow(h, PREFLIGHT_ALERTS_JOB);
    expect(await rowsFor('delivery.preflight', later.id)).toHaveLength(0);
    await team.admin.client.put(api('/preflight-settings'), { preflightMinutes: 60 });
    await runJobNow(h, PREFLIGHT_ALERTS_JOB);
    expect(await rowsFor('delivery.preflight', later.id)).toHaveLength(3);

    for (const p of [post, later]) await team.editor.client.post(api(`/posts/${p.id}/cancel`));
    await db().update(channels).set({ accessTokenExpiresAt: null }).where(eq(channels.id, channelId));
  });

  it('pre-flight: a permission the post needs that the account no longer grants is named', async () => {
    const [channel] = await db().select().from(channels).where(eq(channels.id, channelId));
    // Scheduled while the grant was complete; the account was reconnected with less since.
    const post = await schedule('Needs write access', at(20 * 60 * 1000));
    await db().update(channels).set({ scopesGranted: [] }).where(eq(channels.id, channelId));
    try {
      await runJobNow(h, PREFLIGHT_ALERTS_JOB);
      const [seen] = await inbox(team.admin, 'delivery.preflight', post.id);
      expect(seen.body).toMatch(/did not give Herald the ".+" permission/);
      expect(seen.body).not.toContain('ends before');
      // In French, the permission's name in « » (no English quotes or "and" inside the sentence).
      const french = ((await team.admin.client.request('GET', '/api/v1/notifications?limit=100', undefined, { 'accept-language': 'fr' })).body.items as any[]).find((n) => n.id === seen.id);
      expect(french.body).toMatch(/n’a pas accordé à Herald l’autorisation «\u00a0[^»"]+\u00a0» dont/);
      expect(french.body).not.toMatch(/"| and /);
      await team.editor.client.post(api(`/posts/${post.id}/cancel`));
    } finally {
      await db().update(channels).set({ scopesGranted: channel!.scopesGranted }).where(eq(channels.id, channelId));
    }
  });

  it('the pre-flight setting is validated and needs settings.manage', async () => {
    expect((await team.viewer.client.get(api('/preflight-settings'))).body).toEqual({ preflightMinutes: 60 });
    expect((await team.editor.client.put(api('/preflight-settings'), { preflightMinutes: 30 })).status).toBe(403);
    const tooLong = await team.admin.client.put(api('/preflight-settings'), { preflightMinutes: 1441 });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('1440');
    expect((await team.admin.client.put(api('/preflight-settings'), { preflightMinutes: 'soon' })).status).toBe(400);
  });

  it("a failed delivery tells the author and admins once (the engine's own retries are not incidents), by e-mail too; a person's retry that fails again is a new incident", async () => {
    mastodon.failNext('/api/v1/statuses', { status: 503, body: { error: 'Service Unavailable' } });
    mastodon.failNext('/api/v1/statuses', { status: 422, body: { error: 'Validation failed: Text contains a forbidden word' } });
    const post = await schedule('A forbidden word', at(200));
    const done = await waitForPost(team.editor.client, workspaceId, post.id, settled);
    expect(done.deliveries[0].state).toBe('failed');
    const rows = await rowsFor('delivery.failed', post.id);
    expect(rows.map((r) => r.userId).sort()).toEqual([team.owner.id, team.admin.id, team.editor.id].sort());
    const [seen] = await inbox(team.owner, 'delivery.failed', post.id);
    expect(seen).toMatchObject({ category: 'failures', link: `/w/${workspaceId}/posts/${post.id}` });
    expect(seen.title).toMatch(/^Post failed on Mastodon \(@\S+\)$/);
    expect(seen.body).toContain('forbidden word');
    expect(seen.body).toContain('“A forbidden word” was not published. Mastodon refused the post');
    expect(seen.body).not.toContain('Mastodon said');

    await runJobNow(h, NOTIFICATION_MAIL_JOB);
    const mail = smtp.to(team.editor.email).filter((m) => m.subject.includes('Post failed'));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain(`${h.url}/w/${workspaceId}/posts/${post.id}`);
    expect(mail[0]!.text).toContain('forbidden word');
    expect(mail[0]!.raw).not.toContain(mastodon.tokens().at(-1)!.token);

    mastodon.failNext('/api/v1/statuses', { status: 422, body: { error: 'Validation failed: Still forbidden' } });
    await team.editor.client.post(api(`/posts/${post.id}/deliveries/${done.deliveries[0].id}/retry`), {});
    await waitFor(async () => (await rowsFor('delivery.failed', post.id)).length === 6, { what: 'the second incident' });
    await runJobNow(h, NOTIFICATION_MAIL_JOB);
    expect(smtp.to(team.editor.email).filter((m) => m.subject.includes('Post failed'))).toHaveLength(2);
  });

  it('a lost answer the engine settles by itself alerts nobody; one it cannot confirm after its checks does, once', async () => {
    mastodon.failNext('/api/v1/statuses', { dropAfterHandling: true });
    const settledItself = await schedule('Did it go out?', at(200));
    const done = await waitForPost(team.editor.client, workspaceId, settledItself.id, settled);
    expect(done.deliveries[0].state).toBe('published');
    expect(await rowsFor('delivery.unconfirmed', settledItself.id)).toHaveLength(0);

    // A call sent two hours ago whose fate is unknown (past the engine's hour of checks): a
    // person asks for a check, the network cannot be reached, and people are told.
    const post = await schedule('Lost in transit', at(60 * 60 * 1000));
    const deliveryId = post.deliveries[0]!.id;
    await makeUnconfirmedSinceTwoHours(h, deliveryId);
    mastodon.setDown(true);
    try {
      expect((await team.editor.client.post(api(`/posts/${post.id}/deliveries/${deliveryId}/retry`), {})).status).toBe(200);
      await waitFor(async () => (await rowsFor('delivery.unconfirmed', post.id)).length > 0, { what: 'the unconfirmed alert' });
    } finally {
      mastodon.setDown(false);
    }
    const rows = await rowsFor('delivery.unconfirmed', post.id);
    expect(rows.map((r) => r.userId).sort()).toEqual([team.owner.id, team.admin.id, team.editor.id].sort());
    expect(rows[0]!.title).toMatch(/^Post not confirmed on Mastodon/);
    expect(rows[0]!.category).toBe('failures');
    await runJobNow(h, NOTIFICATION_MAIL_JOB);
    expect(smtp.to(team.admin.email).filter((m) => m.subject.includes('not confirmed'))).toHaveLength(1);
  });

  it('a person who turned off failure e-mails still sees the alert in the app, and gets no e-mail (skipped)', async () => {
    expect((await team.editor.client.get('/api/v1/me/notification-preferences')).body).toEqual({ approvals: true, comments: true, failures: true, preflight: true, channels: true, webhooks: true });
    const off = await team.editor.client.put('/api/v1/me/notification-preferences', { failures: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ failures: false, preflight: true });
    const bad = await team.editor.client.put('/api/v1/me/notification-preferences', { holidays: false });
    expect(bad.status).toBe(400);
    expect((await team.editor.client.put('/api/v1/me/notification-preferences', { failures: 'no' })).status).toBe(400);
    // Another person's choice is their own.
    expect((await team.admin.client.get('/api/v1/me/notification-preferences')).body.failures).toBe(true);

    const before = smtp.to(team.editor.email).length;
    mastodon.failNext('/api/v1/statuses', { status: 422, body: { error: 'Validation failed: Nope' } });
    const post = await schedule('Quietly failing', at(200));
    await waitForPost(team.editor.client, workspaceId, post.id, settled);
    await runJobNow(h, NOTIFICATION_MAIL_JOB);
    expect(await inbox(team.editor, 'delivery.failed', post.id)).toHaveLength(1);
    const rows = await rowsFor('delivery.failed', post.id);
    expect(rows.find((r) => r.userId === team.editor.id)!.emailStatus).toBe('skipped');
    expect(rows.find((r) => r.userId === team.owner.id)!.emailStatus).toBe('sent');
    expect(smtp.to(team.editor.email).length).toBe(before);
    expect(smtp.to(team.owner.email).filter((m) => m.text.includes(post.id))).toHaveLength(1);
    await team.editor.client.put('/api/v1/me/notification-preferences', { failures: true });
  });

  it('two sweeps running at once send each e-mail once', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'herald@example.test', logger: h.herald.logger });
    const people = [team.owner, team.admin, team.editor, team.approver, team.viewer];
    const batch = `batch-${crypto.randomBytes(4).toString('hex')}`;
    for (let i = 0; i < 12; i += 1) {
      await notifyUsers(db(), people.map((p) => p.id), { workspaceId, kind: 'test.batch', entityType: 'post', entityId: `${batch}-${i}`, message: { key: 'review.requested', values: { actor: `${batch} ${i}`, post: 'x' } }, link: '/', category: 'channels', email: true });
    }
    const deps = { mailer, publicOrigin: h.url };
    const outcomes = await Promise.all([sendPendingEmails(db(), deps, { limit: 5 }), sendPendingEmails(db(), deps, { limit: 5 }), sendPendingEmails(db(), deps, { limit: 5 })]);
    const sent = smtp.messages.filter((m) => m.subject.startsWith(`[Alerts] ${batch}`));
    // Another sweep (the scheduled job) may have taken some: still once each.
    expect(new Set(sent.map((m) => `${m.to[0]} ${m.subject}`)).size).toBe(60);
    expect(sent).toHaveLength(60);
    expect(outcomes.reduce((n, o) => n + o.sent, 0)).toBeLessThanOrEqual(60);
  });

  it('a refused send is tried again with growing waits, then given up as failed', async () => {
    let calls = 0;
    const refusing: Mailer = {
      transport: 'smtp',
      async send() {
        calls += 1;
        throw new Error('451 try again later');
      },
    };
    await db().update(notifications).set({ emailStatus: 'sent' }).where(eq(notifications.emailStatus, 'pending'));
    await notifyUsers(db(), [team.owner.id], { workspaceId, kind: 'test.refused', entityType: 'post', entityId: 'refused', message: { key: 'review.overdue', values: { post: 'x' } }, link: '/', category: 'channels', email: true });
    const [row] = await db().select().from(notifications).where(eq(notifications.kind, 'test.refused'));
    const t0 = row!.createdAt.getTime();
    const sweep = (afterMs: number) => sendPendingEmails(db(), { mailer: refusing, publicOrigin: h.url }, { now: new Date(t0 + afterMs) });
    expect(await sweep(1000)).toMatchObject({ retry: 1 });
    expect(await sweep(30_000)).toMatchObject({ retry: 0, failed: 0 });
    expect(await sweep(62_000)).toMatchObject({ retry: 1 });
    expect(await sweep(100_000)).toMatchObject({ retry: 0 });
    expect(await sweep(125_000)).toMatchObject({ retry: 1 });
    expect(await sweep(GIVE_UP_AFTER_MS + 60_000)).toMatchObject({ failed: 1 });
    expect(await sweep(GIVE_UP_AFTER_MS + 10 * 60_000)).toMatchObject({ sent: 0, retry: 0, failed: 0 });
    expect(calls).toBe(4);
    const [after] = await db().select().from(notifications).where(eq(notifications.kind, 'test.refused'));
    expect(after!.emailStatus).toBe('failed');
  });
});
