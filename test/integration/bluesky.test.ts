import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, channelAvatars, channels } from '../../src/server/db/schema/index.ts';
import { purgeDisconnectedChannels } from '../../src/server/modules/channels/channels.disconnect.ts';
import { refreshChannel } from '../../src/server/modules/channel-tokens/index.ts';
import { createProviders } from '../../src/networks/server.ts';
import { loadSecretBox } from '../../src/server/security/encryption-keys.ts';
import { loadConfig } from '../../src/server/config/config.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { blueskyEnv, pdsAvailable, startLocalPds, type LocalPds } from '../pds/pds.ts';

// Against the reference Bluesky PDS and a PLC directory on loopback (test/pds), not a fake:
// the PDS enforces its own session, app-password and error rules.
// In CI the PDS is required: a skipped suite there would hide a broken setup.
describe.skipIf(!pdsAvailable() && !process.env.CI)('Bluesky channels against a real local PDS (run test/pds/setup.sh first)', () => {
  let pds: LocalPds;
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  const alice = () => pds.accounts[0]!;
  // An account whose own password happens to look like an app password: Herald must still refuse it.
  const carol = () => pds.accounts[1]!;

  beforeAll(async () => {
    pds = await startLocalPds([
      { handle: 'alice.test', password: 'alice-main-password', displayName: 'Alice on Bluesky' },
      { handle: 'carol.test', password: 'abcd-efgh-ijkl-mnop' },
    ]);
    h = await startTestHerald({ env: blueskyEnv(pds) });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Sky' })).body.id;
  });
  afterAll(async () => {
    await h?.close();
    await pds?.stop();
  });
  const db = () => h.herald.database.db;
  const deps = () => {
    const config = loadConfig({ HERALD_DATA_DIR: h.dataDir, ...blueskyEnv(pds) });
    const box = loadSecretBox(config, h.herald.logger);
    return { providers: createProviders(config, { db: db(), box }), box, publicOrigin: h.url, retentionDays: 30 };
  };
  const connect = (identifier: string, appPassword: string) => owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'bluesky', identifier, appPassword });
  const channelCount = async () => (await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body.items.length as number;
  const tokensOf = async (channelId: string) => {
    const [row] = await db().select().from(channels).where(eq(channels.id, channelId));
    const { box } = deps();
    return { access: box.open(row!.accessTokenSealed!, `channel:${channelId}:access`), refresh: box.open(row!.refreshTokenSealed!, `channel:${channelId}:refresh`) };
  };
  const xrpc = (nsid: string, token: string) => fetch(`${pds.pdsUrl}/xrpc/${nsid}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

  it('connects with a handle and an app password: PDS resolved, profile read from the repository, session sealed', async () => {
    const res = await connect(`@${alice().handle.toUpperCase()}`, alice().appPassword);
    expect(res.status).toBe(200);
    expect(res.body.authorizationUrl).toBeUndefined();
    expect(res.body.channel).toMatchObject({
      network: 'bluesky',
      externalId: alice().did,
      instance: pds.pdsUrl,
      username: 'alice.test',
      displayName: 'Alice on Bluesky',
      status: 'ok',
      scopesGranted: ['com.atproto.appPass'],
      missingFeatures: [],
    });
    expect(res.body.channel.avatarUrl).toContain(`${pds.pdsUrl}/xrpc/com.atproto.sync.getBlob?did=`);
    // The avatar is copied into Herald: the browser never asks the network for it.
    expect(res.body.channel.avatar).toMatch(new RegExp(`^/api/v1/workspaces/${workspaceId}/channels/${res.body.channel.id}/avatar\\?v=\\d+$`));
    const image = await owner.client.get(res.body.channel.avatar);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    const stranger = await signUp(h.url);
    expect((await stranger.client.get(res.body.channel.avatar)).status).toBe(404);
    const [row] = await db().select().from(channels).where(eq(channels.id, res.body.channel.id));
    expect(row!.limits).toMatchObject({ maxGraphemes: 300, maxImages: 4 });
    expect(row!.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now());

    const { access, refresh } = await tokensOf(res.body.channel.id);
    expect((await fetch(`${pds.pdsUrl}/xrpc/com.atproto.server.getSession`, { headers: { authorization: `Bearer ${access}` } })).status).toBe(200);
    const everything = [JSON.stringify(await db().execute(sql`select * from channels`)), JSON.stringify(await db().execute(sql`select * from audit_log`)), JSON.stringify(res.body), h.logs.join('\n')].join('\n');
    for (const secret of [access, refresh, alice().appPassword]) expect(everything).not.toContain(secret);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, res.body.channel.id), eq(auditLog.action, 'channel.connected')));
    expect(audits).toHaveLength(1);
  });

  it('reconnecting by DID updates the same channel', async () => {
    const before = await channelCount();
    const res = await connect(alice().did, alice().appPassword);
    expect(res.status).toBe(200);
    expect(await channelCount()).toBe(before);
  });

  it('refuses bad input with the field and the reason, and creates nothing', async () => {
    const before = await channelCount();
    const badHandle = await connect('alice', alice().appPassword);
    expect(badHandle.status).toBe(400);
    expect(badHandle.body.error.details.issues[0]).toMatchObject({ field: 'body.identifier' });
    const mainPassword = await connect(alice().handle, alice().password);
    expect(mainPassword.status).toBe(400);
    expect(mainPassword.body.error.details.issues[0]).toMatchObject({ field: 'body.appPassword', message: expect.stringMatching(/app password/) });
    const wrong = await connect(alice().handle, 'aaaa-bbbb-cccc-dddd');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'channel.credentials_rejected', message: 'Bluesky did not accept this handle and app password' });
    const unknown = await connect('nobody.test', alice().appPassword);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('No Bluesky account has the handle @nobody.test');
    // The account's own password in the shape of an app password: refused, and the session it opened is ended.
    const carolsOwn = await connect(carol().handle, carol().password);
    expect(carolsOwn.status).toBe(400);
    expect(carolsOwn.body.error.message).toMatch(/account password/);
    expect(await channelCount()).toBe(before);
    expect(JSON.stringify(await db().execute(sql`select * from channels`))).not.toContain(carol().did);
  });

  it('refreshes the session and keeps the newest refresh token', async () => {
    const [row] = await db().select().from(channels).where(eq(channels.externalId, alice().did));
    const before = await tokensOf(row!.id);
    expect(await refreshChannel(db(), deps(), row!.id)).toBe('refreshed');
    const after = await tokensOf(row!.id);
    expect(after.refresh).not.toBe(before.refresh);
    // (The access JWT can be byte-identical when issued within the same second: no jti.)
    expect((await fetch(`${pds.pdsUrl}/xrpc/com.atproto.server.getSession`, { headers: { authorization: `Bearer ${after.access}` } })).status).toBe(200);
  });

  it('checks the channel through the API: profile read again with the stored session', async () => {
    const [row] = await db().select().from(channels).where(eq(channels.externalId, alice().did));
    const res = await owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/${row!.id}/refresh`);
    expect(res.status).toBe(200);
    expect(res.body.channel).toMatchObject({ status: 'ok', username: 'alice.test' });
  });

  it('disconnects: the session is deleted at the PDS, the tokens here at once', async () => {
    const [row] = await db().select().from(channels).where(eq(channels.externalId, alice().did));
    const { refresh } = await tokensOf(row!.id);
    const res = await owner.client.delete(`/api/v1/workspaces/${workspaceId}/channels/${row!.id}`);
    expect(res.status).toBe(200);
    expect(res.body.revokedAtNetwork).toBe(true);
    const [after] = await db().select().from(channels).where(eq(channels.id, row!.id));
    expect(after).toMatchObject({ status: 'disconnected', accessTokenSealed: null, refreshTokenSealed: null, statusReason: null });
    // Cached profile data, the avatar copy included, goes after the retention period.
    expect(await purgeDisconnectedChannels(db(), new Date(Date.now() + 31 * 86_400_000))).toBe(1);
    expect((await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels/${row!.id}/avatar`)).status).toBe(404);
    expect(await db().select().from(channelAvatars)).toHaveLength(0);
    // The PDS no longer knows the session.
    const reuse = await xrpc('com.atproto.server.refreshSession', refresh);
    expect(reuse.status).toBe(400);
    expect(((await reuse.json()) as { error: string }).error).toMatch(/ExpiredToken|InvalidToken/);
  });
});
