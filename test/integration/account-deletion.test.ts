import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { auditLog, channels, idempotentRequests, postGroups, users, workspaces } from '../../src/server/db/schema/index.ts';
import type { Db } from '../../src/server/db/database.ts';
import { loadConfig } from '../../src/server/config/config.ts';
import { anonymisedUserId, deleteDueAccounts } from '../../src/server/modules/privacy/account-deletion.service.ts';
import { createProviders } from '../../src/networks/server.ts';
import { loadSecretBox } from '../../src/server/security/encryption-keys.ts';
import { createClient, signUp, startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';
import { connectMastodon, connectTikTok, uploadMedia } from '../helpers/publishing.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { createDiskStorage } from '../../src/server/modules/media/media.storage.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Like a privacy checker: every text-like column of every table, searched for the value. */
async function tablesMentioning(db: Db, needle: string): Promise<string[]> {
  const columns = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and data_type in ('text', 'character varying', 'jsonb', 'json')`),
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const hits = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from ${sql.identifier(table_name)} where strpos(${sql.identifier(column_name)}::text, ${needle}) > 0`),
    );
    if (hits[0]!.n > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

async function signIn(url: string, email: string, password: string) {
  const client = createClient(url);
  const res = await client.post('/api/auth/sign-in/email', { email, password });
  return { client, status: res.status };
}

describe('deleting my account at once', () => {
  let tiktok: TikTokFake;
  let mastodon: MastodonFake;
  let h: TestHerald;
  beforeAll(async () => {
    tiktok = await startTikTokFake();
    mastodon = await startMastodonFake();
    h = await startTestHerald({ env: { ...tiktokEnv(tiktok), HERALD_MASTODON_ALLOW_HTTP: 'true' } });
  });
  afterAll(async () => {
    await h?.close();
    await tiktok?.close();
    await mastodon?.close();
  });
  const db = () => h.herald.database.db;

  it('previews, refuses a wrong password, then revokes, deletes, anonymises and signs out', async () => {
    const ann = await signUp(h.url, { name: 'Ann' });
    const other = await signUp(h.url, { name: 'Bob' });
    // Workspace A: Ann alone, a TikTok channel and a post.
    const a = (await ann.client.post('/api/v1/workspaces', { name: 'Ann Solo' })).body.id as string;
    const tiktokChannel = await connectTikTok(h, ann.client, a, tiktok);
    const tiktokToken = tiktok.tokens().at(-1)!.accessToken;
    const bytes = buildMp4({ durationSeconds: 5, width: 1080, height: 1920, frameRate: 30, totalBytes: 200_000 });
    const video = await uploadMedia(h, ann.client, a, { bytes, name: 'clip.mp4', type: 'video/mp4' });
    const postA = await ann.client.post(`/api/v1/workspaces/${a}/posts`, {
      content: { text: 'Solo draft', media: [{ mediaId: video.id }] },
      channels: [{ channelId: tiktokChannel }],
      schedule: { mode: 'draft' },
    });
    expect(postA.status, JSON.stringify(postA.body)).toBe(201);
    // Workspace B: Bob owns it; Ann connected its Mastodon channel (as admin, then became editor) and wrote a post.
    const b = (await other.client.post('/api/v1/workspaces', { name: 'Shared' })).body.id as string;
    const invite = await other.client.post(`/api/v1/workspaces/${b}/invitations`, { email: ann.email, role: 'admin' });
    expect((await ann.client.post(`/api/v1/invitations/${invite.body.id}/accept`)).status).toBe(200);
    const mastodonChannel = await connectMastodon(h, ann.client, b, mastodon);
    const mastodonToken = mastodon.tokens().at(-1)!.token;
    const annMember = (await other.client.get(`/api/v1/workspaces/${b}/members`)).body.items.find((m: { userId: string }) => m.userId === ann.id);
    expect((await other.client.patch(`/api/v1/workspaces/${b}/members/${annMember.id}`, { role: 'editor' })).status).toBe(200);
    // Sent with an Idempotency-Key: the kept answer names Ann, and must go with her account.
    const postB = await ann.client.request('POST', `/api/v1/workspaces/${b}/posts`, { content: { text: 'Shared draft' }, channels: [{ channelId: mastodonChannel }], schedule: { mode: 'draft' } }, { 'idempotency-key': 'ann-shared-draft' });
    expect(await db().select().from(idempotentRequests).where(eq(idempotentRequests.userId, ann.id))).toHaveLength(1);
    expect(postB.status).toBe(201);
    const phone = await signIn(h.url, ann.email, ann.password);
    expect(phone.status).toBe(200);

    const preview = await ann.client.get('/api/v1/me/deletion-preview');
    expect(preview.status).toBe(200);
    expect(preview.body.graceDays).toBe(0);
    expect(preview.body.deletedWorkspaces).toEqual([{ id: a, name: 'Ann Solo', channels: 1, posts: 1, members: 1 }]);
    expect(preview.body.sharedWorkspaces).toEqual([{ id: b, name: 'Shared', role: 'editor', yourPosts: 1 }]);
    expect(preview.body.connectedChannels.map((c: { id: string; workspaceDeleted: boolean }) => [c.id, c.workspaceDeleted]).sort()).toEqual(
      [
        [tiktokChannel, true],
        [mastodonChannel, false],
      ].sort(),
    );

    const wrong = await ann.client.post('/api/v1/me/delete', { password: 'not my password', confirm: true });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'account.password_incorrect', details: { field: 'password' } });
    const unconfirmed = await ann.client.post('/api/v1/me/delete', { password: ann.password });
    expect(unconfirmed.status).toBe(400);
    expect(await db().select().from(users).where(eq(users.id, ann.id))).toHaveLength(1);
    expect(tiktok.isRevoked(tiktokToken)).toBe(false);
    expect(await db().select().from(workspaces).where(eq(workspaces.id, a))).toHaveLength(1);

    const auditedBefore = await db().select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.actorUserId, ann.id));
    expect(auditedBefore.length).toBeGreaterThan(0);

    const deleted = await ann.client.post('/api/v1/me/delete', { password: ann.password, confirm: true });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ status: 'deleted', deleteAfter: null });
    expect(deleted.headers.getSetCookie().some((c) => c.startsWith('herald.session_token=;') || /herald\.session_token=.*Expires=Thu, 01 Jan 1970/i.test(c))).toBe(true);

    expect(tiktok.isRevoked(tiktokToken)).toBe(true);
    expect(mastodon.isRevoked(mastodonToken)).toBe(true);
    expect(await db().select().from(workspaces).where(eq(workspaces.id, a))).toHaveLength(0);
    expect(await db().select().from(postGroups).where(eq(postGroups.workspaceId, a))).toHaveLength(0);
    expect(await db().select().from(workspaces).where(eq(workspaces.id, b))).toHaveLength(1);
    const [keptPost] = await db().select().from(postGroups).where(eq(postGroups.id, postB.body.id));
    expect(keptPost!.createdBy).toBeNull();
    const [keptChannel] = await db().select().from(channels).where(eq(channels.id, mastodonChannel));
    expect(keptChannel).toMatchObject({ connectedBy: null, accessTokenSealed: null, refreshTokenSealed: null, status: 'disconnected' });
    expect((await other.client.get(`/api/v1/workspaces/${b}/posts/${postB.body.id}`)).status).toBe(200);

    expect((await ann.client.get('/api/v1/me')).status).toBe(401);
    expect((await phone.client.get('/api/v1/me')).status).toBe(401);

    expect(await tablesMentioning(db(), ann.id)).toEqual([]);
    expect(await db().select().from(idempotentRequests).where(eq(idempotentRequests.userId, ann.id))).toHaveLength(0);
    expect(await tablesMentioning(db(), ann.email)).toEqual([]);
    const anonymised = anonymisedUserId(ann.id);
    expect(anonymised).toMatch(/^deleted-user:[0-9a-f]{16}$/);
    const auditedAfter = await db().select().from(auditLog).where(eq(auditLog.actorUserId, anonymised));
    expect(auditedAfter.map((row) => row.id)).toEqual(expect.arrayContaining(auditedBefore.map((row) => row.id)));
    const [final] = auditedAfter.filter((row) => row.action === 'account.deleted');
    expect(final).toMatchObject({ entityId: anonymised, ip: null, userAgent: null });
    expect(final!.changes).toMatchObject({ workspacesDeleted: 1, channelsRevoked: 2, revocationsPending: 0 });
    // Checked last: a failed sign-in is audited with the e-mail it tried, which is no longer an account.
    expect((await signIn(h.url, ann.email, ann.password)).status).toBe(401);
    // Bob is untouched.
    expect((await other.client.get('/api/v1/me')).status).toBe(200);
  });

  it('asks for the second factor when two-factor is on', async () => {
    const u = await signUp(h.url);
    const enable = await u.client.post('/api/auth/two-factor/enable', { password: u.password });
    const secret = new URL(enable.body.totpURI).searchParams.get('secret')!;
    expect((await u.client.post('/api/auth/two-factor/verify-totp', { code: await generate({ secret }) })).status).toBe(200);

    const missing = await u.client.post('/api/v1/me/delete', { password: u.password, confirm: true });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'account.code_required', details: { field: 'code' } });
    const wrong = await u.client.post('/api/v1/me/delete', { password: u.password, code: '000000', confirm: true });
    expect(wrong.body.error).toMatchObject({ code: 'account.code_incorrect', details: { field: 'code' } });
    const wrongBackup = await u.client.post('/api/v1/me/delete', { password: u.password, code: 'abcde-fghij', confirm: true });
    expect(wrongBackup.body.error.code).toBe('account.code_incorrect');
    expect(await db().select().from(users).where(eq(users.id, u.id))).toHaveLength(1);

    const ok = await u.client.post('/api/v1/me/delete', { password: u.password, code: enable.body.backupCodes[0], confirm: true });
    expect(ok.status).toBe(200);
    expect(await db().select().from(users).where(eq(users.id, u.id))).toHaveLength(0);
  });

  it('accepts the current TOTP code', async () => {
    const u = await signUp(h.url);
    const enable = await u.client.post('/api/auth/two-factor/enable', { password: u.password });
    const secret = new URL(enable.body.totpURI).searchParams.get('secret')!;
    expect((await u.client.post('/api/auth/two-factor/verify-totp', { code: await generate({ secret }) })).status).toBe(200);
    const ok = await u.client.post('/api/v1/me/delete', { password: u.password, code: await generate({ secret }), confirm: true });
    expect(ok.status).toBe(200);
    expect(await tablesMentioning(db(), u.id)).toEqual([]);
  });
});

