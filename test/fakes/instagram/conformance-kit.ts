import type { ConformanceKit, KitNetwork, NetworkCall } from '../../conformance/network-conformance.ts';
import { buildMp4 } from '../../helpers/mp4.ts';
import { uploadMedia } from '../../helpers/publishing.ts';
import type { FakeRequest } from '../http.ts';
import { graphErrorBody } from '../meta-graph/graph-fake-core.ts';
import { connectInstagram, connectInstagramViaFacebook, instagramEnv, startInstagramFake, type InstagramFake } from './instagram-fake.ts';

const credentialsOf = (req: FakeRequest) =>
  [req.query.get('access_token'), /^(?:Bearer|OAuth) (.+)$/.exec(req.headers.authorization ?? '')?.[1], req.body.access_token, req.query.get('input_token')].filter((c): c is string => !!c);

/**
 * Instagram (Instagram Login) for the conformance suite: the fake, connected through its consent
 * page with every permission, posting a Reel (uploaded through rupload, so no public media address
 * is needed).
 */
export const instagramKit: ConformanceKit = {
  network: 'instagram',
  notApplicable: {
    auth401: 'Instagram Login renews a token with the token itself (ig_refresh_token): a token Instagram rejects cannot be renewed, so the account must be connected again',
    revoke: 'Instagram Login documents no endpoint that ends a token: Herald deletes it and the person removes Herald in Instagram’s settings',
  },
  // A token is renewed by Instagram only once a day old: the suite renews at once.
  start: () => startKit('instagram'),
};

/** Instagram with Facebook Login: the account linked to a Page, picked from the consent's selection, acting with the Page token. */
export const instagramFacebookKit: ConformanceKit = {
  network: 'instagram',
  notApplicable: {
    refresh: 'Facebook Login has no refresh grant, and the Page tokens Herald holds do not expire',
    auth401: 'a Page token has no refresh: a rejected one means the account must be connected again',
  },
  start: () => startKit('facebook'),
};

async function startKit(login: 'instagram' | 'facebook'): Promise<KitNetwork> {
  // A second admin of the same Page connects the suite's other channels: Herald rightly keeps a
  // grant that another channel still rests on, so the tested channel's owner must be alone on it.
  const otherAdmin = { id: '10230000000000002', name: 'Second Admin', pages: [{ id: '109000000000001', name: 'Herald Studio Page', category: 'Brand' }] };
  const fake: InstagramFake = await startInstagramFake({ videoProcessingMs: 300, refreshMinAgeMs: 0, otherFacebookUsers: [otherAdmin] });
  let connections = 0;
  const video = buildMp4({ durationSeconds: 6, width: 720, height: 1280, frameRate: 30 });
  const calls = (): NetworkCall[] => fake.requests.map((r) => ({ method: r.method, path: r.path, credentials: credentialsOf(r) }));
  return {
    env: instagramEnv(fake, login),
    async connect(h, client, workspaceId) {
      if (login === 'instagram') return connectInstagram(h, client, workspaceId, fake);
      fake.setConsentFacebookUser(connections++ === 0 ? fake.facebookUser.id : otherAdmin.id);
      return (await connectInstagramViaFacebook(h, client, workspaceId, fake)).channelIds[0]!;
    },
    profile: { username: 'herald.studio', displayName: 'Herald Studio' },
    async post(h, client, workspaceId, text) {
      const media = await uploadMedia(h, client, workspaceId, { bytes: video, name: 'reel.mp4', type: 'video/mp4' });
      return { content: { text, media: [{ mediaId: media.id }] }, settings: { format: 'reel' } };
    },
    calls,
    kind(call) {
      if (call.method === 'POST' && call.path === fake.paths.publish()) return 'create';
      if (call.path === '/refresh_access_token') return 'refresh';
      if (call.method === 'DELETE' && call.path.endsWith('/permissions')) return 'revoke';
      return 'other';
    },
    failNextCreate: (failure) => fake.failNext(fake.paths.publish(), failure),
    serverError: { status: 500, body: graphErrorBody({ code: 2, message: 'An unexpected error has occurred. Please retry your request later.', isTransient: true }) },
    // Meta throttles with code 4 and no Retry-After; without usage headers its windows are an hour.
    rateLimited: () => ({ failure: { status: 400, body: graphErrorBody({ code: 4, message: '(#4) Application request limit reached', isTransient: true }) }, waitMs: 3_600_000 }),
    published: async (text) => fake.posts().filter((p) => p.caption === text).map((p) => p.id),
    withdrawScope() {
      const scope = login === 'instagram' ? 'instagram_business_content_publish' : 'instagram_content_publish';
      fake.tokens.withdraw(login === 'instagram' ? fake.accounts[0]!.id : fake.facebookUser.id, scope);
      return scope;
    },
    refuseNextPost() {
      fake.failNextProcessing(2207026);
      return 'the video format is not supported';
    },
    setNextPostId: (id) => fake.setNextMediaId(id),
    // Instagram links a post by its shortcode (/p/…, /reel/…), derived from the id, never the id itself.
    linkOf: async (externalId) => fake.posts().find((p) => p.id === externalId)!.permalink,
    async engage(externalId) {
      fake.engage(externalId, { views: 1520, reach: 990, likes: 87, comments: 9, shares: 4, saved: 12 });
      return { views: 1520, reach: 990, likes: 87, comments: 9, shares: 4 };
    },
    async followers() {
      fake.setFollowers(15_230);
      return 15_230;
    },
    revokedAtNetwork: async () => fake.revocations.length > 0,
    close: () => fake.close(),
  };
}
