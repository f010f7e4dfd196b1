import type { ConformanceKit, NetworkCall } from '../../conformance/network-conformance.ts';
import { connectMastodon } from '../../helpers/publishing.ts';
import { startMastodonFake } from './mastodon-fake.ts';

/** Mastodon for the conformance suite: the fake instance, connected through its consent page. */
export const mastodonKit: ConformanceKit = {
  network: 'mastodon',
  notApplicable: {
    refresh: 'Mastodon tokens do not expire and come without a refresh token',
    auth401: 'Mastodon has no refresh: a rejected token means the account must be connected again',
    missingScope: 'Mastodon grants every scope asked for or none (its consent page has no per-scope choice)',
  },
  async start() {
    const fake = await startMastodonFake();
    const calls = (): NetworkCall[] =>
      fake.requests.map((r) => ({ method: r.method, path: r.path, credentials: [/^Bearer (.+)$/.exec(r.headers.authorization ?? '')?.[1], r.body.token].filter((c): c is string => !!c) }));
    return {
      env: {},
      connect: (h, client, workspaceId) => connectMastodon(h, client, workspaceId, fake),
      profile: { username: `herald@${fake.domain}`, displayName: 'Herald on Mastodon' },
      post: async (_h, _client, _workspaceId, text) => ({ content: { text } }),
      calls,
      kind: (call) => (call.method === 'POST' && call.path === '/api/v1/statuses' ? 'create' : call.path === '/oauth/revoke' ? 'revoke' : 'other'),
      failNextCreate: (failure) => fake.failNext('/api/v1/statuses', failure),
      serverError: { status: 503, body: { error: 'Service Unavailable' } },
      // Mastodon sends no Retry-After, not even on a 429: X-RateLimit-Reset (ISO 8601) says when.
      rateLimited(seconds) {
        const reset = new Date(Date.now() + seconds * 1000);
        return {
          failure: { status: 429, body: { error: 'Too many requests' }, headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset.toISOString().replace('Z', '000Z') } },
          waitMs: seconds * 1000,
        };
      },
      published: async (text) => fake.statuses.filter((s) => s.text === text && !s.deletedAt).map((s) => s.id),
      refuseNextPost() {
        fake.failNext('/api/v1/statuses', { status: 422, body: { error: 'Validation failed: Text character limit of 500 exceeded' } });
        return 'Text character limit of 500 exceeded';
      },
      setNextPostId: (id) => fake.setNextStatusId(id),
      async engage(externalId) {
        fake.engage(externalId, { favourites: 12, reblogs: 3 });
        return { likes: 12, shares: 3 };
      },
      async followers() {
        fake.setFollowers(1_234);
        return 1_234;
      },
      revokedAtNetwork: async () => fake.revocations.length > 0,
      close: () => fake.close(),
    };
  },
};
