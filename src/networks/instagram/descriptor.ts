// Instagram (professional accounts) as Herald knows it: shared by the server and the web app.
// Sources: shared/providers.md §6. Two ways to connect, chosen by the operator
// (HERALD_INSTAGRAM_LOGIN): Instagram Login (graph.instagram.com) or Facebook Login (the
// Instagram account linked to a Facebook Page, graph.facebook.com).
import { z } from 'zod';
import { MB, type MediaFacts, type NetworkRules, type RuleIssue } from '../rules.ts';
import { defineNetwork } from '../types.ts';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

/** feed: one photo or video, or a carousel of 2–10; reel: one vertical video; story: one photo or video for 24 h. */
export const instagramFormats = ['feed', 'reel', 'story'] as const;

export const instagramSettings = z
  .object({
    format: z.enum(instagramFormats).default('feed'),
    /** Reels: also shown in the profile's main grid, not only in the Reels tab. */
    shareToFeed: z.boolean().default(true),
    /** Reels: the frame shown as cover, in ms from the start (Instagram's thumb_offset). */
    thumbOffsetMs: z.number().int().min(0).max(15 * 60_000).optional(),
    /** Reels: a cover image on a public https address instead of a frame (Instagram's cover_url). */
    coverUrl: z.url({ protocol: /^https$/, message: 'must be an https address' }).max(2000).optional(),
  })
  .strict();
export type InstagramSettings = z.infer<typeof instagramSettings>;

export const CAPTION_MAX = 2200;
export const HASHTAGS_MAX = 30;
export const MENTIONS_MAX = 20;
export const CAROUSEL_MAX = 10;

