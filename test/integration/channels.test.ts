import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, channels, mastodonApps, oauthStates, pendingRevocations } from '../../src/server/db/schema/index.ts';
import { purgeDisconnectedChannels, retryPendingRevokes } from '../../src/server/modules/channels/channels.disconnect.ts';
import { refreshChannel } from '../../src/server/modules/channel-tokens/index.ts';
import { createProviders } from '../../src/networks/server.ts';
import { loadSecretBox } from '../../src/server/security/encryption-keys.ts';
import { rotateSecrets } from '../../src/server/security/rotate-keys.ts';
import { createSecretBox, generateEncryptionKey, parseEncryptionKeys } from '../../src/server/security/secret-box.ts';
import { loadConfig } from '../../src/server/config/config.ts';
import { signUp, startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';

describe('TikTok channels against the local fake', () => {
  let tiktok: TikTokFake;
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;

  beforeAll(async () => {
    tiktok = await startTikTokFake();
    h = await startTestHerald({ env: tiktokEnv(tiktok) });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Social' })).body.id;
  });
  afterAll(async () => {
    await h?.close();
    await tiktok?.close();
  });
  const db = () => h.herald.database.db;
  // The services the jobs run, wired as the worker wires them.
  const deps = () => {
    const config = loadConfig({ HERALD_DATA_DIR: h.dataDir, ...tiktokEnv(tiktok) });
    const box = loadSecretBox(config, h.herald.logger);
    return { providers: createProviders(config, { db: db(), box }), box, publicOrigin: h.url, retentionDays: 30 };
  };

  /** Starts connecting, answers the consent page like the user would, and follows the redirect back. */
  async function connect(client: Client, choice: { grant?: string[]; deny?: boolean } = {}) {
    const start = await client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'tiktok' });
    expect(start.status).toBe(200);
    const back = tiktok.authorize(start.body.authorizationUrl, choice);
    const res = await client.get(back.replace(/^https?:\/\/[^/]+/, ''));
    expect(res.status).toBe(302);
    return { location: new URL(res.headers.get('location')!, h.url), back, authorizationUrl: start.body.authorizationUrl as string };
  }

  it('asks TikTok for the documented scopes with state and PKCE', async () => {
    const start = await owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'tiktok' });
    const q = new URL(start.body.authorizationUrl).searchParams;
    expect(start.body.authorizationUrl.startsWith(`${tiktok.url}/v2/auth/authorize/`)).toBe(true);
    expect(q.get('scope')).toBe('user.info.basic,user.info.profile,user.info.stats,video.list,video.upload,video.publish');
    expect(q.get('redirect_uri')).toBe(`${h.url}/api/v1/oauth/callback/tiktok`);
    expect(q.get('state')!.length).toBeGreaterThanOrEqual(40);
    expect(q.get('code_challenge_method')).toBe('S256');
    const networks = await owner.client.get('/api/v1/networks');
    expect(networks.body.items.find((n: { id: string }) => n.id === 'tiktok').enabled).toBe(true);
    expect(networks.body.items.find((n: { id: string }) => n.id === 'bluesky').enabled).toBe(true);
  });

  it('connects an account: profile shown, scopes stored, token sealed, audited', async () => {
    const { location } = await connect(owner.client);
    expect(location.pathname).toBe(`/w/${workspaceId}/channels`);
    const channelId = location.searchParams.get('connected')!;
    const list = await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`);
    const channel = list.body.items.find((c: { id: string }) => c.id === channelId);
    expect(channel).toMatchObject({ network: 'tiktok', externalId: 'tt-user-1', username: 'herald.tester', displayName: 'Herald Tester', status: 'ok', missingFeatures: [] });
    expect(channel.scopesGranted).toHaveLength(6);

    const issued = tiktok.tokens().at(-1)!;
    const [row] = await db().select().from(channels).where(eq(channels.id, channelId));
    expect(row!.accessTokenSealed).toMatch(/^v1\./);
    const dump = JSON.stringify(await db().execute(sql`select * from channels`));
    expect(dump).not.toContain(issued.accessToken);
    expect(dump).not.toContain(issued.refreshToken);
    expect(JSON.stringify(list.body)).not.toContain(issued.accessToken);
    expect(h.logs.join('\n')).not.toContain(issued.accessToken);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, channelId), eq(auditLog.action, 'channel.connected')));
    expect(audits).toHaveLength(1);
  });

  it('refuses a replayed callback, and a callback from another session', async () => {
    const { back } = await connect(owner.client);
    const replay = await owner.client.get(back.replace(/^https?:\/\/[^/]+/, ''));
    expect(new URL(replay.headers.get('location')!, h.url).searchParams.get('error')).toBe('channel.state_invalid');

    const other = await signUp(h.url);
    const start = await owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'tiktok' });
    const stolen = await other.client.get(tiktok.authorize(start.body.authorizationUrl).replace(/^https?:\/\/[^/]+/, ''));
    expect(new URL(stolen.headers.get('location')!, h.url).searchParams.get('error')).toBe('channel.state_invalid');
  });

  it('reconnecting updates the same channel; fewer scopes switch features off; a denial creates nothing', async () => {
    const before = (await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body.items.length;
    const { location } = await connect(owner.client, { grant: ['user.info.basic', 'user.info.profile', 'video.publish', 'video.upload'] });
    const list = (await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body.items;
    expect(list).toHaveLength(before);
    const channel = list.find((c: { id: string }) => c.id === location.searchParams.get('connected'));
    expect(channel.missingFeatures).toEqual(['analytics']);
    expect(channel.scopesGranted).not.toContain('video.list');

    const denied = await connect(owner.client, { deny: true });
    expect(denied.location.searchParams.get('error')).toBe('channel.consent_denied');
    expect((await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body.items).toHaveLength(before);
  });

  it('refreshes before expiry, keeping the newest rotated refresh token; a rejected refresh means needs_reauth, once', async () => {
    const [row] = await db().select().from(channels).where(eq(channels.workspaceId, workspaceId));
    const oldRefresh = tiktok.tokens().at(-1)!.refreshToken;
    expect(await refreshChannel(db(), deps(), row!.id)).toBe('refreshed');
    const newest = tiktok.tokens().at(-1)!;
    expect(newest.refreshToken).not.toBe(oldRefresh);
    // The rotated-out token no longer works at TikTok; the stored one does.
    expect(await refreshChannel(db(), deps(), row!.id)).toBe('refreshed');

    tiktok.rejectRefreshTokens(true);
    expect(await refreshChannel(db(), deps(), row!.id)).toBe('needs_reauth');
    expect(await refreshChannel(db(), deps(), row!.id)).toBe('skipped');
    tiktok.rejectRefreshTokens(false);
    const list = (await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body.items;
    expect(list[0].status).toBe('needs_reauth');
    const incidents = await db().select().from(auditLog).where(and(eq(auditLog.entityId, row!.id), eq(auditLog.action, 'channel.needs_reauth')));
    expect(incidents).toHaveLength(1);
  });

  it('disconnects: revoked at TikTok, tokens gone at once, profile purged after the retention period', async () => {
    const { location } = await connect(owner.client);
    const channelId = location.searchParams.get('connected')!;
    const access = tiktok.tokens().at(-1)!.accessToken;
    const res = await owner.client.delete(`/api/v1/workspaces/${workspaceId}/channels/${channelId}`);
    expect(res.status).toBe(200);
    expect(res.body.revokedAtNetwork).toBe(true);
    expect(tiktok.isRevoked(access)).toBe(true);
    const [row] = await db().select().from(channels).where(eq(channels.id, channelId));
    expect(row).toMatchObject({ status: 'disconnected', accessTokenSealed: null, refreshTokenSealed: null, username: 'herald.tester' });
    const days = (row!.purgeAfter!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);

    expect(await purgeDisconnectedChannels(db(), new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await purgeDisconnectedChannels(db(), new Date(Date.now() + 31 * 86_400_000))).toBe(1);
    const [purged] = await db().select().from(channels).where(eq(channels.id, channelId));
    expect(purged).toMatchObject({ username: null, displayName: null, avatarUrl: null });
  });

  it('still deletes the tokens when TikTok is down, and a job revokes later', async () => {
    const { location } = await connect(owner.client);
    const channelId = location.searchParams.get('connected')!;
    const access = tiktok.tokens().at(-1)!.accessToken;
    tiktok.setDown(true);
    const res = await owner.client.delete(`/api/v1/workspaces/${workspaceId}/channels/${channelId}`);
    tiktok.setDown(false);
    expect(res.body.revokedAtNetwork).toBe(false);
    const [row] = await db().select().from(channels).where(eq(channels.id, channelId));
    expect(row).toMatchObject({ accessTokenSealed: null, refreshTokenSealed: null, statusReason: 'revoke_pending' });
    expect(tiktok.isRevoked(access)).toBe(false);
    const [pending] = await db().select().from(pendingRevocations).where(eq(pendingRevocations.channelId, channelId));
    expect(pending!.tokenSealed).toMatch(/^v1\./);
    expect(pending!.tokenSealed).not.toContain(access);
    tiktok.setDown(true);
    expect(await retryPendingRevokes(db(), deps())).toBe(0);
    tiktok.setDown(false);
    expect(await retryPendingRevokes(db(), deps())).toBe(1);
    expect(tiktok.isRevoked(access)).toBe(true);
    const [after] = await db().select().from(channels).where(eq(channels.id, channelId));
    expect(after!.statusReason).toBeNull();
    expect(await db().select().from(pendingRevocations)).toHaveLength(0);
  });

  it('deleting a workspace revokes its channels first; a revocation TikTok cannot take yet outlives the workspace', async () => {
    const doomed = (await owner.client.post('/api/v1/workspaces', { name: 'Short-lived' })).body.id as string;
    const start = await owner.client.post(`/api/v1/workspaces/${doomed}/channels/connect`, { network: 'tiktok' });
    await owner.client.get(tiktok.authorize(start.body.authorizationUrl).replace(/^https?:\/\/[^/]+/, ''));
    const first = tiktok.tokens().at(-1)!.accessToken;
    expect((await owner.client.delete(`/api/v1/workspaces/${doomed}`)).status).toBe(200);
    expect(tiktok.isRevoked(first)).toBe(true);
    const [deleted] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, doomed), eq(auditLog.action, 'workspace.deleted')));
    expect(deleted!.changes).toMatchObject({ channelTokens: { revoked: 1, pending: 0 } });

    const unlucky = (await owner.client.post('/api/v1/workspaces', { name: 'Unlucky' })).body.id as string;
    const again = await owner.client.post(`/api/v1/workspaces/${unlucky}/channels/connect`, { network: 'tiktok' });
    await owner.client.get(tiktok.authorize(again.body.authorizationUrl).replace(/^https?:\/\/[^/]+/, ''));
    const second = tiktok.tokens().at(-1)!.accessToken;
    tiktok.setDown(true);
    expect((await owner.client.delete(`/api/v1/workspaces/${unlucky}`)).status).toBe(200);
    tiktok.setDown(false);
    expect(await db().select().from(channels).where(eq(channels.workspaceId, unlucky))).toHaveLength(0);
    expect(await retryPendingRevokes(db(), deps())).toBe(1);
    expect(tiktok.isRevoked(second)).toBe(true);
  });

  it('a token TikTok rejects during use gets one refresh and one more try; a dead refresh means needs_reauth and one notification', async () => {
    const { location } = await connect(owner.client);
    const channelId = location.searchParams.get('connected')!;
    const refreshCalls = () => tiktok.requests.filter((r) => r.path === '/v2/oauth/token/' && r.body.grant_type === 'refresh_token').length;
    const incidents = async () => (await owner.client.get('/api/v1/notifications?limit=100')).body.items.filter((n: { entityId: string; kind: string }) => n.entityId === channelId && n.kind === 'channel.needs_reauth');

    // TikTok stops accepting the access token before the expiry it announced.
    tiktok.expireAccessTokens();
    const before = refreshCalls();
    const ok = await owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/${channelId}/refresh`);
    expect(ok.status).toBe(200);
    expect(ok.body.channel).toMatchObject({ status: 'ok', username: 'herald.tester' });
    expect(refreshCalls()).toBe(before + 1);

    const notifiedBefore = (await incidents()).length;
    tiktok.expireAccessTokens();
    tiktok.rejectRefreshTokens(true);
    const dead = await owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/${channelId}/refresh`);
    expect(dead.status).toBe(409);
    expect(dead.body.error.code).toBe('channel.needs_reauth');
    expect(refreshCalls()).toBe(before + 2);
    // Asking again neither calls TikTok nor notifies again: one incident, one notification.
    const again = await owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/${channelId}/refresh`);
    expect(again.status).toBe(409);
    expect(refreshCalls()).toBe(before + 2);
    tiktok.rejectRefreshTokens(false);
    const notified = await incidents();
    expect(notified).toHaveLength(notifiedBefore + 1);
    expect(notified[0]).toMatchObject({ title: 'Reconnect TikTok @herald.tester', link: `/w/${workspaceId}/channels`, readAt: null });

    const unread = (await owner.client.get('/api/v1/notifications?unread=true')).body.unreadCount;
    expect((await owner.client.post(`/api/v1/notifications/${notified[0].id}/read`)).body.marked).toBe(1);
    expect((await owner.client.get('/api/v1/notifications?unread=true')).body.unreadCount).toBe(unread - 1);
    // Someone else's notification cannot be touched.
    const stranger = await signUp(h.url);
    expect((await stranger.client.post(`/api/v1/notifications/${notified[1]?.id ?? notified[0].id}/read`)).body.marked).toBe(0);
    expect((await stranger.client.get('/api/v1/notifications')).body.items).toHaveLength(0);
  });

  it('answers garbage from TikTok with a clear message and stores nothing', async () => {
    const before = (await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body.items.length;
    tiktok.failNext('/v2/oauth/token/', { status: 200, rawBody: '<html>not json</html>' });
    const { location } = await connect(owner.client);
    expect(location.searchParams.get('error')).toBe('channel.connect_failed');
    expect(location.searchParams.get('message')).toMatch(/cannot read/);
    expect((await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body.items).toHaveLength(before);
    const unknown = await owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'myspace' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues[0].field).toBe('body.network');
    // Outside tests and the demo, a user-named server on a private address is refused (SSRF).
    const internal = await owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'mastodon', instance: 'localhost:5432' });
    expect(internal.status).toBe(400);
    expect(internal.body.error.code).toBe('channel.instance_not_public');
    const noHandle = await owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'bluesky' });
    expect(noHandle.status).toBe(400);
    expect(noHandle.body.error.details.issues[0].field).toBe('body.identifier');
  });
});

