// The local networks of `npm run demo`: each network's fake (Bluesky: the real reference PDS),
// started together, with the settings that point Herald at them and a line telling the person
// trying the demo how to connect each. The Chromium journeys that follow the demo use the same.
import { blueskyVideoEnv, startVideoServiceFake } from '../test/fakes/bluesky-video/video-service-fake.ts';
import { facebookEnv, startFacebookFake, type FacebookFake } from '../test/fakes/facebook/facebook-fake.ts';
import { instagramEnv, startInstagramFake, type InstagramFake } from '../test/fakes/instagram/instagram-fake.ts';
import { linkedinEnv, startLinkedInFake, type LinkedInFake } from '../test/fakes/linkedin/linkedin-fake.ts';
import { startMastodonFake } from '../test/fakes/mastodon/mastodon-fake.ts';
import { pinterestEnv, startPinterestFake, type PinterestFake } from '../test/fakes/pinterest/pinterest-fake.ts';
import { redditEnv, startRedditFake, type RedditFake } from '../test/fakes/reddit/reddit-fake.ts';
import { startThreadsFake, threadsEnv, type ThreadsFake } from '../test/fakes/threads/threads-fake.ts';
import { startTikTokFake, tiktokEnv } from '../test/fakes/tiktok/tiktok-fake.ts';
import { startYouTubeFake, youtubeEnv, type YouTubeFake } from '../test/fakes/youtube/youtube-fake.ts';
import { startXFake, xEnv, type XFake } from '../test/fakes/x/x-fake.ts';
import { blueskyEnv, pdsAvailable, startLocalPds } from '../test/pds/pds.ts';

export type DemoNetworks = {
  /** Herald's settings that point it at the local networks. */
  env: Record<string, string>;
  /** How to connect each network in the demo, one line each. */
  instructions: string[];
  /** Networks left out, with the reason. */
  warnings: string[];
  /** The fakes a journey drives beyond what a person clicks (engagement for the counters). */
  fakes: { threads: ThreadsFake; facebook: FacebookFake; instagram: InstagramFake; pinterest: PinterestFake; linkedin: LinkedInFake; youtube: YouTubeFake; reddit: RedditFake; x: XFake };
  close(): Promise<void>;
};

export type DemoNetworkOptions = {
  bluesky?: boolean;
  /**
   * Where Herald serves its signed media links (HERALD_MEDIA_PUBLIC_URL): the Meta fakes download
   * photos and videos from there, as Meta does, so the demo sets it to Herald's own address.
   */
  mediaPublicUrl?: string;
};

