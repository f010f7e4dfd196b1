import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlueskyPublisher } from '../../src/networks/bluesky/server/bluesky.publisher.ts';
import { createPublishers } from '../../src/networks/server.ts';
import { loadConfig } from '../../src/server/config/config.ts';
import { startFakeServer } from '../fakes/http.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';
import { linkedinEnv, startLinkedInFake } from '../fakes/linkedin/linkedin-fake.ts';

// The account's followers (Publisher.readAccount) where the conformance suite cannot show every
// case: Bluesky's AppView (the local PDS runs none), a YouTube channel hiding its count, and a
// TikTok grant without user.info.stats; a LinkedIn member, whose followers Herald cannot read.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-followers-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('Bluesky followers through app.bsky.actor.getProfile', () => {
  it('reads followersCount of the channel’s own DID; a rejected session is an auth failure; an answer without the count is null', async () => {
    const server = await startFakeServer((req) => {
      if (req.path !== '/xrpc/app.bsky.actor.getProfile') return { status: 404, body: { error: 'MethodNotImplemented' } };
      if (req.headers.authorization !== 'Bearer jwt-1') return { status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } };
      const actor = req.query.get('actor');
      if (actor === 'did:plc:abc') return { status: 200, body: { did: actor, handle: 'a.test', followersCount: 4_321, followsCount: 12, postsCount: 40 } };
      if (actor === 'did:plc:quiet') return { status: 200, body: { did: actor, handle: 'quiet.test' } };
      return { status: 400, body: { error: 'InvalidRequest', message: 'Profile not found' } };
    });
    try {
      const publisher = createBlueskyPublisher({ allowLocal: true });
      const ctx = { accessToken: 'jwt-1', instance: server.url, externalAccountId: 'did:plc:abc' };
      expect(await publisher.readAccount!(ctx)).toEqual({ followers: 4_321 });
      expect(await publisher.readAccount!({ ...ctx, externalAccountId: 'did:plc:quiet' })).toEqual({ followers: null });
      await expect(publisher.readAccount!({ ...ctx, accessToken: 'old' })).rejects.toMatchObject({ kind: 'auth' });
    } finally {
      await server.close();
    }
  });
});

describe('YouTube subscribers through channels.list statistics', () => {
  it('reads subscriberCount (a string); a hidden count is null', async () => {
    let hidden = false;
    const server = await startFakeServer((req) => {
      if (req.path !== '/youtube/v3/channels' || req.query.get('mine') !== 'true' || req.query.get('part') !== 'statistics') return { status: 400, body: { error: { code: 400, message: 'bad request' } } };
      const statistics = hidden ? { viewCount: '10', hiddenSubscriberCount: true, videoCount: '3' } : { viewCount: '10', subscriberCount: '1520', hiddenSubscriberCount: false, videoCount: '3' };
      return { status: 200, body: { kind: 'youtube#channelListResponse', items: [{ kind: 'youtube#channel', id: 'UCx', statistics }] } };
    });
    try {
      const config = loadConfig({ HERALD_DATA_DIR: dataDir, HERALD_YOUTUBE_CLIENT_ID: 'id', HERALD_YOUTUBE_CLIENT_SECRET: 'secret', HERALD_YOUTUBE_API_URL: `${server.url}/youtube/v3` });
      const publisher = createPublishers(config).youtube!;
      const ctx = { accessToken: 'ya29.token', instance: null, externalAccountId: 'UCx' };
      expect(await publisher.readAccount!(ctx)).toEqual({ followers: 1520 });
      hidden = true;
      expect(await publisher.readAccount!(ctx)).toEqual({ followers: null });
    } finally {
      await server.close();
    }
  });
});

describe('TikTok followers through user.info follower_count', () => {
  let tiktok: TikTokFake;
  beforeAll(async () => {
    tiktok = await startTikTokFake();
  });
  afterAll(async () => {
    await tiktok?.close();
  });

  it('reads follower_count with user.info.stats; without it the permission is named and the token is not taken for broken', async () => {
    const publisher = createPublishers(loadConfig({ HERALD_DATA_DIR: dataDir, ...tiktokEnv(tiktok) })).tiktok!;
    tiktok.setFollowers(98_765);
    const granted = tiktok.issueToken('tt-user-1', ['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.list']);
    expect(await publisher.readAccount!({ accessToken: granted, instance: null, externalAccountId: 'tt-user-1' })).toEqual({ followers: 98_765 });
    const withoutStats = tiktok.issueToken('tt-user-1', ['user.info.basic', 'user.info.profile', 'video.list']);
    await expect(publisher.readAccount!({ accessToken: withoutStats, instance: null, externalAccountId: 'tt-user-1' })).rejects.toMatchObject({ kind: 'scope', scope: 'user.info.stats' });
  });
});

describe('LinkedIn followers', () => {
  it("a member's channel has none to report, and LinkedIn is not asked", async () => {
    const linkedin = await startLinkedInFake();
    try {
      const publisher = createPublishers(loadConfig({ HERALD_DATA_DIR: dataDir, ...linkedinEnv(linkedin) })).linkedin!;
      const before = linkedin.requests.length;
      expect(await publisher.readAccount!({ accessToken: 'any', instance: null, externalAccountId: 'urn:li:person:abc123' })).toEqual({ followers: null });
      expect(linkedin.requests.length).toBe(before);
    } finally {
      await linkedin.close();
    }
  });
});
