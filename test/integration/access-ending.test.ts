import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProviders } from '../../src/networks/server.ts';
import { loadConfig } from '../../src/server/config/config.ts';
import { auditLog, channels } from '../../src/server/db/schema/index.ts';
import { noticeAccessEnding, withChannelToken } from '../../src/server/modules/channel-tokens/index.ts';
import { loadSecretBox } from '../../src/server/security/encryption-keys.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

// Grants that end on a date no refresh moves (LinkedIn's 60-day tokens without a refresh token, a
// Google app in Testing whose refresh tokens stop after 7 days): a week's notice, once, then a
// clear reason when the date has passed, and a reconnect that keeps the channel. Shown here with
// TikTok's fake, whose rows are set up as those networks leave them.
describe('access that ends on a date', () => {
  let tiktok: TikTokFake;
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  const DAY = 24 * 60 * 60 * 1000;

  beforeAll(async () => {
    tiktok = await startTikTokFake();
    h = await startTestHerald({ env: tiktokEnv(tiktok) });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Agency' })).body.id;
    channelId = await connect();
  });
  afterAll(async () => {
    await h?.close();
    await tiktok?.close();
  });
  const db = () => h.herald.database.db;
  const deps = () => {
    const config = loadConfig({ HERALD_DATA_DIR: h.dataDir, ...tiktokEnv(tiktok) });
    return { providers: createProviders(config, { db: db(), box: loadSecretBox(config, h.herald.logger) }), box: loadSecretBox(config, h.herald.logger) };
  };
  async function connect(): Promise<string> {
    const start = await owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'tiktok' });
    const back = await owner.client.get(tiktok.authorize(start.body.authorizationUrl).replace(/^https?:\/\/[^/]+/, ''));
    return new URL(back.headers.get('location')!, h.url).searchParams.get('connected')!;
  }
  const channel = async () => (await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body.items.find((c: { id: string }) => c.id === channelId);
  const notices = async () => ((await owner.client.get('/api/v1/notifications')).body.items as { kind: string; title: string; body: string }[]).filter((n) => n.kind === 'channel.expiring');
  const setGrant = (values: Partial<typeof channels.$inferInsert>) => db().update(channels).set({ status: 'ok', statusReason: null, ...values }).where(eq(channels.id, channelId));

  it('leaves alone grants a refresh renews: a refresh token that lives as long as the access token, or one far away', async () => {
    const soon = new Date(Date.now() + 3 * DAY);
    await setGrant({ accessTokenExpiresAt: soon, refreshTokenExpiresAt: soon });
    expect(await noticeAccessEnding(db(), deps())).toBe(0);
    await setGrant({ accessTokenExpiresAt: new Date(Date.now() + DAY), refreshTokenExpiresAt: new Date(Date.now() + 300 * DAY) });
    expect(await noticeAccessEnding(db(), deps())).toBe(0);
    expect((await channel()).status).toBe('ok');
  });

  it('a refresh token ending within a week (a Google app in Testing) turns the channel expiring, with the date, notified once', async () => {
    await setGrant({ accessTokenExpiresAt: new Date(Date.now() + 60 * 60 * 1000), refreshTokenExpiresAt: new Date(Date.now() + 5 * DAY) });
    expect(await noticeAccessEnding(db(), deps())).toBe(1);
    expect(await noticeAccessEnding(db(), deps())).toBe(0);
    const row = await channel();
    expect(row.status).toBe('expiring');
    expect(row.statusReason).toMatch(/^TikTok grants Herald access for a limited time and no refresh can extend it: it ends on \d+ \w+ \d{4} \(UTC\)\. Connect the account again/);
    const sent = await notices();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.title).toMatch(/connect it again within a week/);
    expect(sent[0]!.body).toBe(row.statusReason);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, channelId), eq(auditLog.action, 'channel.expiring')));
    expect(audits).toHaveLength(1);
  });

  it('an access token with no refresh token ending within a week (LinkedIn) turns it expiring; once ended, a call is refused with the date, not a bare 401', async () => {
    await setGrant({ refreshTokenSealed: null, refreshTokenExpiresAt: null, accessTokenExpiresAt: new Date(Date.now() + 6 * DAY) });
    expect(await noticeAccessEnding(db(), deps())).toBe(1);
    expect((await channel()).status).toBe('expiring');

    await db().update(channels).set({ accessTokenExpiresAt: new Date(Date.now() - 1000) }).where(eq(channels.id, channelId));
    let networkCalls = 0;
    const refused = await withChannelToken(db(), deps(), channelId, async () => {
      networkCalls += 1;
      return 'sent';
    }).catch((e: unknown) => e as Error);
    expect(networkCalls).toBe(0);
    expect((refused as Error).message).toMatch(/it ended on \d+ \w+ \d{4}/);
    const row = await channel();
    expect(row.status).toBe('needs_reauth');
    expect(row.statusReason).toMatch(/ended on/);
  });

  it('reconnecting the same account keeps the channel (no duplicate) and makes it healthy again', async () => {
    const before = (await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body.items.length;
    expect(await connect()).toBe(channelId);
    expect((await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body.items).toHaveLength(before);
    expect(await channel()).toMatchObject({ status: 'ok', statusReason: null });
    expect(await noticeAccessEnding(db(), deps())).toBe(0);
  });
});
