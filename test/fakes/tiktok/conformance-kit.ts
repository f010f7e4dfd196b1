import type { ConformanceKit, NetworkCall } from '../../conformance/network-conformance.ts';
import type { FakeRequest } from '../http.ts';
import { buildMp4 } from '../../helpers/mp4.ts';
import { connectTikTok, uploadMedia } from '../../helpers/publishing.ts';
import { startTikTokFake, tiktokEnv } from './tiktok-fake.ts';

const bearer = (req: FakeRequest) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
const tiktokError = (code: string, message: string) => ({ data: {}, error: { code, message, log_id: 'CONFORMANCE' } });

/** TikTok for the conformance suite: the fake, connected through its consent page with every scope. */
export const tiktokKit: ConformanceKit = {
  network: 'tiktok',
  async start() {
    // Processing is quick and the per-token init limit out of the way: the 429 property injects its own.
    const fake = await startTikTokFake({ processingMs: 200, rateLimits: { init: 1000 } });
    const video = buildMp4({ durationSeconds: 6, width: 720, height: 1280, frameRate: 30 });
    const calls = (): NetworkCall[] =>
      fake.requests.map((r) => ({ method: r.method, path: r.path, credentials: [r.body.refresh_token, bearer(r), r.body.token].filter((c): c is string => !!c) }));
    return {
      env: tiktokEnv(fake),
      connect: (h, client, workspaceId) => connectTikTok(h, client, workspaceId, fake),
      profile: { username: 'herald.tester', displayName: 'Herald Tester' },
      async post(h, client, workspaceId, text) {
        const media = await uploadMedia(h, client, workspaceId, { bytes: video, name: 'clip.mp4', type: 'video/mp4' });
        return { content: { text, media: [{ mediaId: media.id }] }, settings: { privacyLevel: 'PUBLIC_TO_EVERYONE' } };
      },
      calls,
      kind(call) {
        if (call.path === '/v2/post/publish/video/init/') return 'create';
        if (call.path === '/v2/oauth/revoke/') return 'revoke';
        const request = fake.requests.find((r) => r.path === call.path && r.body.refresh_token === call.credentials[0]);
        return call.path === '/v2/oauth/token/' && request?.body.grant_type === 'refresh_token' ? 'refresh' : 'other';
      },
      failNextCreate: (failure) => fake.failNext('/v2/post/publish/video/init/', failure),
      serverError: { status: 500, body: tiktokError('internal_error', 'Something went wrong. Please try again later.') },
      // TikTok sends no Retry-After: its limits are one-minute windows, so Herald waits a minute.
      rateLimited: () => ({ failure: { status: 429, body: tiktokError('rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.') }, waitMs: 60_000 }),
      published: async (text) => fake.posts().filter((p) => p.title === text && p.publishStatus === 'PUBLISH_COMPLETE').map((p) => p.postId!),
      rejectAccessToken: () => fake.expireAccessTokens(),
      withdrawScope() {
        fake.withdrawScope('tt-user-1', 'video.publish');
        return 'video.publish';
      },
      refuseNextPost() {
        fake.failNextPublishes('file_format_check_failed');
        return 'TikTok cannot read this file format';
      },
      setNextPostId: (id) => fake.setNextPostId(id),
      async engage(externalId) {
        fake.engage(externalId, { view_count: 1520, like_count: 87, comment_count: 9, share_count: 4 });
        return { views: 1520, likes: 87, comments: 9, shares: 4 };
      },
      async followers() {
        fake.setFollowers(5_006);
        return 5_006;
      },
      revokedAtNetwork: async () => fake.revocations.length > 0,
      close: () => fake.close(),
    };
  },
};
