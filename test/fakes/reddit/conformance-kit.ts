import type { ConformanceKit, NetworkCall } from '../../conformance/network-conformance.ts';
import type { FakeRequest } from '../http.ts';
import { connectReddit } from './connect.ts';
import { redditEnv, startRedditFake } from './reddit-fake.ts';

const bearer = (req: FakeRequest) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

/** Reddit for the conformance suite: the fake, connected through its consent page with every scope; text posts to r/HeraldTesting. */
export const redditKit: ConformanceKit = {
  network: 'reddit',
  notApplicable: {
    refresh: 'a permanent Reddit grant keeps its refresh token (a refresh answers the same one): nothing rotates; reddit-publish.test.ts checks that one refresh keeps the channel working',
    bigIds: 'Reddit names posts by base-36 fullnames (t3_…), strings in every answer, never JSON numbers; Herald keeps the fullname as the post id',
  },
  async start() {
    const fake = await startRedditFake({ processingMs: 100 });
    const user = fake.users[0]!;
    const calls = (): NetworkCall[] => fake.requests.map((r) => ({ method: r.method, path: r.path, credentials: [bearer(r), r.body.refresh_token, r.body.token].filter((c): c is string => !!c) }));
    return {
      env: redditEnv(fake),
      connect: (h, client, workspaceId) => connectReddit(h, client, workspaceId, fake),
      profile: { username: user.name, displayName: user.title ?? `u/${user.name}` },
      async post(_h, _client, _workspaceId, text) {
        return { content: { text }, settings: { subreddit: 'HeraldTesting', title: `Conformance: ${text.slice(0, 200)}` } };
      },
      calls,
      kind(call) {
        if (call.method === 'POST' && (call.path === '/api/submit' || call.path === '/api/submit_gallery_post.json')) return 'create';
        if (call.path === '/api/v1/revoke_token') return 'revoke';
        const request = fake.requests.find((r) => r.path === call.path && r.body.grant_type === 'refresh_token' && r.body.refresh_token === call.credentials[0]);
        return call.path === '/api/v1/access_token' && request ? 'refresh' : 'other';
      },
      failNextCreate: (failure) => fake.failNextSubmit(failure),
      serverError: { status: 500, body: { message: 'Internal Server Error', error: 500 } },
      rateLimited: (seconds) => ({
        failure: { status: 429, body: { message: 'Too Many Requests', error: 429 }, headers: { 'x-ratelimit-used': '1000', 'x-ratelimit-remaining': '0.0', 'x-ratelimit-reset': String(seconds) } },
        waitMs: seconds * 1000,
      }),
      published: async (text) => fake.posts().filter((p) => p.selftext === text).map((p) => p.name),
      rejectAccessToken: () => fake.expireAccessTokens(),
      withdrawScope() {
        fake.withdrawScope('submit');
        return 'submit';
      },
      refuseNextPost() {
        fake.refuseNextSubmit('SUBREDDIT_NOTALLOWED', "you aren't allowed to post there.", 'sr');
        return "you aren't allowed to post there.";
      },
      async engage(externalId) {
        fake.engage(externalId, { score: 57, ups: 61, upvoteRatio: 0.94, numComments: 12, numCrossposts: 2 });
        return { likes: 61, comments: 12, shares: 2 };
      },
      revokedAtNetwork: async () => fake.revocations.some((r) => r.status === 204 && r.hint === 'refresh_token' && fake.tokens().some((t) => t.refreshToken === r.token && t.revoked)),
      close: () => fake.close(),
    };
  },
};