describe('deleting my account after a grace period', () => {
  let tiktok: TikTokFake;
  let h: TestHerald;
  beforeAll(async () => {
    tiktok = await startTikTokFake();
    h = await startTestHerald({ env: { ...tiktokEnv(tiktok), HERALD_ACCOUNT_DELETION_GRACE_DAYS: '7' } });
  });
  afterAll(async () => {
    await h?.close();
    await tiktok?.close();
  });
  const db = () => h.herald.database.db;
  // The services the account.delete-due job runs, wired as the worker wires them.
  const deps = () => {
    const config = loadConfig({ HERALD_DATA_DIR: h.dataDir, ...tiktokEnv(tiktok) });
    const box = loadSecretBox(config, h.herald.logger);
    return { channelDeps: { providers: createProviders(config, { db: db(), box }), box, publicOrigin: h.url, retentionDays: 30 }, storage: createDiskStorage(path.join(h.dataDir, 'media')), graceDays: 7 };
  };
  const days = (n: number) => new Date(Date.now() + n * 24 * 60 * 60 * 1000);

  async function userWithWorkspace(client: Client) {
    const workspaceId = (await client.post('/api/v1/workspaces', { name: 'Later' })).body.id as string;
    await connectTikTok(h, client, workspaceId, tiktok);
    return { workspaceId, token: tiktok.tokens().at(-1)!.accessToken };
  }

  it('ends sessions at once and deletes only when the job runs after the period', async () => {
    const u = await signUp(h.url);
    const { workspaceId, token } = await userWithWorkspace(u.client);
    const res = await u.client.post('/api/v1/me/delete', { password: u.password, confirm: true });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('scheduled');
    expect(new Date(res.body.deleteAfter).getTime()).toBeGreaterThan(days(6.9).getTime());
    expect((await u.client.get('/api/v1/me')).status).toBe(401);
    const [marked] = await db().select().from(users).where(eq(users.id, u.id));
    expect(marked!.deletionRequestedAt).not.toBeNull();
    expect(marked!.processingRestrictedAt).not.toBeNull();

    expect(await deleteDueAccounts(db(), deps(), { now: days(1) })).toEqual({ deleted: 0, cancelled: 0 });
    expect(await db().select().from(users).where(eq(users.id, u.id))).toHaveLength(1);
    expect(await db().select().from(workspaces).where(eq(workspaces.id, workspaceId))).toHaveLength(1);
    expect(tiktok.isRevoked(token)).toBe(false);

    expect(await deleteDueAccounts(db(), deps(), { now: days(8) })).toEqual({ deleted: 1, cancelled: 0 });
    expect(await db().select().from(users).where(eq(users.id, u.id))).toHaveLength(0);
    expect(await db().select().from(workspaces).where(eq(workspaces.id, workspaceId))).toHaveLength(0);
    expect(tiktok.isRevoked(token)).toBe(true);
    expect(await tablesMentioning(db(), u.id)).toEqual([]);
  });

  it('cancels the deletion when the user signs in again during the period', async () => {
    const u = await signUp(h.url);
    await userWithWorkspace(u.client);
    expect((await u.client.post('/api/v1/me/delete', { password: u.password, confirm: true })).status).toBe(200);
    expect((await signIn(h.url, u.email, u.password)).status).toBe(200);
    // At once, not at the next daily run: until then processing would stay paused.
    const [kept] = await db().select().from(users).where(eq(users.id, u.id));
    expect(kept).toMatchObject({ deletionRequestedAt: null, processingRestrictedAt: null });
    expect(await deleteDueAccounts(db(), deps(), { now: days(8) })).toEqual({ deleted: 0, cancelled: 0 });
    expect(await db().select().from(auditLog).where(and(eq(auditLog.actorUserId, u.id), eq(auditLog.action, 'account.deletion_cancelled')))).toHaveLength(1);
  });
});
