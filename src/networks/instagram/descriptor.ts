// Instagram (professional accounts) as Herald knows it: shared by the server and the web app.
// Sources: shared/providers.md §6. Two ways to connect, chosen by the operator
// (HERALD_INSTAGRAM_LOGIN): Instagram Login (graph.instagram.com) or Facebook Login (the
// Instagram account linked to a Facebook Page, graph.facebook.com).
import { z } from 'zod';
import { MB, type MediaFacts, type NetworkRules, type RuleIssue, type RuleText } from '../rules.ts';
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

/**
 * Which file a problem is about: the English words, and for the translations its name under
 * `rules.where` (each language's sentence takes its own words for it, nested by i18next).
 */
type Where = { words: string; values: { where: 'photo' | 'video' | 'reel' | 'storyPhoto' | 'storyVideo' | 'carouselItem'; position?: number } };
const where = {
  photo: { words: 'the photo', values: { where: 'photo' } },
  video: { words: 'the video', values: { where: 'video' } },
  reel: { words: 'a Reel', values: { where: 'reel' } },
  storyPhoto: { words: 'a story photo', values: { where: 'storyPhoto' } },
  storyVideo: { words: 'a story video', values: { where: 'storyVideo' } },
  carouselItem: (position: number): Where => ({ words: `item ${position} of the carousel`, values: { where: 'carouselItem', position } }),
} satisfies Record<string, Where | ((position: number) => Where)>;

function checkImage(image: MediaFacts, at: Where, feedRatio: boolean): RuleText[] {
  const problems: RuleText[] = [];
  if (image.mimeType !== 'image/jpeg') {
    problems.push({ message: `Instagram: ${at.words} must be a JPEG photo (this one is ${image.mimeType})`, key: 'network-instagram:rules.notJpeg', values: { ...at.values, type: image.mimeType } });
  }
  if (image.size > 8 * MB) problems.push({ message: `Instagram: ${at.words} can be at most 8 MB`, key: 'network-instagram:rules.photoTooBig', values: at.values });
  const ratio = ratioOf(image);
  if (feedRatio && ratio !== null && (ratio < 0.8 - 0.005 || ratio > 1.91 + 0.005)) {
    problems.push({ message: `Instagram: ${at.words} must be between 4:5 (portrait) and 1.91:1 (landscape); crop it first`, key: 'network-instagram:rules.photoShape', values: at.values });
  }
  return problems;
}