// Instagram counts characters, not bytes; an emoji is one.
const countCharacters = (text: string) => [...text].length;
export const hashtagsIn = (text: string) => text.match(/(?:^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu)?.length ?? 0;
export const mentionsIn = (text: string) => text.match(/(?:^|[^\p{L}\p{N}_.])@[A-Za-z0-9_.]+/gu)?.length ?? 0;

const ratioOf = (m: MediaFacts) => (m.width && m.height ? m.width / m.height : null);
const near = (a: number, b: number, tolerance = 0.02) => Math.abs(a - b) / b <= tolerance;
const isVideoType = (mime: string) => mime === 'video/mp4' || mime === 'video/quicktime';

function checkImage(image: MediaFacts, where: string, feedRatio: boolean): string[] {
  const problems: string[] = [];
  if (image.mimeType !== 'image/jpeg') problems.push(`Instagram: ${where} must be a JPEG photo (this one is ${image.mimeType})`);
  if (image.size > 8 * MB) problems.push(`Instagram: ${where} can be at most 8 MB`);
  const ratio = ratioOf(image);
  if (feedRatio && ratio !== null && (ratio < 0.8 - 0.005 || ratio > 1.91 + 0.005)) {
    problems.push(`Instagram: ${where} must be between 4:5 (portrait) and 1.91:1 (landscape); crop it first`);
  }
  return problems;
}

function checkVideo(video: MediaFacts, where: string, limits: { minSec: number; maxSec: number; maxMb: number }): string[] {
  const problems: string[] = [];
  if (!isVideoType(video.mimeType)) problems.push(`Instagram: ${where} must be an MP4 or MOV video (this one is ${video.mimeType})`);
  if (video.size > limits.maxMb * MB) problems.push(`Instagram: ${where} can be at most ${limits.maxMb} MB`);
  const seconds = video.durationSeconds;
  if (seconds !== null && seconds < limits.minSec) problems.push(`Instagram: ${where} must last at least ${limits.minSec} seconds`);
  if (seconds !== null && seconds > limits.maxSec) {
    problems.push(`Instagram: ${where} can last at most ${limits.maxSec > 60 ? `${limits.maxSec / 60} minutes` : `${limits.maxSec} seconds`} (it lasts ${Math.round(seconds)} s)`);
  }
  if (video.frameRate !== null && (video.frameRate < 23 || video.frameRate > 60)) problems.push(`Instagram: ${where} must have 23 to 60 frames per second`);
  return problems;
}

const rules: NetworkRules = {
  network: 'instagram',
  textLimit: () => ({ max: CAPTION_MAX, count: countCharacters, unit: 'characters' }),
  maxMedia: () => CAROUSEL_MAX,
  replyChains: false,
  firstComment: true,
  needsMedia: true,
  settings: instagramSettings,
  featureUsed: () => ({ feature: 'publish', field: 'settings.format', words: 'publishing to Instagram' }),
  checkMedia(media, _limits, rawSettings, instance) {
    const settings = instagramSettings.safeParse(rawSettings);
    const format = settings.success ? settings.data.format : 'feed';
    const problems: string[] = [];
    const images = media.filter((m) => m.kind === 'image');
    if (format === 'reel') {
      if (media.length !== 1 || images.length) return ['Instagram: a Reel is exactly one video'];
      const video = media[0]!;
      problems.push(...checkVideo(video, 'a Reel', { minSec: 3, maxSec: 15 * 60, maxMb: 300 }));
      const ratio = ratioOf(video);
      if (ratio !== null && !near(ratio, 9 / 16, 0.03)) problems.push('Instagram: Reels are shown vertically in 9:16 (for example 1080 × 1920); this video has another shape');
    } else if (format === 'story') {
      if (media.length !== 1) return ['Instagram: a story is one photo or one video'];
      const item = media[0]!;
      problems.push(...(item.kind === 'image' ? checkImage(item, 'a story photo', false) : checkVideo(item, 'a story video', { minSec: 3, maxSec: 60, maxMb: 100 })));
    } else if (media.length === 1) {
      const item = media[0]!;
      problems.push(...(item.kind === 'image' ? checkImage(item, 'the photo', true) : checkVideo(item, 'the video', { minSec: 3, maxSec: 15 * 60, maxMb: 300 })));
    } else if (media.length > 1) {
      if (media.length > CAROUSEL_MAX) problems.push(`Instagram: a carousel holds at most ${CAROUSEL_MAX} photos and videos`);
      media.forEach((item, i) => {
        const where = `item ${i + 1} of the carousel`;
        problems.push(...(item.kind === 'image' ? checkImage(item, where, true) : checkVideo(item, where, { minSec: 3, maxSec: 15 * 60, maxMb: 300 })));
      });
      // Instagram crops every item to the first one's shape: different shapes would be cut.
      const first = ratioOf(media[0]!);
      if (first !== null && media.some((m) => ratioOf(m) !== null && !near(ratioOf(m)!, first))) {
        problems.push('Instagram: every photo and video of a carousel must have the same shape as the first (Instagram crops them to it)');
      }
    }
    // Instagram fetches photos from a web address; videos Herald uploads itself.
    if (images.length && instance && !instance.mediaByUrl) {
      problems.push('Instagram: this Herald cannot send photos to Instagram yet. Instagram fetches photos from a web address that the operator of this Herald must set up first: ask them, or post a video instead');
    }
    return problems;
  },
  checkForPublishing(variant) {
    const issues: RuleIssue[] = [];
    const texts = [{ field: 'parts.0.text', text: variant.parts[0]?.text ?? '' }, ...(variant.firstComment ? [{ field: 'firstComment', text: variant.firstComment }] : [])];
    for (const { field, text } of texts) {
      const tags = hashtagsIn(text);
      if (tags > HASHTAGS_MAX) issues.push({ field, message: `Instagram: at most ${HASHTAGS_MAX} hashtags (this has ${tags})` });
      const mentions = mentionsIn(text);
      if (mentions > MENTIONS_MAX) issues.push({ field, message: `Instagram: at most ${MENTIONS_MAX} @mentions (this has ${mentions})` });
    }
    const settings = instagramSettings.safeParse(variant.settings);
    if (settings.success && settings.data.format === 'story' && variant.firstComment) {
      issues.push({ field: 'firstComment', message: 'Instagram: stories take no comments from their author; remove the first comment' });
    }
    return issues;
  },
};

/** Which of Meta's two logins the operator registered the app for. */
export const instagramLogins = ['instagram', 'facebook'] as const;

/**
 * Instagram Login names. A Facebook Login connection is granted Facebook's names
 * (instagram_basic, instagram_content_publish, pages_show_list, pages_read_engagement,
 * instagram_manage_insights); the provider records them under these, so the feature checks are one.
 */
export const instagramLoginScopes = ['instagram_business_basic', 'instagram_business_content_publish', 'instagram_business_manage_insights'] as const;
export const facebookLoginScopes = ['instagram_basic', 'instagram_content_publish', 'pages_show_list', 'pages_read_engagement', 'instagram_manage_insights'] as const;

export const instagram = defineNetwork({
  id: 'instagram',
  messages: { en, fr },
  label: 'Instagram',
  brandColor: '#E4405F',
  connect: 'oauth',
  scopes: instagramLoginScopes,
  scopeMeanings: {
    instagram_business_basic: "read your professional account's id, username, name and picture (with Facebook Login: instagram_basic, pages_show_list and pages_read_engagement, to find the account linked to your Page)",
    instagram_business_content_publish: 'publish photos, carousels, Reels and stories, and the first comment under them (with Facebook Login: instagram_content_publish)',
    instagram_business_manage_insights: 'read the views, reach, likes, comments, shares and saves of your posts (with Facebook Login: instagram_manage_insights)',
  },
  featureScopes: {
    profile: ['instagram_business_basic'],
    publish: ['instagram_business_content_publish'],
    // Instagram's API has no drafts.
    drafts: ['instagram_business_content_publish'],
    analytics: ['instagram_business_manage_insights'],
  },
  analytics: { counters: ['views', 'likes', 'comments', 'shares', 'reach'], followers: true },
  terms: [
    { label: 'Instagram Terms of Use', url: 'https://help.instagram.com/581066165581870' },
    { label: 'Instagram Community Guidelines', url: 'https://help.instagram.com/477434105621119' },
    { label: 'Meta Platform Terms', url: 'https://developers.facebook.com/terms/' },
  ],
  rules,
  // A container, a few status reads and media_publish per post; the budget is 4800 × impressions a day.
  accountSpacingMs: 5_000,
  withoutPublicMedia: 'Instagram picks up photos (single or in a carousel) from a web address, and this Herald has none set up yet: ask whoever runs it to set HERALD_MEDIA_PUBLIC_URL. Reels, video stories and videos work without it.',
  settings: {
    instagramLogin: {
      env: 'HERALD_INSTAGRAM_LOGIN',
      doc: "Which Meta login the Instagram app uses: 'instagram' (Instagram API with Instagram Login, no Facebook Page needed) or 'facebook' (Instagram API with Facebook Login: the Instagram account linked to each Facebook Page).",
      default: 'instagram',
      schema: z.enum(instagramLogins),
    },
    instagramAppId: {
      env: 'HERALD_INSTAGRAM_APP_ID',
      doc: "The Meta app's id (for Instagram Login: the Instagram app id). Instagram is offered only when id and secret are set.",
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    instagramAppSecret: {
      env: 'HERALD_INSTAGRAM_APP_SECRET',
      doc: "The Meta app's secret; also checks the signature of Meta's deauthorize and data deletion calls.",
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    instagramGraphVersion: {
      env: 'HERALD_INSTAGRAM_GRAPH_VERSION',
      doc: 'Graph API version Herald calls (each lives about two years).',
      default: 'v23.0',
      schema: z.string().regex(/^v\d+\.\d+$/, 'must look like v23.0'),
    },
    instagramAuthorizeUrl: {
      env: 'HERALD_INSTAGRAM_AUTHORIZE_URL',
      doc: "Origin of Instagram's consent page (Instagram Login; change only to point at a local fake).",
      default: 'https://www.instagram.com',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    instagramTokenUrl: {
      env: 'HERALD_INSTAGRAM_TOKEN_URL',
      doc: "Origin of Instagram's code exchange (Instagram Login; change only to point at a local fake).",
      default: 'https://api.instagram.com',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    instagramGraphUrl: {
      env: 'HERALD_INSTAGRAM_GRAPH_URL',
      doc: "Origin of Instagram's Graph API with Instagram Login (change only to point at a local fake).",
      default: 'https://graph.instagram.com',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    instagramFacebookDialogUrl: {
      env: 'HERALD_INSTAGRAM_FACEBOOK_DIALOG_URL',
      doc: "Origin of Facebook's consent page (Facebook Login; change only to point at a local fake).",
      default: 'https://www.facebook.com',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    instagramFacebookGraphUrl: {
      env: 'HERALD_INSTAGRAM_FACEBOOK_GRAPH_URL',
      doc: "Origin of Facebook's Graph API (Facebook Login; change only to point at a local fake).",
      default: 'https://graph.facebook.com',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    instagramUploadUrl: {
      env: 'HERALD_INSTAGRAM_UPLOAD_URL',
      doc: "Origin of Meta's resumable upload host for Reels and story videos (change only to point at a local fake).",
      default: 'https://rupload.facebook.com',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    instagramPollSeconds: {
      env: 'HERALD_INSTAGRAM_POLL_SECONDS',
      doc: 'Seconds between two reads of a media container while Instagram processes it (Meta suggests up to one a minute).',
      default: '10',
      schema: z.coerce.number().min(0.1).max(300),
    },
  },
  enabled: (config) => Boolean(config.instagramAppId && config.instagramAppSecret),
  outgoing: (config) =>
    config.mediaPublicUrl ? [['Instagram fetches the photos you publish from ', { code: config.mediaPublicUrl }, ', through a link signed for that one file, valid only while the file exists.']] : [],
});
