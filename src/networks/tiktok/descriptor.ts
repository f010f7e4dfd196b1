// TikTok as Herald knows it: shared by the server and the web app. Sources: shared/providers.md.
import { z } from 'zod';
import { MB, positiveOr, type NetworkRules, type RuleIssue, type RuleText } from '../rules.ts';
import { defineNetwork } from '../types.ts';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

export const tiktokPrivacyLevels = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'] as const;

export const tiktokSettings = z
  .object({
    /** direct: published at once; inbox: sent to the creator's TikTok inbox as a draft to finish in the app. */
    mode: z.enum(['direct', 'inbox']).default('direct'),
    privacyLevel: z.enum(tiktokPrivacyLevels).optional(),
    // Interactions start off: TikTok's posting guidelines require the creator to turn them on.
    disableComment: z.boolean().default(true),
    disableDuet: z.boolean().default(true),
    disableStitch: z.boolean().default(true),
    /** Paid partnership / a third party's brand. */
    brandContent: z.boolean().default(false),
    /** The creator's own business. */
    brandOrganic: z.boolean().default(false),
    isAigc: z.boolean().default(false),
    videoCoverTimestampMs: z.number().int().min(0).optional(),
    photoCoverIndex: z.number().int().min(0).optional(),
    autoAddMusic: z.boolean().optional(),
    /** Photo posts: the title (≤ 90); the text becomes the description. */
    title: z.string().max(90).optional(),
  })
  .strict();

const rules: NetworkRules = {
  network: 'tiktok',
  textLimit: () => ({ max: 2200, count: (text) => text.length, unit: 'characters' }),
  maxMedia: () => 35,
  replyChains: false,
  firstComment: false,
  needsMedia: true,
  settings: tiktokSettings,
  featureUsed: (settings) =>
    settings.mode === 'inbox'
      ? { feature: 'drafts', field: 'settings.mode', words: 'sending posts to the TikTok inbox' }
      : { feature: 'publish', field: 'settings.mode', words: 'posting directly to TikTok', instead: 'Send it to the TikTok inbox instead, or connect' },
  checkMedia(media, limits, _settings, instance) {
    const problems: RuleText[] = [];
    const videos = media.filter((m) => m.kind === 'video');
    const images = media.filter((m) => m.kind === 'image');
    if (videos.length && images.length) problems.push({ message: 'TikTok: a post is one video or photos, not both', key: 'network-tiktok:rules.videoOrPhotos' });
    if (videos.length > 1) problems.push({ message: 'TikTok: one video per post', key: 'network-tiktok:rules.oneVideo' });
    const maxDuration = positiveOr(limits.maxVideoPostDurationSec, 600);
    for (const video of videos) {
      if (!['video/mp4', 'video/quicktime', 'video/webm'].includes(video.mimeType)) problems.push({ message: `TikTok: videos must be MP4, MOV or WebM (this one is ${video.mimeType})`, key: 'network-tiktok:rules.videoType', values: { type: video.mimeType } });
      if (video.size > 4 * 1024 * MB) problems.push({ message: 'TikTok: videos can be at most 4 GB', key: 'network-tiktok:rules.videoTooLarge' });
      if (video.durationSeconds !== null && video.durationSeconds > maxDuration) {
        const duration = Math.round(video.durationSeconds);
        problems.push({ message: `TikTok: video longer than this account's ${maxDuration} s limit (${duration} s)`, key: 'network-tiktok:rules.videoTooLong', values: { max: maxDuration, duration } });
      }
      if (video.durationSeconds !== null && video.durationSeconds < 3) problems.push({ message: 'TikTok: videos must be at least 3 s long', key: 'network-tiktok:rules.videoTooShort' });
      if (video.frameRate !== null && (video.frameRate < 23 || video.frameRate > 60)) {
        const fps = Math.round(video.frameRate);
        problems.push({ message: `TikTok: frame rate must be 23–60 fps (this video has ${fps})`, key: 'network-tiktok:rules.frameRate', values: { fps } });
      }
      const sides = [video.width, video.height].filter((v): v is number => v !== null);
      if (sides.some((side) => side < 360 || side > 4096)) problems.push({ message: 'TikTok: each side of the video must be 360–4096 px', key: 'network-tiktok:rules.videoSides' });
    }
    for (const image of images) {
      if (!['image/jpeg', 'image/webp'].includes(image.mimeType)) problems.push({ message: `TikTok: photos must be JPEG or WebP (this one is ${image.mimeType})`, key: 'network-tiktok:rules.photoType', values: { type: image.mimeType } });
      if (image.size > 20 * MB) problems.push({ message: 'TikTok: photos can be at most 20 MB', key: 'network-tiktok:rules.photoTooLarge' });
      if (Math.max(image.width ?? 0, image.height ?? 0) > 1920) problems.push({ message: 'TikTok: photos can be at most 1080p (1920 px on the long side)', key: 'network-tiktok:rules.photoResolution' });
    }
    if (images.length > 35) problems.push({ message: 'TikTok: at most 35 photos', key: 'network-tiktok:rules.tooManyPhotos' });
    // TikTok takes photos only by fetching them from a web address (PULL_FROM_URL).
    if (images.length && instance && !instance.mediaByUrl) {
      problems.push({
        message: 'TikTok: this Herald cannot send photos to TikTok yet. TikTok fetches photos from a web address that the operator of this Herald must set up first: ask them, or post a video instead',
        key: 'network-tiktok:rules.photosNeedPublicMedia',
      });
    }
    return problems;
  },
  checkForPublishing(variant, limits) {
    const issues: RuleIssue[] = [];
    const settings = tiktokSettings.parse(variant.settings);
    if (settings.mode === 'direct') {
      if (!settings.privacyLevel) issues.push({ field: 'settings.privacyLevel', message: 'TikTok: choose who can see this post (there is no default)', key: 'network-tiktok:rules.choosePrivacy' });
      const options = Array.isArray(limits.privacyLevelOptions) ? (limits.privacyLevelOptions as string[]) : null;
      if (settings.privacyLevel && options && !options.includes(settings.privacyLevel)) {
        issues.push({ field: 'settings.privacyLevel', message: `TikTok: this account can post as ${options.join(', ')} only`, key: 'network-tiktok:rules.privacyNotOffered', values: { levels: options.join(', ') } });
      }
      if (settings.brandContent && settings.privacyLevel === 'SELF_ONLY') {
        issues.push({ field: 'settings.privacyLevel', message: 'TikTok: branded content cannot be private (only me)', key: 'network-tiktok:rules.brandedNotPrivate' });
      }
    }
    return issues;
  },
};

