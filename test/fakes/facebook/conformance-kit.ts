import type { ConformanceKit, NetworkCall } from '../../conformance/network-conformance.ts';
import type { FakeRequest } from '../http.ts';
import { graphErrorBody } from '../meta-graph/graph-fake-core.ts';
import { connectFacebookPages } from './connect.ts';
import { facebookEnv, startFacebookFake } from './facebook-fake.ts';

const tokenOf = (r: FakeRequest) => /^(?:Bearer|OAuth) (.+)$/.exec(r.headers.authorization ?? '')?.[1];
const bakery = '104938128492011';
const person = '10229384756102938';
const coManager = '10229384756102939';
const feed = `/v23.0/${bakery}/feed`;

/** Facebook Pages for the conformance suite: the fake, connected through the dialog and the picker (one Page). */
export const facebookKit: ConformanceKit = {
  network: 'facebook',
  notApplicable: {
    refresh: 'Page tokens derived from a long-lived user token do not expire, and Facebook has no refresh grant',
    auth401: 'without a refresh, a rejected Page token (190) means the person must connect again: the channel needs re-authorisation with the reason',
  },
  async start() {
    const fake = await startFacebookFake({ processingMs: 200 });
    let connections = 0;
    const calls = (): NetworkCall[] =>
      fake.requests.map((r) => ({ method: r.method, path: r.path, credentials: [tokenOf(r), r.query.get('access_token'), r.query.get('fb_exchange_token')].filter((c): c is string => !!c) }));
    return {
      env: facebookEnv(fake),
      // The first connection is Hera's; later ones (the rate limit's own channel) are Ari's, who
      // co-manages the same Page: a grant of Ari's own, so disconnecting Hera's channel revokes hers.
      async connect(h, client, workspaceId) {
        fake.setUser(connections++ === 0 ? person : coManager);
        return (await connectFacebookPages(h, client, workspaceId, fake, [bakery]))[0]!;
      },
      profile: { username: 'heraldbakery', displayName: 'Herald Bakery' },
      post: async (_h, _client, _workspaceId, text) => ({ content: { text } }),
      calls,
      kind: (call) => (call.method === 'POST' && call.path === feed ? 'create' : call.method === 'DELETE' && call.path.endsWith('/permissions') ? 'revoke' : 'other'),
      failNextCreate: (failure) => fake.failNext(feed, failure),
      serverError: { status: 500, body: graphErrorBody({ code: 2, message: 'An unexpected error has occurred. Please retry your request later.', isTransient: true }) },
      // Meta's throttles carry no Retry-After; without usage headers Herald waits Meta's one-hour
      // window. (With them the wait would hold every channel of this Page, which the suite's other
      // properties share, so the suite's throttle comes without.)
      rateLimited: () => ({ failure: { status: 400, body: graphErrorBody({ code: 4, message: '(#4) Application request limit reached', isTransient: true }) }, waitMs: 3_600_000 }),
      published: async (text) => fake.posts.filter((p) => p.message === text).map((p) => p.id),
      withdrawScope() {
        fake.tokens.withdraw(person, 'pages_manage_posts');
        return 'pages_manage_posts';
      },
      refuseNextPost() {
        fake.refuseNextPost({ code: 100, subcode: 1609005, message: 'Error posting link', userMsg: 'The link could not be read by Facebook.' });
        return 'The link could not be read by Facebook';
      },
      setNextPostId: (id) => fake.setNextPostId(id),
      async engage(externalId) {
        fake.engage(externalId, { reactions: 41, shares: 3, comments: ['Yum', 'Where is this?'], reach: 950, views: 1400 });
        return { likes: 41, comments: 2, shares: 3, reach: 950, views: 1400 };
      },
      async followers() {
        fake.setFollowers(2_718, bakery);
        return 2_718;
      },
      revokedAtNetwork: async () => fake.revocations.includes(person),
      close: () => fake.close(),
    };
  },
};