function checkVideo(video: MediaFacts, at: Where, limits: { minSec: number; maxSec: number; maxMb: number }): RuleText[] {
  const problems: RuleText[] = [];
  if (!isVideoType(video.mimeType)) {
    problems.push({ message: `Instagram: ${at.words} must be an MP4 or MOV video (this one is ${video.mimeType})`, key: 'network-instagram:rules.notVideo', values: { ...at.values, type: video.mimeType } });
  }
  if (video.size > limits.maxMb * MB) {
    problems.push({ message: `Instagram: ${at.words} can be at most ${limits.maxMb} MB`, key: 'network-instagram:rules.videoTooBig', values: { ...at.values, max: limits.maxMb } });
  }
  const seconds = video.durationSeconds;
  if (seconds !== null && seconds < limits.minSec) {
    problems.push({ message: `Instagram: ${at.words} must last at least ${limits.minSec} seconds`, key: 'network-instagram:rules.videoTooShort', values: { ...at.values, min: limits.minSec } });
  }
  if (seconds !== null && seconds > limits.maxSec) {
    const lasts = Math.round(seconds);
    problems.push(
      limits.maxSec > 60
        ? { message: `Instagram: ${at.words} can last at most ${limits.maxSec / 60} minutes (it lasts ${lasts} s)`, key: 'network-instagram:rules.videoTooLongMinutes', values: { ...at.values, max: limits.maxSec / 60, seconds: lasts } }
        : { message: `Instagram: ${at.words} can last at most ${limits.maxSec} seconds (it lasts ${lasts} s)`, key: 'network-instagram:rules.videoTooLongSeconds', values: { ...at.values, max: limits.maxSec, seconds: lasts } },
    );
  }
  if (video.frameRate !== null && (video.frameRate < 23 || video.frameRate > 60)) {
    problems.push({ message: `Instagram: ${at.words} must have 23 to 60 frames per second`, key: 'network-instagram:rules.frameRate', values: at.values });
  }
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
    const problems: RuleText[] = [];
    const images = media.filter((m) => m.kind === 'image');
    if (format === 'reel') {
      if (media.length !== 1 || images.length) return [{ message: 'Instagram: a Reel is exactly one video', key: 'network-instagram:rules.reelOneVideo' }];
      const video = media[0]!;
      problems.push(...checkVideo(video, where.reel, { minSec: 3, maxSec: 15 * 60, maxMb: 300 }));
      const ratio = ratioOf(video);
      if (ratio !== null && !near(ratio, 9 / 16, 0.03)) {
        problems.push({ message: 'Instagram: Reels are shown vertically in 9:16 (for example 1080 × 1920); this video has another shape', key: 'network-instagram:rules.reelShape' });
      }
    } else if (format === 'story') {
      if (media.length !== 1) return [{ message: 'Instagram: a story is one photo or one video', key: 'network-instagram:rules.storyOneFile' }];
      const item = media[0]!;
      problems.push(...(item.kind === 'image' ? checkImage(item, where.storyPhoto, false) : checkVideo(item, where.storyVideo, { minSec: 3, maxSec: 60, maxMb: 100 })));
    } else if (media.length === 1) {
      const item = media[0]!;
      problems.push(...(item.kind === 'image' ? checkImage(item, where.photo, true) : checkVideo(item, where.video, { minSec: 3, maxSec: 15 * 60, maxMb: 300 })));
    } else if (media.length > 1) {
      if (media.length > CAROUSEL_MAX) {
        problems.push({ message: `Instagram: a carousel holds at most ${CAROUSEL_MAX} photos and videos`, key: 'network-instagram:rules.carouselTooLong', values: { max: CAROUSEL_MAX } });
      }
      media.forEach((item, i) => {
        const at = where.carouselItem(i + 1);
        problems.push(...(item.kind === 'image' ? checkImage(item, at, true) : checkVideo(item, at, { minSec: 3, maxSec: 15 * 60, maxMb: 300 })));
      });
      // Instagram crops every item to the first one's shape: different shapes would be cut.
      const first = ratioOf(media[0]!);
      if (first !== null && media.some((m) => ratioOf(m) !== null && !near(ratioOf(m)!, first))) {
        problems.push({
          message: 'Instagram: every photo and video of a carousel must have the same shape as the first (Instagram crops them to it)',
          key: 'network-instagram:rules.carouselShapes',
        });
      }
    }
    // Instagram fetches photos from a web address; videos Herald uploads itself.
    if (images.length && instance && !instance.mediaByUrl) {
      problems.push({
        message:
          'Instagram: this Herald cannot send photos to Instagram yet. Instagram fetches photos from a web address that the operator of this Herald must set up first: ask them, or post a video instead',
        key: 'network-instagram:rules.noPublicMedia',
      });
    }
    return problems;
  },
  checkForPublishing(variant) {
    const issues: RuleIssue[] = [];
    const texts = [{ field: 'parts.0.text', text: variant.parts[0]?.text ?? '' }, ...(variant.firstComment ? [{ field: 'firstComment', text: variant.firstComment }] : [])];
    for (const { field, text } of texts) {
      const tags = hashtagsIn(text);
      if (tags > HASHTAGS_MAX) {
        issues.push({ field, message: `Instagram: at most ${HASHTAGS_MAX} hashtags (this has ${tags})`, key: 'network-instagram:rules.tooManyHashtags', values: { max: HASHTAGS_MAX, used: tags } });
      }
      const mentions = mentionsIn(text);
      if (mentions > MENTIONS_MAX) {
        issues.push({ field, message: `Instagram: at most ${MENTIONS_MAX} @mentions (this has ${mentions})`, key: 'network-instagram:rules.tooManyMentions', values: { max: MENTIONS_MAX, used: mentions } });
      }
    }
    const settings = instagramSettings.safeParse(variant.settings);
    if (settings.success && settings.data.format === 'story' && variant.firstComment) {
      issues.push({ field: 'firstComment', message: 'Instagram: stories take no comments from their author; remove the first comment', key: 'network-instagram:rules.storyNoComment' });
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
