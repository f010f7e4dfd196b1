import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createProviders } from '../../src/networks/server.ts';
import { loadConfig } from '../../src/server/config/config.ts';
import { channels } from '../../src/server/db/schema/index.ts';
import { noticeAccessEnding } from '../../src/server/modules/channel-tokens/index.ts';
import { loadSecretBox } from '../../src/server/security/encryption-keys.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';
import { connectMastodon, connectTikTok, fastEngineEnv, waitFor } from '../helpers/publishing.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.ts';
import { readZip } from '../helpers/zip.ts';

// The reasons Herald stores about a channel (why it is expiring, why it must be reconnected) and a
// webhook endpoint (why Herald turned it off) reach each reader in their language: the API by the
// request's Accept-Language, the export by the person's own choice. The English is what it was.

const nbsp = '\u00a0';
const french = { 'accept-language': 'fr-FR,fr;q=0.9' };
const english = { 'accept-language': 'en-GB,en;q=0.9' };
const DAY = 24 * 60 * 60 * 1000;
const dayIn = (date: Date, locale: string) => date.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

describe('stored reasons in the reader’s language', () => {
  let tiktok: TikTokFake;
  let mastodon: MastodonFake;
  let receiver: WebhookReceiver;
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let tiktokChannel: string;
  let mastodonChannel: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const db = () => h.herald.database.db;
  const deps = () => {
    const config = loadConfig({ HERALD_DATA_DIR: h.dataDir, ...tiktokEnv(tiktok) });
    const box = loadSecretBox(config, h.herald.logger);
    return { providers: createProviders(config, { db: db(), box }), box };
  };
  /** The TikTok channel as the channels list answers it in a language. */
  const listed = async (headers: Record<string, string>) => {
    const res = await owner.client.request('GET', api('/channels'), undefined, headers);
    expect(res.status).toBe(200);
    return res.body.items.find((c: { id: string }) => c.id === tiktokChannel) as { status: string; statusReason: string | null; statusReasonKey: string | null };
  };
  const storedReason = async () => (await db().select().from(channels).where(eq(channels.id, tiktokChannel)))[0]!.statusReason;

  beforeAll(async () => {
    tiktok = await startTikTokFake();
    mastodon = await startMastodonFake();
    receiver = await startWebhookReceiver();
    h = await startTestHerald({ env: { ...fastEngineEnv, ...tiktokEnv(tiktok), HERALD_WEBHOOKS_ALLOW_PRIVATE: 'true', HERALD_WEBHOOK_RETRY_SECONDS: '0.05,0.05,0.05,0.05,0.05,0.05,0.05' } });
    owner = await signUp(h.url, { name: 'Camille' });
    // Camille reads Herald in French: her notifications and her export are in French.
    expect((await owner.client.put('/api/v1/me/language', { language: 'fr' })).status).toBe(200);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Atelier' })).body.id;
    tiktokChannel = await connectTikTok(h, owner.client, workspaceId, tiktok);
    mastodonChannel = await connectMastodon(h, owner.client, workspaceId, mastodon);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await tiktok?.close();
    await mastodon?.close();
    await receiver?.close();
  });

  it('says why a channel is expiring in French to French and as before in English, on the channels list and the agency view', async () => {
    // A refresh token ending in five days (a Google app in Testing): the access-ending sweep notices it.
    const end = new Date(Date.now() + 5 * DAY);
    await db().update(channels).set({ accessTokenExpiresAt: new Date(Date.now() + 3_600_000), refreshTokenExpiresAt: end }).where(eq(channels.id, tiktokChannel));
    expect(await noticeAccessEnding(db(), deps())).toBe(1);

    const inEnglish = await listed(english);
    expect(inEnglish.status).toBe('expiring');
    const englishReason = `TikTok grants Herald access for a limited time and no refresh can extend it: it ends on ${dayIn(end, 'en-GB')} (UTC). Connect the account again before then to keep publishing; the channel and its posts stay.`;
    expect(inEnglish.statusReason).toBe(englishReason);
    expect(await storedReason()).toBe(englishReason);
    // No Accept-Language: English, as API clients always had it.
    expect((await owner.client.get(api('/channels'))).body.items.find((c: { id: string }) => c.id === tiktokChannel).statusReason).toBe(englishReason);

    const inFrench = await listed(french);
    expect(inFrench.statusReason).toBe(
      `TikTok n’accorde à Herald qu’un accès limité dans le temps, qu’aucun renouvellement ne peut prolonger${nbsp}: il prend fin le ${dayIn(end, 'fr')} (UTC). Reconnectez le compte avant cette date pour continuer à publier${nbsp}; le canal et ses publications sont conservés.`,
    );
    expect(inFrench.statusReasonKey).toBe('status:channel.accessEnds');
    expect(inEnglish.statusReasonKey).toBe('status:channel.accessEnds');

    const attention = async (headers: Record<string, string>) => {
      const res = await owner.client.request('GET', '/api/v1/me/attention', undefined, headers);
      expect(res.status).toBe(200);
      return res.body.workspaces[0].items.find((i: { channelId: string | null }) => i.channelId === tiktokChannel) as { kind: string; detail: string };
    };
    expect(await attention(english)).toMatchObject({ kind: 'channel_expiring', detail: 'Access expires soon: reconnect it' });
    expect(await attention(french)).toMatchObject({ kind: 'channel_expiring', detail: `L’accès expire bientôt${nbsp}: reconnectez le compte` });
  });

  it('says why a channel must be reconnected once its grant ended, in each language, without a server error', async () => {
    // LinkedIn's way: no refresh token, and the access token's date has passed. Checking the profile meets it.
    const ended = new Date(Date.now() - DAY);
    await db().update(channels).set({ refreshTokenSealed: null, refreshTokenExpiresAt: null, accessTokenExpiresAt: ended }).where(eq(channels.id, tiktokChannel));
    const check = await owner.client.request('POST', api(`/channels/${tiktokChannel}/refresh`), {}, { ...french, 'content-type': 'application/json' });
    expect(check.status).toBeGreaterThanOrEqual(400);
    expect(check.status).toBeLessThan(500);

    const inEnglish = await listed(english);
    expect(inEnglish.status).toBe('needs_reauth');
    expect(inEnglish.statusReason).toBe(
      `TikTok grants Herald access for a limited time and no refresh can extend it: it ended on ${dayIn(ended, 'en-GB')}. Connect the account again before then to keep publishing; the channel and its posts stay.`,
    );
    expect(await storedReason()).toBe(inEnglish.statusReason);
    const inFrench = await listed(french);
    expect(inFrench.statusReason).toBe(
      `TikTok n’accorde à Herald qu’un accès limité dans le temps, qu’aucun renouvellement ne peut prolonger${nbsp}: il a pris fin le ${dayIn(ended, 'fr')}. Reconnectez le compte pour continuer à publier${nbsp}; le canal et ses publications sont conservés.`,
    );
    expect(inFrench.statusReasonKey).toBe('status:channel.accessEnded');
    // The refusal of the check itself says the same words (the ProviderError's, through the AppError).
    expect(check.body.error).toMatchObject({ code: 'channel.needs_reauth', message: inFrench.statusReason });

    const attention = await owner.client.request('GET', '/api/v1/me/attention', undefined, french);
    const item = attention.body.workspaces[0].items.find((i: { channelId: string | null }) => i.channelId === tiktokChannel);
    expect(item).toMatchObject({ kind: 'channel_reconnect', detail: `Herald a perdu l’accès${nbsp}: reconnectez le compte` });
  });

  it('says why Herald turned a webhook endpoint off in the request’s language; turned on again, no reason is left', async () => {
    const created = await owner.client.post(api('/webhooks'), { url: `${receiver.base}/down`, events: ['post.scheduled'] });
    expect(created.status).toBe(201);
    const endpointId: string = created.body.id;
    receiver.answer('/down', [503]);
    // Two events, eight tries each: the fifteenth failure in a row turns it off.
    for (const text of ['Premier', 'Second']) {
      const post = await owner.client.post(api('/posts'), { content: { text }, channels: [{ channelId: mastodonChannel }], schedule: { mode: 'at', publishAt: new Date(Date.now() + DAY).toISOString(), timeZone: 'Europe/Paris' } });
      expect(post.status).toBe(201);
    }
    const endpoint = (headers: Record<string, string>) => owner.client.request('GET', api(`/webhooks/${endpointId}`), undefined, headers);
    const off = await waitFor(async () => {
      const res = await endpoint(english);
      return res.body.enabled === false ? res.body : null;
    });
    const failures = /^Turned off by Herald after (\d+) failed deliveries in a row$/.exec(off.disabledReason)?.[1];
    expect(Number(failures)).toBeGreaterThanOrEqual(15);
    const inFrench = await endpoint(french);
    expect(inFrench.body.disabledReason).toBe(`Désactivé par Herald après ${failures} envois en échec d’affilée`);
    const listedInFrench = await owner.client.request('GET', api('/webhooks'), undefined, french);
    expect(listedInFrench.body.items.find((e: { id: string }) => e.id === endpointId).disabledReason).toBe(inFrench.body.disabledReason);
    // Without Accept-Language: the English, unchanged.
    expect((await owner.client.get(api(`/webhooks/${endpointId}`))).body.disabledReason).toBe(off.disabledReason);

    // Camille's notification says the same reason in her language.
    const notes = await waitFor(async () => {
      const items = (await owner.client.get('/api/v1/notifications')).body.items as { kind: string; body: string }[];
      return items.find((n) => n.kind === 'webhook.disabled');
    });
    expect(notes.body).toContain(`Désactivé par Herald après ${failures} envois en échec d’affilée.`);

    receiver.answer('/down', [200]);
    const on = await owner.client.request('PATCH', api(`/webhooks/${endpointId}`), { enabled: true }, { ...french, 'content-type': 'application/json' });
    expect(on.body).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null });
  });

  it('writes notifications.json and the channels’ reasons of the export in the person’s language, the English beside them', async () => {
    const id = (await owner.client.post('/api/v1/me/exports')).body.id;
    await waitFor(async () => (await owner.client.get('/api/v1/me/exports')).body.items.find((e: { id: string; status: string }) => e.id === id && e.status === 'ready'), { what: 'the export' });
    const res = await fetch(new URL(`/api/v1/me/exports/${id}/download`, h.url), {
      headers: { origin: h.url, cookie: [...owner.client.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    const files = readZip(Buffer.from(await res.arrayBuffer()));
    const read = (name: string) => JSON.parse(files.get(name)!.toString('utf8'));

    type Exported = { kind: string; title: string; body: string; englishTitle: string; englishBody: string };
    const notes = read('notifications.json') as Exported[];
    const expiring = notes.find((n) => n.kind === 'channel.expiring')!;
    expect(expiring.title).toBe(`TikTok @herald.tester${nbsp}: à reconnecter d’ici une semaine`);
    expect(expiring.englishTitle).toBe('TikTok @herald.tester: connect it again within a week');
    expect(expiring.body).toMatch(/^TikTok n’accorde à Herald qu’un accès limité dans le temps/);
    expect(expiring.englishBody).toMatch(/^TikTok grants Herald access for a limited time/);
    const reconnect = notes.find((n) => n.kind === 'channel.needs_reauth')!;
    expect(reconnect.title).toBe('Reconnecter TikTok @herald.tester');
    expect(reconnect.englishTitle).toBe('Reconnect TikTok @herald.tester');
    const webhook = notes.find((n) => n.kind === 'webhook.disabled')!;
    expect(webhook.title).toBe('Point de terminaison de webhook désactivé');
    expect(webhook.englishTitle).toBe('Webhook endpoint turned off');
    expect(webhook.body).toContain('Désactivé par Herald après');
    expect(webhook.englishBody).toContain('Turned off by Herald after');

    const exported = (read('channels.json') as { id: string; statusReason: string | null; englishStatusReason: string | null }[]).find((c) => c.id === tiktokChannel)!;
    expect(exported.statusReason).toMatch(/^TikTok n’accorde à Herald .* il a pris fin le /);
    expect(exported.englishStatusReason).toBe(await storedReason());
  });
});
