import type { ConformanceKit, NetworkCall } from '../../conformance/network-conformance.ts';
import type { FakeRequest } from '../http.ts';
import { connectThreads } from './connect.ts';
import { startThreadsFake, threadsEnv } from './threads-fake.ts';

const credentialsOf = (req: FakeRequest) => [req.query.get('access_token'), req.body.access_token].filter((c): c is string => !!c);

/** Threads for the conformance suite: the fake, connected through its authorization window with every permission. */
export const threadsKit: ConformanceKit = {
  network: 'threads',
  notApplicable: {
    revoke: 'Threads has no endpoint to end an app’s access: disconnecting deletes the token at once (the descriptor’s noRevoke sentence says so on the dialog)',
    auth401: 'Threads renews only a token it still accepts (th_refresh_token refuses an expired or invalidated one), so a rejected token is never refreshed: the channel asks for a reconnect (threads-publish.test.ts)',
  },
  async start() {
    // The 24 h refresh rule is switched off on both sides: the suite refreshes a token just issued.
    const fake = await startThreadsFake({ refreshMinAgeMs: 0 });
    const user = fake.users[0]!;
    const calls = (): NetworkCall[] => fake.requests.map((r) => ({ method: r.method, path: r.path, credentials: credentialsOf(r) }));
    return {
      env: { ...threadsEnv(fake), HERALD_THREADS_REFRESH_MIN_AGE_HOURS: '0' },
      connect: (h, client, workspaceId) => connectThreads(h, client, workspaceId, fake),
      profile: { username: user.username, displayName: user.name },
      // Text posts: media pulled by URL are covered by threads-publish.test.ts.
      post: async (_h, _client, _workspaceId, text) => ({ content: { text } }),
      calls,
      kind(call) {
        if (call.path.endsWith('/threads_publish')) return 'create';
        if (call.path === '/refresh_access_token') return 'refresh';
        return 'other';
      },
      failNextCreate: (failure) => fake.failNextPublish(user.id, failure),
      serverError: { status: 500, body: { error: { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1, is_transient: true, fbtrace_id: 'CONFORMANCE' } } },
      // Meta's throttle: code 4 without usage headers (Threads sends none), which Herald waits out for an hour.
      rateLimited: () => ({
        failure: { status: 400, body: { error: { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, is_transient: true, fbtrace_id: 'CONFORMANCE' } } },
        waitMs: 60 * 60_000,
      }),
      published: async (text) => fake.posts().filter((p) => p.text === text).map((p) => p.id),
      withdrawScope() {
        fake.withdraw(user.id, 'threads_content_publish');
        return 'threads_content_publish';
      },
      refuseNextPost() {
        fake.refuseNextContainer({ code: 100, message: 'Invalid parameter', type: 'THApiException', userMsg: 'The post contains content that cannot be published.' });
        return 'The post contains content that cannot be published.';
      },
      setNextPostId: (id) => fake.setNextPostId(id),
      // Threads links a post by a shortcode: the link is the one the network gave, not built from the id.
      linkOf: async (id) => fake.posts().find((p) => p.id === id)!.permalink,
      async engage(externalId) {
        fake.engage(externalId, { views: 1520, likes: 87, replies: 9, shares: 4, reposts: 3, quotes: 2 });
        return { views: 1520, likes: 87, comments: 9, shares: 4 };
      },
      // Nothing to revoke at Threads: the property is not applicable.
      async followers() {
        fake.setFollowers(7_420);
        return 7_420;
      },
      revokedAtNetwork: async () => false,
      close: () => fake.close(),
    };
  },
};
