import sharp from 'sharp';
import type { ConformanceKit, NetworkCall } from '../../conformance/network-conformance.ts';
import type { FakeRequest } from '../http.ts';
import { uploadMedia } from '../../helpers/publishing.ts';
import { connectPinterest } from './connect.ts';
import { pinterestEnv, startPinterestFake } from './pinterest-fake.ts';

const bearer = (req: FakeRequest) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

/** Pinterest for the conformance suite: the fake, connected through its consent page with every scope; image pins to its first board. */
export const pinterestKit: ConformanceKit = {
  network: 'pinterest',
  notApplicable: {
    revoke: 'Pinterest revokes only system-user tokens (POST /v5/oauth/token/revoke answers 403 for a person’s token): disconnecting deletes the tokens at once and the descriptor’s noRevoke sentence tells the person where to remove Herald',
  },
  async start() {
    const fake = await startPinterestFake();
    const user = fake.users[0]!;
    const board = fake.boards(user.id)[0]!;
    const image = await sharp({ create: { width: 1000, height: 1500, channels: 3, background: '#bd081c' } }).jpeg().toBuffer();
    const calls = (): NetworkCall[] => fake.requests.map((r) => ({ method: r.method, path: r.path, credentials: [bearer(r), r.body.refresh_token, r.body.token].filter((c): c is string => !!c) }));
    return {
      env: pinterestEnv(fake),
      connect: (h, client, workspaceId) => connectPinterest(h, client, workspaceId, fake),
      profile: { username: user.username, displayName: user.businessName ?? user.username },
      async post(h, client, workspaceId, text) {
        const media = await uploadMedia(h, client, workspaceId, { bytes: image, name: 'pin.jpg', type: 'image/jpeg' });
        return { content: { text, media: [{ mediaId: media.id }] }, settings: { boardId: board.id, title: 'Conformance pin' } };
      },
      calls,
      kind(call) {
        if (call.method === 'POST' && call.path === '/v5/pins') return 'create';
        if (call.path === '/v5/oauth/token/revoke') return 'revoke';
        const request = fake.requests.find((r) => r.path === call.path && r.body.refresh_token && r.body.refresh_token === call.credentials[0]);
        return call.path === '/v5/oauth/token' && request?.body.grant_type === 'refresh_token' ? 'refresh' : 'other';
      },
      failNextCreate: (failure) => fake.failNextPinCreate(failure),
      serverError: { status: 500, body: { code: 1, message: 'Internal server error.' } },
      rateLimited: (seconds) => ({
        failure: { status: 429, body: { code: 8, message: 'The user has sent too many requests in a given amount of time and is being rate limited.' }, headers: { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(seconds) } },
        waitMs: seconds * 1000,
      }),
      published: async (text) => fake.pins().filter((p) => p.description === text).map((p) => p.id),
      rejectAccessToken: () => fake.expireAccessTokens(),
      withdrawScope() {
        fake.withdrawScope(user.id, 'pins:write');
        return 'pins:write';
      },
      refuseNextPost() {
        fake.refuseNextPin({ message: 'Sorry, this destination link is blocked on Pinterest.' });
        return 'Sorry, this destination link is blocked on Pinterest.';
      },
      setNextPostId: (id) => fake.setNextPinId(id),
      async engage(externalId) {
        fake.engage(externalId, { IMPRESSION: 1520, SAVE: 41, PIN_CLICK: 87, OUTBOUND_CLICK: 12, TOTAL_COMMENTS: 3, TOTAL_REACTIONS: 9 });
        return { views: 1520, likes: 9, comments: 3, shares: 41 };
      },
      // Nothing to revoke for a person's token: the property is not applicable.
      async followers() {
        fake.setFollowers(812);
        return 812;
      },
      revokedAtNetwork: async () => false,
      close: () => fake.close(),
    };
  },
};
