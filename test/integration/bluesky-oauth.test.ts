import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { oauthClientMetadataSchema } from '@atproto/oauth-client-node';
import { channels } from '../../src/server/db/schema/index.ts';
import { refreshChannel } from '../../src/server/modules/channel-tokens/index.ts';
import { createProviders } from '../../src/networks/server.ts';
import { createBlueskyPublisher } from '../../src/networks/bluesky/server/bluesky.publisher.ts';
import { clientIdentity, clientMetadataDocument } from '../../src/networks/bluesky/server/oauth/client-identity.ts';
import { unpackAccess, unpackRefresh } from '../../src/networks/bluesky/server/oauth/session-tokens.ts';
import { dpopProof } from '../../src/networks/bluesky/server/oauth/dpop.ts';
import { loadSecretBox } from '../../src/server/security/encryption-keys.ts';
import { loadConfig } from '../../src/server/config/config.ts';
import type { PublishContext, PublishJournal } from '../../src/server/providers/publishing.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { fastEngineEnv, waitForPost } from '../helpers/publishing.ts';
import { blueskyEnv, pdsAvailable, startLocalPds, type LocalPds } from '../pds/pds.ts';
import { consentAtPds } from '../pds/oauth-sign-in.ts';

// atproto OAuth against the reference PDS's own authorization server on loopback (test/pds):
// Herald is the spec's loopback client (its public URL is http://127.0.0.1:…), the person signs in
// and consents through the provider's sign-in API, and every later call is DPoP-bound.
describe.skipIf(!pdsAvailable() && !process.env.CI)('Bluesky through atproto OAuth against a real local PDS (run test/pds/setup.sh first)', () => {
  let pds: LocalPds;
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  const alice = () => pds.accounts[0]!;
  const bob = () => pds.accounts[1]!;

  beforeAll(async () => {
    pds = await startLocalPds([
      { handle: 'alice.test', password: 'alice-main-password', displayName: 'Alice on Bluesky' },
      { handle: 'bob.test', password: 'bob-main-password' },
    ]);
    h = await startTestHerald({ env: { ...fastEngineEnv, ...blueskyEnv(pds) } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Sky' })).body.id;
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await pds?.stop();
  });
  const db = () => h.herald.database.db;
  const deps = () => {
    const config = loadConfig({ HERALD_DATA_DIR: h.dataDir, HERALD_PUBLIC_URL: h.url, ...blueskyEnv(pds) });
    const box = loadSecretBox(config, h.herald.logger);
    return { providers: createProviders(config, { db: db(), box }), box, publicOrigin: h.url, retentionDays: 30 };
  };
  const tokensOf = async (channelId: string) => {
    const [row] = await db().select().from(channels).where(eq(channels.id, channelId));
    const { box } = deps();
    return { access: box.open(row!.accessTokenSealed!, `channel:${channelId}:access`), refresh: box.open(row!.refreshTokenSealed!, `channel:${channelId}:refresh`), row: row! };
  };
  const startConnect = (identifier: string) => owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'bluesky', identifier });
  /** The browser's return to Herald's callback, with the answer the PDS's page gave. */
  const callback = (target: URL) => owner.client.get(`${target.pathname}${target.search}`);
  /** A DPoP-bound call with a stored session, made here without Herald (nonce retry included). */
  async function callPds(packedAccess: string, nsid: string) {
    const { token, key } = unpackAccess(packedAccess)!;
    const url = `${pds.pdsUrl}/xrpc/${nsid}`;
    let nonce: string | null = null;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response: Response = await fetch(url, { headers: { authorization: `DPoP ${token}`, dpop: dpopProof(key, { method: 'GET', url, nonce, accessToken: token }) } });
      nonce = response.headers.get('dpop-nonce');
      if (response.status === 401 && /use_dpop_nonce/.test(response.headers.get('www-authenticate') ?? '') && attempt === 0) continue;
      return response;
    }
    throw new Error('unreachable');
  }

  let channelId: string;

  it('connects through the PDS’s own sign-in page: DID, handle and granted scopes recorded, DPoP key sealed with the tokens', async () => {
    const started = await startConnect(`@${alice().handle}`);
    expect(started.status).toBe(200);
    const authorizationUrl = new URL(started.body.authorizationUrl);
    // PAR: only the client id and the pushed request's URI travel through the browser.
    expect(authorizationUrl.origin).toBe(pds.pdsUrl);
    expect([...authorizationUrl.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
    expect(authorizationUrl.searchParams.get('client_id')).toMatch(/^http:\/\/localhost\?/);

    const target = await consentAtPds(authorizationUrl.toString(), { username: alice().handle, password: alice().password });
    expect(`${target.origin}${target.pathname}`).toBe(`${h.url}/api/v1/oauth/callback/bluesky`);
    expect(target.searchParams.get('iss')).toBe(pds.pdsUrl);
    const back = await callback(target);
    expect(back.status).toBe(302);
    const connected = new URL(back.headers.get('location')!, h.url);
    expect(connected.pathname).toBe(`/w/${workspaceId}/channels`);
    channelId = connected.searchParams.get('connected')!;
    expect(channelId).toBeTruthy();

    const list = await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`);
    const channel = list.body.items.find((c: { id: string }) => c.id === channelId);
    expect(channel).toMatchObject({
      network: 'bluesky',
      externalId: alice().did,
      instance: pds.pdsUrl,
      username: 'alice.test',
      displayName: 'Alice on Bluesky',
      status: 'ok',
      scopesGranted: ['atproto', 'transition:generic'],
      missingFeatures: [],
    });

    const { access, refresh, row } = await tokensOf(channelId);
    const accessSession = unpackAccess(access)!;
    const refreshSession = unpackRefresh(refresh)!;
    expect(accessSession.key.d).toBeTruthy();
    expect(refreshSession).toMatchObject({ issuer: pds.pdsUrl, sub: alice().did });
    expect(row.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    // Public clients' sessions end two weeks after they began, refreshes or not.
    expect(row.refreshTokenExpiresAt!.getTime() - refreshSession.since).toBe(14 * 24 * 60 * 60 * 1000);
    // The token is bound to Herald's key: as a Bearer token it is refused, with its DPoP proof it works.
    const asBearer = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.server.getSession`, { headers: { authorization: `Bearer ${accessSession.token}` } });
    expect([400, 401]).toContain(asBearer.status);
    const session = await callPds(access, 'com.atproto.server.getSession');
    expect(session.status).toBe(200);
    expect(((await session.json()) as { did: string }).did).toBe(alice().did);
    // Neither token nor key in the database unsealed, the logs, or the API's answers.
    const everything = [JSON.stringify(await db().execute(sql`select * from channels`)), JSON.stringify(await db().execute(sql`select * from oauth_states`)), JSON.stringify(list.body), h.logs.join('\n')].join('\n');
    for (const secret of [accessSession.token, refreshSession.token, accessSession.key.d]) expect(everything).not.toContain(secret);
  });

  it('publishes with the OAuth channel: DPoP on every PDS call, the record exists on the PDS', async () => {
    const { access, row } = await tokensOf(channelId);
    const publisher = createBlueskyPublisher({ allowLocal: true });
    let progress: Record<string, unknown> = {};
    const journal: PublishJournal = {
      progress,
      async beforeCreate() {},
      async afterCreate(_step, _response, next) {
        progress = next;
      },
      async saveProgress(next) {
        progress = next;
      },
      log() {},
    };
    const ctx = {
      accessToken: access,
      instance: row.instance,
      externalAccountId: alice().did,
      username: 'alice.test',
      limits: {},
      parts: [{ text: 'Sent with atproto OAuth and DPoP', media: [] }],
      firstComment: null,
      settings: {},
      journal,
    } as unknown as PublishContext;
    const result = await publisher.publish(ctx);
    expect(result).toMatchObject({ status: 'published' });
    const uri = (result as { externalId: string }).externalId;
    const [, , repo, collection, rkey] = uri.split('/');
    const record = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.repo.getRecord?${new URLSearchParams({ repo: repo!, collection: collection!, rkey: rkey! })}`);
    expect(record.status).toBe(200);
    expect(((await record.json()) as { value: { text: string } }).value.text).toBe('Sent with atproto OAuth and DPoP');
  });

  it('publishes a post through Herald’s engine with the OAuth channel (the channel’s token as the engine reads it)', async () => {
    const created = await owner.client.post(`/api/v1/workspaces/${workspaceId}/posts`, {
      content: { text: 'Scheduled through Herald, signed with DPoP' },
      channels: [{ channelId }],
      schedule: { mode: 'now' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, created.body.id, (p) => p.deliveries.every((d: { state: string }) => ['published', 'failed', 'unconfirmed'].includes(d.state)), 40_000);
    const delivery = done.deliveries[0];
    expect(delivery.state, JSON.stringify(delivery)).toBe('published');
    const rkey = String(delivery.externalId).split('/').at(-1)!;
    const record = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.repo.getRecord?${new URLSearchParams({ repo: alice().did, collection: 'app.bsky.feed.post', rkey })}`);
    expect(((await record.json()) as { value: { text: string } }).value.text).toBe('Scheduled through Herald, signed with DPoP');
  });

  it('refreshes once when two ask at the same time, and keeps the rotated refresh token', async () => {
    const before = await tokensOf(channelId);
    // Two callers, each with its own providers (as two requests would have), counting the refreshes sent.
    let sent = 0;
    const counting = () => {
      const d = deps();
      const provider = d.providers.bluesky!;
      const refresh = provider.refresh!.bind(provider);
      provider.refresh = async (...args) => {
        sent += 1;
        return refresh(...args);
      };
      return d;
    };
    const replacing = before.row.accessTokenSealed;
    const outcomes = await Promise.all([refreshChannel(db(), counting(), channelId, { replacing }), refreshChannel(db(), counting(), channelId, { replacing })]);
    expect(sent).toBe(1);
    for (const outcome of outcomes) expect(['refreshed', 'fresh']).toContain(outcome);
    const after = await tokensOf(channelId);
    const oldRefresh = unpackRefresh(before.refresh)!;
    const newRefresh = unpackRefresh(after.refresh)!;
    expect(newRefresh.token).not.toBe(oldRefresh.token);
    // The session keeps its key and its start; only the tokens rotate.
    expect(newRefresh.key).toEqual(oldRefresh.key);
    expect(newRefresh.since).toBe(oldRefresh.since);
    expect(unpackAccess(after.access)!.token).not.toBe(unpackAccess(before.access)!.token);
    expect((await callPds(after.access, 'com.atproto.server.getSession')).status).toBe(200);
    // A second refresh with the rotated token works (the stored one is the newest).
    expect(await refreshChannel(db(), deps(), channelId)).toBe('refreshed');
  });

  it('disconnect revokes the session at the authorization server: the old tokens are refused afterwards', async () => {
    const { access, refresh } = await tokensOf(channelId);
    expect((await callPds(access, 'com.atproto.server.getSession')).status).toBe(200);
    const res = await owner.client.delete(`/api/v1/workspaces/${workspaceId}/channels/${channelId}`);
    expect(res.status).toBe(200);
    expect(res.body.revokedAtNetwork).toBe(true);
    expect((await callPds(access, 'com.atproto.server.getSession')).status).toBe(401);
    // The refresh token is dead too: the provider's refresh is refused as an ended session.
    const provider = deps().providers.bluesky!;
    await expect(provider.refresh!(refresh, pds.pdsUrl)).rejects.toMatchObject({ kind: 'auth' });
  });

  it('refuses a sign-in as another account than the one named, and ends that session', async () => {
    const before = (await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body.items.length as number;
    const started = await startConnect(alice().handle);
    const target = await consentAtPds(started.body.authorizationUrl, { username: bob().handle, password: bob().password });
    const back = await callback(target);
    expect(back.status).toBe(302);
    const location = new URL(back.headers.get('location')!, h.url);
    expect(location.searchParams.get('error')).toBe('channel.connect_failed');
    expect(location.searchParams.get('message')).toMatch(/another account/);
    expect((await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`)).body.items.length).toBe(before);
    expect(JSON.stringify(await db().execute(sql`select * from channels`))).not.toContain(bob().did);
  });

  it('refuses a callback whose iss is another server, and one refused at the PDS', async () => {
    const started = await startConnect(alice().did);
    const target = await consentAtPds(started.body.authorizationUrl, { username: alice().handle, password: alice().password });
    target.searchParams.set('iss', 'https://evil.example');
    const forged = new URL((await callback(target)).headers.get('location')!, h.url);
    expect(forged.searchParams.get('message')).toMatch(/another server/);

    const again = await startConnect(alice().handle);
    const rejected = await consentAtPds(again.body.authorizationUrl, { username: alice().handle, password: alice().password }, { reject: true });
    const refused = new URL((await callback(rejected)).headers.get('location')!, h.url);
    expect(refused.searchParams.get('error')).toBe('channel.consent_denied');
  });

  it('connects from the server address alone (no handle): the account is whoever signs in', async () => {
    const started = await startConnect(pds.pdsUrl);
    expect(started.status).toBe(200);
    const target = await consentAtPds(started.body.authorizationUrl, { username: bob().handle, password: bob().password });
    const back = await callback(target);
    const id = new URL(back.headers.get('location')!, h.url).searchParams.get('connected');
    expect(id).toBeTruthy();
    const list = await owner.client.get(`/api/v1/workspaces/${workspaceId}/channels`);
    expect(list.body.items.find((c: { id: string }) => c.id === id)).toMatchObject({ externalId: bob().did, username: 'bob.test', instance: pds.pdsUrl });
  });

  it('refuses what is neither a handle, a DID nor a server address, naming the field', async () => {
    for (const identifier of ['alice', 'ftp://pds.example', '']) {
      const res = await startConnect(identifier);
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0]).toMatchObject({ field: 'body.identifier' });
    }
  });

  it('keeps app passwords as the fallback on the same Herald', async () => {
    const created = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.server.createSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: alice().did, password: alice().appPassword }),
    });
    expect(created.status).toBe(200);
    const res = await owner.client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'bluesky', identifier: alice().handle, appPassword: alice().appPassword });
    expect(res.status).toBe(200);
    expect(res.body.channel).toMatchObject({ externalId: alice().did, scopesGranted: ['com.atproto.appPass'] });
    const networks = await owner.client.get('/api/v1/networks');
    expect(networks.body.items.find((n: { id: string }) => n.id === 'bluesky')).toMatchObject({ connect: 'oauth', scopes: ['atproto', 'transition:generic', 'com.atproto.appPass'] });
  });

  it('serves no client metadata document on a loopback Herald (the server derives it from the client id)', async () => {
    expect((await fetch(`${h.url}/api/v1/networks/bluesky/oauth/client-metadata.json`)).status).toBe(404);
  });
});

describe('Bluesky OAuth client identity', () => {
  it('an https Herald serves its client metadata document at its client_id, and it validates', async () => {
    const h = await startTestHerald({ env: { HERALD_PUBLIC_URL: 'https://herald.example.org', HERALD_SECRET: crypto.randomBytes(32).toString('base64url') } });
    try {
      const res = await fetch(`${h.url}/api/v1/networks/bluesky/oauth/client-metadata.json`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const document = oauthClientMetadataSchema.parse(await res.json());
      expect(document).toMatchObject({ client_id: 'https://herald.example.org/api/v1/networks/bluesky/oauth/client-metadata.json', redirect_uris: ['https://herald.example.org/api/v1/oauth/callback/bluesky'], dpop_bound_access_tokens: true });
      // Other networks have no such document.
      expect((await fetch(`${h.url}/api/v1/networks/mastodon/oauth/client-metadata.json`)).status).toBe(404);
    } finally {
      await h.close();
    }
  });


  it('an https Herald is a discoverable public client whose metadata document validates', () => {
    const identity = clientIdentity('https://herald.example.org');
    expect(identity).toMatchObject({ kind: 'discoverable', clientId: 'https://herald.example.org/api/v1/networks/bluesky/oauth/client-metadata.json' });
    if (identity.kind === 'none') throw new Error('expected a client');
    const document = clientMetadataDocument(identity);
    const parsed = oauthClientMetadataSchema.parse(document);
    expect(parsed).toMatchObject({
      client_id: identity.clientId,
      redirect_uris: ['https://herald.example.org/api/v1/oauth/callback/bluesky'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      scope: 'atproto transition:generic',
      token_endpoint_auth_method: 'none',
      dpop_bound_access_tokens: true,
      application_type: 'web',
    });
  });

  it('a loopback Herald is the spec’s loopback client; plain http elsewhere (or localhost) falls back to app passwords', () => {
    const loopback = clientIdentity('http://127.0.0.1:8080');
    expect(loopback).toMatchObject({ kind: 'loopback', redirectUri: 'http://127.0.0.1:8080/api/v1/oauth/callback/bluesky' });
    const id = new URL((loopback as { clientId: string }).clientId);
    expect(id.origin).toBe('http://localhost');
    expect(id.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:8080/api/v1/oauth/callback/bluesky');
    expect(id.searchParams.get('scope')).toBe('atproto transition:generic');
    expect(clientIdentity('http://herald.lan:8080')).toMatchObject({ kind: 'none' });
    expect(clientIdentity('http://localhost:8080')).toMatchObject({ kind: 'none', reason: expect.stringMatching(/127\.0\.0\.1/) });
  });
});