export async function startDemoNetworks(options: DemoNetworkOptions = {}): Promise<DemoNetworks> {
  const closers: (() => Promise<void>)[] = [];
  const env: Record<string, string> = {};
  const instructions: string[] = [];
  const warnings: string[] = [];

  // Threads and Instagram pull photos by URL: without a public media address they would refuse them.
  // With one, TikTok pulls from it too, so the fake treats it as the domain verified with TikTok.
  if (options.mediaPublicUrl) env.HERALD_MEDIA_PUBLIC_URL = options.mediaPublicUrl;
  else warnings.push('No HERALD_MEDIA_PUBLIC_URL for the demo: Threads and Instagram download photos from that address, so Threads takes text only and Instagram Reels only.');

  const tiktok = await startTikTokFake(options.mediaPublicUrl ? { verifiedUrlPrefixes: [`${options.mediaPublicUrl.replace(/\/+$/, '')}/media/public/`] } : {});
  closers.push(() => tiktok.close());
  Object.assign(env, tiktokEnv(tiktok));
  instructions.push('TikTok: Channels → Connect TikTok (a local consent page).');

  const mastodon = await startMastodonFake();
  closers.push(() => mastodon.close());
  env.HERALD_MASTODON_ALLOW_HTTP = 'true';
  instructions.push(`Mastodon: Channels → server name ${mastodon.domain} → Connect Mastodon.`);

  // Short processing times: a person watching the demo sees containers finish in seconds.
  const threads = await startThreadsFake({ processingMs: { image: 300, video: 1500 } });
  closers.push(() => threads.close());
  Object.assign(env, threadsEnv(threads));
  instructions.push(`Threads: Channels → Connect Threads → Continue on the local authorization page (account @${threads.users[0]!.username}).`);

  // Facebook takes photos and videos as uploads: it needs no public media address.
  const facebook = await startFacebookFake();
  closers.push(() => facebook.close());
  Object.assign(env, facebookEnv(facebook));
  instructions.push(`Facebook: Channels → Connect Facebook → Continue on the local Login dialog (as ${facebook.users[0]!.name}), then choose the Pages to connect (${facebook.pages.map((p) => p.name).join(', ')}).`);

  // Instagram with Instagram Login (graph.instagram.com): photos pulled from the signed links,
  // Reels uploaded (rupload), so a Reel works even without a public media address.
  const instagram = await startInstagramFake({ imageProcessingMs: 300, videoProcessingMs: 1500 });
  closers.push(() => instagram.close());
  Object.assign(env, instagramEnv(instagram, 'instagram'));
  instructions.push(`Instagram: Channels → Connect Instagram → Continue on the local authorization page (professional account @${instagram.accounts[0]!.username}).`);

  // LinkedIn with Company Pages: the picker offers the member and the Pages they administer.
  const linkedin = await startLinkedInFake({ processingMs: { video: 1500, document: 300 } });
  closers.push(() => linkedin.close());
  Object.assign(env, linkedinEnv(linkedin));
  instructions.push(`LinkedIn: Channels → Connect LinkedIn → Allow on the local authorization page (as ${linkedin.members[0]!.name}), then choose the profile and the Company Page ${linkedin.organizations[0]!.name}.`);

  // YouTube: resumable uploads to the fake, processed in a second and a half.
  const youtube = await startYouTubeFake({ processingMs: 1500, channels: [{ id: 'UCheraldbakery0000000001', title: 'Herald Bakery TV', customUrl: '@heraldbakerytv', thumbnailUrl: 'https://yt3.ggpht.example/herald-bakery.jpg' }] });
  closers.push(() => youtube.close());
  Object.assign(env, youtubeEnv(youtube));
  instructions.push('YouTube: Channels → Connect YouTube → Continue on the local Google consent page (channel Herald Bakery TV).');

  // Pinterest takes images as base64 and videos through its upload form: no public address needed.
  const pinterest = await startPinterestFake({ processingMs: 1500 });
  closers.push(() => pinterest.close());
  Object.assign(env, pinterestEnv(pinterest));
  instructions.push(`Pinterest: Channels → Connect Pinterest → Give access on the local consent page (account @${pinterest.users[0]!.username}, boards ${pinterest.boards().map((b) => b.name).join(' and ')}).`);

  // Reddit: consent approved at once; subreddits with a required flair and one without text posts.
  const reddit = await startRedditFake({ autoApprove: true, processingMs: 1500 });
  closers.push(() => reddit.close());
  Object.assign(env, redditEnv(reddit));
  instructions.push(`Reddit: Channels → Connect Reddit (approved at once as u/${reddit.users[0]!.name}); post to r/HeraldTesting, r/AskHerald (flair required) or r/HeraldLinks (links and media only).`);

  // X: photos, GIFs and videos (chunked, processed in a second and a half), threads, polls and quotes.
  const x = await startXFake({ processingMs: 1500 });
  closers.push(() => x.close());
  Object.assign(env, xEnv(x));
  instructions.push(`X: Channels → Connect X → Authorize app on the local consent page (account @${x.users[0]!.username}).`);

  // Bluesky runs for real: the reference PDS, installed by `bash test/pds/setup.sh` (Node 22).
  if (options.bluesky !== false && pdsAvailable()) {
    const pds = await startLocalPds([{ handle: 'casey.test', password: 'casey-account-password', displayName: 'Casey on Bluesky' }]).catch((error: unknown) => {
      warnings.push(`The local Bluesky server did not start, so Bluesky is left out of the demo: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (pds) {
      closers.push(() => pds.stop());
      Object.assign(env, blueskyEnv(pds));
      // Videos go through a stand-in for video.bsky.app, which stores them on this PDS as the real one does.
      const video = await startVideoServiceFake({ plcUrl: pds.plcUrl, stepMs: 400 });
      closers.push(() => video.close());
      Object.assign(env, blueskyVideoEnv(video));
      const account = pds.accounts[0]!;
      instructions.push(`Bluesky (a real local PDS): connect handle ${account.handle} with the app password ${account.appPassword}. Videos (MP4, up to 3 minutes) go through a local stand-in for Bluesky's video service.`);
      // atproto OAuth's loopback client redirects to an IP literal, never to "localhost" (ADR 0014).
      instructions.push(`Bluesky's own sign-in page (OAuth) works when Herald runs at http://127.0.0.1:<port> (HERALD_PUBLIC_URL): handle ${account.handle}, password ${account.password}.`);
    }
  } else if (options.bluesky !== false) {
    warnings.push('Bluesky is not part of this demo: run `bash test/pds/setup.sh` once (downloads Node 22 and the reference PDS) and start the demo again.');
  }

  return {
    env,
    instructions,
    warnings,
    fakes: { threads, facebook, instagram, pinterest, linkedin, youtube, reddit, x },
    async close() {
      for (const close of closers.reverse()) await close().catch(() => undefined);
    },
  };
}
