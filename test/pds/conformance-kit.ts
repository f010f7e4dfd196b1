import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { channels } from '../../src/server/db/schema/index.ts';
import type { ConformanceKit, NetworkCall } from '../conformance/network-conformance.ts';
import { startFaultProxy } from './fault-proxy.ts';
import { blueskyEnv, pdsAvailable, startLocalPds } from './pds.ts';

const createRecord = '/xrpc/com.atproto.repo.createRecord';

/**
 * Bluesky for the conformance suite: the real local PDS, reached through a fault-injecting proxy.
 * Signing in goes to the PDS the account's DID document names; the channel is then pointed at the
 * proxy, so every later call (refresh, publish, checks, revoke) passes through it.
 */
export const blueskyKit: ConformanceKit = {
  network: 'bluesky',
  unavailable: pdsAvailable() || process.env.CI ? null : 'the local PDS is not installed: run test/pds/setup.sh',
  notApplicable: {
    missingScope: 'an app password carries no per-feature scopes',
    metrics: 'counters come from the AppView (app.bsky.feed.getPosts), which the local PDS does not run; analytics.test.ts covers it',
    followers: 'followers come from the AppView (app.bsky.actor.getProfile), which the local PDS does not run; followers.test.ts covers it',
    bigIds: 'Bluesky ids are AT URIs with base32 record keys: no numbers to round',
  },
  async start() {
    const pds = await startLocalPds([{ handle: 'conformance.test', password: 'conformance-main-password', displayName: 'Conformance' }]);
    const proxy = await startFaultProxy(pds.pdsUrl);
    const account = pds.accounts[0]!;
    const calls = (): NetworkCall[] => proxy.requests.map((r) => ({ method: r.method, path: r.path, credentials: [/^Bearer (.+)$/.exec(r.headers.authorization ?? '')?.[1]].filter((c): c is string => !!c) }));
    const listRecords = async () => {
      const res = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.repo.listRecords?${new URLSearchParams({ repo: account.did, collection: 'app.bsky.feed.post', limit: '100' })}`);
      return ((await res.json()) as { records: { uri: string; value: { text: string } }[] }).records;
    };
    return {
      env: blueskyEnv(pds),
      async connect(h, client, workspaceId) {
        const res = await client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'bluesky', identifier: account.handle, appPassword: account.appPassword });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const channelId = res.body.channel.id as string;
        await h.herald.database.db.update(channels).set({ instance: proxy.url }).where(eq(channels.id, channelId));
        return channelId;
      },
      profile: { username: account.handle, displayName: 'Conformance' },
      post: async (_h, _client, _workspaceId, text) => ({ content: { text } }),
      calls,
      kind: (call) => (call.path === createRecord ? 'create' : call.path.endsWith('refreshSession') ? 'refresh' : call.path.endsWith('deleteSession') ? 'revoke' : 'other'),
      failNextCreate: (failure) => proxy.failNext(createRecord, failure),
      serverError: { status: 500, body: { error: 'InternalServerError', message: 'Internal Server Error' } },
      // The PDS says when the window resets (RateLimit-Reset, epoch seconds), as atproto's limiter does.
      rateLimited(seconds) {
        const reset = Math.ceil(Date.now() / 1000) + seconds;
        return {
          failure: { status: 429, body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, headers: { 'ratelimit-limit': '5000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset) } },
          waitMs: reset * 1000 - Date.now() - 1000,
        };
      },
      published: async (text) => (await listRecords()).filter((r) => r.value.text === text).map((r) => r.uri),
      // The PDS's answer to an access JWT past its expiry.
      rejectAccessToken: () => proxy.failNext(createRecord, { status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } }),
      refuseNextPost() {
        proxy.failNext(createRecord, { status: 400, body: { error: 'InvalidRequest', message: 'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes' } });
        return 'must not be longer than 300 graphemes';
      },
      async revokedAtNetwork() {
        const revoke = calls().find((c) => c.path.endsWith('deleteSession'));
        if (!revoke) return false;
        const res = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.server.refreshSession`, { method: 'POST', headers: { authorization: `Bearer ${revoke.credentials[0]}` } });
        return res.status === 400 || res.status === 401;
      },
      async close() {
        await proxy.close();
        await pds.stop();
      },
    };
  },
};
