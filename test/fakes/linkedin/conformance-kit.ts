import type { ConformanceKit, NetworkCall } from '../../conformance/network-conformance.ts';
import type { FakeRequest } from '../http.ts';
import { connectLinkedIn } from './connect.ts';
import { linkedinEnv, startLinkedInFake } from './linkedin-fake.ts';

const credentialsOf = (r: FakeRequest) => [/^Bearer (.+)$/.exec(r.headers.authorization ?? '')?.[1], r.body.refresh_token, r.body.token, r.body.code].filter((c): c is string => typeof c === 'string' && !!c);
const bakery = 'urn:li:organization:2414183';

/**
 * LinkedIn for the conformance suite: the fake, connected through the authorization page and the
 * picker, posting as the Company Page (a Page's posts can be listed, which settles lost answers).
 */
export const linkedinKit: ConformanceKit = {
  network: 'linkedin',
  notApplicable: {
    bigIds: 'LinkedIn names a post by a URN string in the x-restli-id header, never by a JSON number; linkedin-publish.test.ts checks a URN with a 19-digit id is kept exact',
  },
  async start() {
    const fake = await startLinkedInFake({ processingMs: { video: 200, document: 100 } });
    const [hera, ari] = fake.members;
    let connections = 0;
    const calls = (): NetworkCall[] => fake.requests.map((r) => ({ method: r.method, path: r.path, credentials: credentialsOf(r) }));
    return {
      // LinkedIn sends no Retry-After: a short configured wait lets the suite see the retry.
      env: { ...linkedinEnv(fake), HERALD_LINKEDIN_RATE_LIMIT_WAIT_SECONDS: '2' },
      // The first connection is Hera's; later ones (the rate limit's own channel) Ari's, who
      // administers the same Page with a grant of his own.
      async connect(h, client, workspaceId) {
        fake.setMember(connections++ === 0 ? hera!.id : ari!.id);
        return (await connectLinkedIn(h, client, workspaceId, fake, [bakery])).ids[0]!;
      },
      profile: { username: 'herald-bakery', displayName: 'Herald Bakery' },
      post: async (_h, _client, _workspaceId, text) => ({ content: { text } }),
      calls,
      kind(call) {
        if (call.method === 'POST' && call.path === '/rest/posts') return 'create';
        if (call.method === 'POST' && call.path === '/oauth/v2/revoke') return 'revoke';
        if (call.method === 'POST' && call.path === '/oauth/v2/accessToken' && fake.requests.some((r) => r.path === call.path && r.body.grant_type === 'refresh_token' && r.body.refresh_token === call.credentials[0])) return 'refresh';
        return 'other';
      },
      failNextCreate: (failure) => fake.failNextCreate(failure),
      serverError: { status: 500, body: { status: 500, serviceErrorCode: 0, message: 'Internal Server Error' } },
      rateLimited: () => ({
        failure: { status: 429, body: { status: 429, serviceErrorCode: 101, code: 'TOO_MANY_REQUESTS', message: 'Resource level throttle MEMBER DAY limit for calls to this resource is reached.' } },
        waitMs: 2000,
      }),
      published: async (text) => fake.posts().filter((p) => p.text === text).map((p) => p.urn),
      rejectAccessToken: () => fake.rejectTokens(hera!.id),
      withdrawScope() {
        fake.withdraw(hera!.id, 'w_organization_social');
        return 'w_organization_social';
      },
      refuseNextPost() {
        fake.refuseNextPost('ERROR :: /commentary :: Commentary contains content that is not allowed');
        return 'Commentary contains content that is not allowed';
      },
      async engage(externalId) {
        fake.engage(externalId, { impressionCount: 1520, uniqueImpressionsCount: 980, likeCount: 87, commentCount: 9, shareCount: 4, clickCount: 31 });
        return { views: 1520, reach: 980, likes: 87, comments: 9, shares: 4 };
      },
      async followers() {
        fake.setFollowers(bakery, 1_907);
        return 1_907;
      },
      revokedAtNetwork: async () => fake.revocations.includes(hera!.id),
      close: () => fake.close(),
    };
  },
};