export const tiktok = defineNetwork({
  id: 'tiktok',
  messages: { en, fr },
  label: 'TikTok',
  brandColor: '#000000',
  connect: 'oauth',
  scopes: ['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.list', 'video.upload', 'video.publish'],
  scopeMeanings: {
    'user.info.basic': 'read your account id, display name and avatar',
    'user.info.profile': 'read your username, bio and profile link',
    'user.info.stats': 'read your follower, following, like and video counts',
    'video.list': 'read the list of your public videos and their statistics',
    'video.upload': 'upload videos as drafts to your TikTok inbox',
    'video.publish': 'publish videos to your account',
  },
  featureScopes: {
    profile: ['user.info.basic', 'user.info.profile'],
    publish: ['video.publish'],
    drafts: ['video.upload'],
    analytics: ['video.list', 'user.info.stats'],
  },
  analytics: { counters: ['views', 'likes', 'comments', 'shares'], followers: true },
  terms: [
    { label: 'TikTok Terms of Service', url: 'https://www.tiktok.com/legal/page/global/terms-of-service/en' },
    { label: 'TikTok Community Guidelines', url: 'https://www.tiktok.com/community-guidelines' },
  ],
  rules,
  // TikTok allows 6 post inits a minute per token.
  accountSpacingMs: 10_000,
  withoutPublicMedia: 'TikTok takes photo posts only from a web address, and this Herald has none set up yet: ask whoever runs it to set HERALD_MEDIA_PUBLIC_URL. Videos work without it.',
  settings: {
    tiktokClientKey: {
      env: 'HERALD_TIKTOK_CLIENT_KEY',
      doc: 'TikTok app client key (developers.tiktok.com). TikTok is offered only when key and secret are set.',
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    tiktokClientSecret: {
      env: 'HERALD_TIKTOK_CLIENT_SECRET',
      doc: 'TikTok app client secret.',
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    tiktokAuthUrl: {
      env: 'HERALD_TIKTOK_AUTH_URL',
      doc: "Origin of TikTok's consent page (change only to point at a local fake).",
      default: 'https://www.tiktok.com',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    tiktokApiUrl: {
      env: 'HERALD_TIKTOK_API_URL',
      doc: "Origin of TikTok's API (change only to point at a local fake).",
      default: 'https://open.tiktokapis.com',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
  },
  // TikTok needs an app registered by the operator.
  enabled: (config) => Boolean(config.tiktokClientKey && config.tiktokClientSecret),
  outgoing: (config) =>
    config.mediaPublicUrl ? [['TikTok fetches the videos you publish from ', { code: config.mediaPublicUrl }, ', through a link signed for that one file, valid only while the file exists.']] : [],
});
