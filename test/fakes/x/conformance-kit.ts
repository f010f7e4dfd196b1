import type { ConformanceKit, NetworkCall } from '../../conformance/network-conformance.ts';
import type { FakeRequest } from '../http.ts';
import { connectX } from './connect.ts';
import { problem, startXFake, xEnv } from './x-fake.ts';

const bearer = (req: FakeRequest) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

/** X for the conformance suite: the fake, connected through its consent page. */
export const xKit: ConformanceKit = {
  network: 'x',
  notApplicable: {
    missingScope: "X's consent covers the app's scopes as a whole: a person cannot take one back without revoking the app (the scope mapping is tested in x-publish.test.ts)",
  },
  async start() {
    const fake = await startXFake({ processingMs: 0 });
    const calls = (): NetworkCall[] => fake.requests.map((r) => ({ method: r.method, path: r.path, credentials: [r.body.refresh_token, bearer(r), r.body.token].filter((c): c is string => !!c) }));
    return {
      env: xEnv(fake),
      connect: (h, client, workspaceId) => connectX(h.url, client, workspaceId, fake),
      profile: { username: 'heraldtester', displayName: 'Herald Tester' },
      post: async (_h, _client, _workspaceId, text) => ({ content: { text } }),
      calls,
      kind(call) {
        if (call.method === 'POST' && call.path === '/2/tweets') return 'create';
        if (call.path === '/2/oauth2/revoke') return 'revoke';
        const request = fake.requests.find((r) => r.path === '/2/oauth2/token' && r.body.refresh_token && r.body.refresh_token === call.credentials[0]);
        return call.path === '/2/oauth2/token' && request?.body.grant_type === 'refresh_token' ? 'refresh' : 'other';
      },
      failNextCreate: (failure) => fake.failNextCreate(failure),
      serverError: { status: 503, body: problem(503, 'about:blank', 'Service Unavailable', 'Service Unavailable').body },
      rateLimited: (seconds) => {
        const reset = Math.ceil(Date.now() / 1000) + seconds;
        return {
          failure: { status: 429, headers: { 'content-type': 'application/problem+json', 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) }, body: problem(429, 'rate-limit-exceeded', 'Too Many Requests', 'Too Many Requests').body },
          waitMs: seconds * 1000,
        };
      },
      published: async (text) => fake.postsWithText(text).map((p) => p.id),
      rejectAccessToken: () => fake.expireAccessTokens(),
      refuseNextPost() {
        fake.refuseNextPost(400, 'invalid-request', 'Invalid Request', 'The Tweet contains an invalid URL.');
        return 'The Tweet contains an invalid URL.';
      },
      setNextPostId: (id) => fake.setNextPostId(id),
      async engage(externalId) {
        fake.engage(externalId, { impression_count: 1520, like_count: 87, reply_count: 9, retweet_count: 4, quote_count: 2, bookmark_count: 6 });
        return { views: 1520, likes: 87, comments: 9, shares: 4 };
      },
      async followers() {
        fake.setFollowers(20_481);
        return 20_481;
      },
      revokedAtNetwork: async () => fake.revocations.length > 0,
      close: () => fake.close(),
    };
  },
};
