import type { ConformanceKit, NetworkCall } from '../../conformance/network-conformance.ts';
import type { FakeRequest } from '../http.ts';
import { buildMp4 } from '../../helpers/mp4.ts';
import { uploadMedia } from '../../helpers/publishing.ts';
import { connectYouTube } from './connect.ts';
import { googleError, SCOPES, startYouTubeFake, youtubeEnv } from './youtube-fake.ts';

const bearer = (req: FakeRequest) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

/**
 * The call that creates a video is the PUT carrying the file's last byte (earlier chunks and
 * `bytes *\/total` probes create nothing): the kit marks it in the call's path.
 */
function pathOf(req: FakeRequest): string {
  if (req.method !== 'PUT') return req.path;
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range'] ?? ''));
  if (range && Number(range[2]) === Number(range[3]) - 1) return `${req.path}#final-chunk`;
  return `${req.path}#${range ? 'chunk' : 'probe'}`;
}

/** YouTube for the conformance suite: the fake, connected through Google's consent page with every scope. */
export const youtubeKit: ConformanceKit = {
  network: 'youtube',
  notApplicable: {
    refresh: 'Google does not rotate refresh tokens: a refresh answers a new access token and the stored refresh token stays (youtube-publish.test.ts checks one refresh keeps it)',
  },
  async start() {
    const fake = await startYouTubeFake({ processingMs: 0 });
    const video = buildMp4({ durationSeconds: 6, width: 1280, height: 720, frameRate: 30 });
    const calls = (): NetworkCall[] =>
      fake.requests.map((r) => ({ method: r.method, path: pathOf(r), credentials: [r.body.refresh_token, bearer(r), r.body.token, r.query.get('token')].filter((c): c is string => !!c) }));
    return {
      env: youtubeEnv(fake),
      connect: (h, client, workspaceId) => connectYouTube(h.url, client, workspaceId, fake),
      profile: { username: 'heraldtester', displayName: 'Herald Tester' },
      async post(h, client, workspaceId, text) {
        const media = await uploadMedia(h, client, workspaceId, { bytes: video, name: 'clip.mp4', type: 'video/mp4' });
        return { content: { text, media: [{ mediaId: media.id }] }, settings: { title: text.slice(0, 100), madeForKids: false } };
      },
      calls,
      kind(call) {
        if (call.path.endsWith('#final-chunk')) return 'create';
        if (call.path === '/revoke') return 'revoke';
        const request = fake.requests.find((r) => r.path === '/token' && r.body.refresh_token && r.body.refresh_token === call.credentials[0]);
        return call.path === '/token' && request?.body.grant_type === 'refresh_token' ? 'refresh' : 'other';
      },
      failNextCreate: (failure) => fake.failFirstChunk(failure),
      serverError: googleError(503, 'backendError', 'Backend Error'),
      // Google sends no Retry-After: Herald waits a minute on rateLimitExceeded.
      rateLimited: () => ({ failure: googleError(403, 'rateLimitExceeded', 'The request cannot be completed because you have exceeded your rate limit.'), waitMs: 60_000 }),
      published: async (text) => fake.videos().filter((v) => v.description === text && v.outcome.status === 'processed').map((v) => v.id),
      rejectAccessToken: () => fake.expireAccessTokens(),
      withdrawScope() {
        // videos.insert also takes the broad "youtube" scope: both go, as when a person unticks them.
        fake.withdrawScope('UCherald0000000000000001', SCOPES.upload);
        fake.withdrawScope('UCherald0000000000000001', SCOPES.manage);
        return SCOPES.upload;
      },
      refuseNextPost() {
        fake.refuseNextSession(400, 'invalidDescription', 'The request metadata specifies an invalid video description.');
        return 'The request metadata specifies an invalid video description.';
      },
      setNextPostId: (id) => fake.setNextVideoId(id),
      async engage(externalId) {
        fake.engage(externalId, { views: 1520, likes: 87, comments: 9, shares: 4, minutesWatched: 321 });
        return { views: 1520, likes: 87, comments: 9, shares: 4 };
      },
      async followers() {
        fake.setSubscribers(3_310);
        return 3_310;
      },
      revokedAtNetwork: async () => fake.revocations.length > 0,
      close: () => fake.close(),
    };
  },
};