describe('key rotation', () => {
  it('re-seals every token with the newest key, after which the old key can go', async () => {
    const tiktok = await startTikTokFake();
    const h = await startTestHerald({ env: tiktokEnv(tiktok) });
    try {
      const owner = await signUp(h.url);
      const ws = (await owner.client.post('/api/v1/workspaces', { name: 'Keys' })).body.id;
      const start = await owner.client.post(`/api/v1/workspaces/${ws}/channels/connect`, { network: 'tiktok' });
      await owner.client.get(tiktok.authorize(start.body.authorizationUrl).replace(/^https?:\/\/[^/]+/, ''));
      const oldSpec = fs.readFileSync(path.join(h.dataDir, 'encryption.keys'), 'utf8').trim();
      const newSpec = generateEncryptionKey('k2');
      const rotated = createSecretBox(parseEncryptionKeys(`${newSpec},${oldSpec}`));
      expect(await rotateSecrets(h.herald.database.db, rotated)).toBeGreaterThanOrEqual(2);
      const [row] = await h.herald.database.db.select().from(channels).where(eq(channels.workspaceId, ws));
      expect(row!.accessTokenSealed!.split('.')[1]).toBe('k2');
      const onlyNew = createSecretBox(parseEncryptionKeys(newSpec));
      expect(onlyNew.open(row!.accessTokenSealed!, `channel:${row!.id}:access`)).toBe(tiktok.tokens().at(-1)!.accessToken);
    } finally {
      await h.close();
      await tiktok.close();
    }
  });
});

describe('Mastodon channels against the local fake instance', () => {
  let mastodon: MastodonFake;
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 5000 });
    h = await startTestHerald({ env: { HERALD_MASTODON_ALLOW_HTTP: 'true' } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Fediverse' })).body.id;
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });
  const db = () => h.herald.database.db;

  async function connect(instance: string, choice: { deny?: boolean } = {}) {
    const start = await owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'mastodon', instance });
    if (start.status !== 200) return { start };
    const res = await owner.client.get(mastodon.authorize(start.body.authorizationUrl, choice).replace(/^https?:\/\/[^/]+/, ''));
    return { start, location: new URL(res.headers.get('location')!, h.url) };
  }

  it('registers an app on the instance once, connects, and stores the instance limits', async () => {
    const first = await connect(`http://${mastodon.domain.toUpperCase()}/`);
    expect(first.location!.searchParams.get('connected')).toBeTruthy();
    const second = await connect(mastodon.domain);
    expect(second.location!.searchParams.get('connected')).toBe(first.location!.searchParams.get('connected'));
    expect(mastodon.apps).toHaveLength(1);
    const [row] = await db().select().from(channels).where(eq(channels.workspaceId, workspaceId));
    expect(row).toMatchObject({ instance: mastodon.domain, username: `herald@${mastodon.domain}`, displayName: 'Herald on Mastodon', scopesGranted: ['read', 'write'] });
    expect(row!.limits).toMatchObject({ maxCharacters: 5000, maxMediaAttachments: 4 });
    const [app] = await db().select().from(mastodonApps);
    expect(app!.clientSecretSealed).not.toContain(mastodon.apps[0]!.clientSecret);
  });

  it('refuses malformed names, unreachable servers and servers that are not Mastodon, creating nothing', async () => {
    const bad = await connect('not a domain!');
    expect(bad.start.status).toBe(400);
    expect(bad.start.body.error.details.issues[0].field).toBe('body.instance');
    const unreachable = await connect('127.0.0.1:1');
    expect(unreachable.start.body.error.code).toBe('channel.instance_unreachable');
    mastodon.setNotMastodon(true);
    // Another name for the fake, so Herald has no app there yet and must look at the server.
    const notMastodon = await connect(`localhost:${new URL(mastodon.url).port}`);
    mastodon.setNotMastodon(false);
    expect(notMastodon.start.status).toBe(400);
    expect(notMastodon.start.body.error.code).toBe('channel.not_mastodon');
    expect((await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body.items).toHaveLength(1);
  });

  it('keeps the token and the app secret out of every table, every answer and the logs', async () => {
    const secrets = [mastodon.tokens().at(-1)!.token, mastodon.apps[0]!.clientSecret];
    const tables = ['channels', 'mastodon_apps', 'oauth_states', 'audit_log', 'access_log'];
    await h.herald.app!.flushAccessLog();
    let dump = '';
    for (const table of tables) dump += JSON.stringify(await db().execute(sql.raw(`select * from ${table}`)));
    dump += JSON.stringify((await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body);
    dump += JSON.stringify((await owner.client.get(`/api/v1/workspaces/${workspaceId}/audit?limit=200`)).body);
    dump += h.logs.join('\n');
    for (const secret of secrets) expect(dump).not.toContain(secret);
  });

  it('refuses a state older than ten minutes', async () => {
    const start = await owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'mastodon', instance: mastodon.domain });
    const state = new URL(start.body.authorizationUrl).searchParams.get('state')!;
    await db().update(oauthStates).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(oauthStates.state, state));
    const res = await owner.client.get(mastodon.authorize(start.body.authorizationUrl).replace(/^https?:\/\/[^/]+/, ''));
    expect(new URL(res.headers.get('location')!, h.url).searchParams.get('error')).toBe('channel.state_expired');
  });

  it('disconnects with revocation at the instance; the old token is then refused there', async () => {
    const [row] = await db().select().from(channels).where(eq(channels.workspaceId, workspaceId));
    const token = mastodon.tokens().at(-1)!.token;
    const res = await owner.client.delete(`/api/v1/workspaces/${workspaceId}/channels/${row!.id}`);
    expect(res.body.revokedAtNetwork).toBe(true);
    expect(mastodon.isRevoked(token)).toBe(true);
    const check = await fetch(`${mastodon.url}/api/v1/accounts/verify_credentials`, { headers: { authorization: `Bearer ${token}` } });
    expect(check.status).toBe(401);
  });
});
