// YouTube as Herald knows it: shared by the server and the web app. Sources: shared/providers.md §9.
import { z } from 'zod';
import { utf8Length, type NetworkRules, type RuleIssue, type RuleText } from '../rules.ts';
import { envBoolean } from '../setting-schemas.ts';
import { defineNetwork } from '../types.ts';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

const scope = (name: string) => `https://www.googleapis.com/auth/${name}`;
export const youtubeScopes = {
  upload: scope('youtube.upload'),
  readonly: scope('youtube.readonly'),
  manage: scope('youtube'),
  analytics: scope('yt-analytics.readonly'),
} as const;

export const youtubePrivacy = ['public', 'unlisted', 'private'] as const;
/** Shorts: at most this long (3 minutes since 2024; providers.md §9, third-party). */
export const SHORTS_MAX_SECONDS = 180;
export const TITLE_MAX = 100;
export const DESCRIPTION_MAX_BYTES = 5000;
/** YouTube counts tags together (with a separator between them) against 500 characters. */
export const TAGS_MAX_TOTAL = 500;
const angle = /[<>]/;

/** The length YouTube counts for a tag list: each tag, quotes around tags with spaces, a comma between. */
export const tagsLength = (tags: readonly string[]) => tags.reduce((n, tag, i) => n + tag.length + (tag.includes(' ') ? 2 : 0) + (i > 0 ? 1 : 0), 0);

export const youtubeSettings = z
  .object({
    /** The video's title (YouTube requires one): at most 100 characters, no < or >. */
    title: z.string().max(TITLE_MAX, `at most ${TITLE_MAX} characters`).refine((t) => !angle.test(t), 'YouTube titles cannot contain < or >').default(''),
    privacyStatus: z.enum(youtubePrivacy).default('public'),
    /**
     * Whether the video is made for kids: a legal statement (COPPA) that only the uploader can
     * make, so there is no default and a post is refused until it is chosen.
     */
    madeForKids: z.boolean().nullable().default(null),
    /** Altered or synthetic content that looks real (YouTube's disclosure). */
    containsSyntheticMedia: z.boolean().default(false),
    /** YouTube's video category id (22: People & Blogs). */
    categoryId: z.string().regex(/^\d{1,3}$/, 'a YouTube category number').default('22'),
    tags: z.array(z.string().trim().min(1).max(TAGS_MAX_TOTAL).refine((t) => !angle.test(t), 'tags cannot contain < or >')).max(100).default([]),
    notifySubscribers: z.boolean().default(true),
    /** Published as a Short: vertical or square, at most 3 minutes. */
    short: z.boolean().default(false),
    /** Added to this playlist of the channel once uploaded. */
    playlistId: z.string().regex(/^[A-Za-z0-9_-]{2,64}$/, 'a YouTube playlist id').nullable().default(null),
  })
  .strict();
export type YouTubeSettings = z.infer<typeof youtubeSettings>;

const rules: NetworkRules = {
  network: 'youtube',
  // The post's text is the video's description: YouTube's limit is 5,000 bytes.
  textLimit: () => ({ max: DESCRIPTION_MAX_BYTES, count: utf8Length, unit: 'bytes' }),
  maxTextBytes: DESCRIPTION_MAX_BYTES,
  // One video, and optionally one image after it: the custom thumbnail.
  maxMedia: () => 2,
  replyChains: false,
  firstComment: false,
  needsMedia: true,
  settings: youtubeSettings,
  featureUsed: () => ({ feature: 'publish', field: 'settings', words: 'uploading videos to YouTube' }),
  checkMedia(media, _limits, rawSettings) {
    const problems: RuleText[] = [];
    const settings = youtubeSettings.safeParse(rawSettings);
    const videos = media.filter((m) => m.kind === 'video');
    const images = media.filter((m) => m.kind === 'image');
    if (videos.length !== 1) problems.push({ message: 'YouTube: a post is exactly one video (and optionally one image after it as the thumbnail)', key: 'network-youtube:rules.oneVideo' });
    if (images.length > 1) problems.push({ message: 'YouTube: at most one image, the custom thumbnail', key: 'network-youtube:rules.oneThumbnail' });
    if (media[0] && media[0].kind !== 'video') problems.push({ message: 'YouTube: put the video first; an image after it becomes the custom thumbnail', key: 'network-youtube:rules.videoFirst' });
    for (const video of videos) {
      if (!video.mimeType.startsWith('video/')) problems.push({ message: `YouTube: the video must be a video file (this one is ${video.mimeType})`, key: 'network-youtube:rules.notVideo', values: { type: video.mimeType } });
      if (video.size > 256 * 1024 ** 3) problems.push({ message: 'YouTube: videos can be at most 256 GB', key: 'network-youtube:rules.videoTooLarge' });
      if (settings.success && settings.data.short) {
        if (video.durationSeconds !== null && video.durationSeconds > SHORTS_MAX_SECONDS) {
          const [max, duration] = [SHORTS_MAX_SECONDS / 60, Math.round(video.durationSeconds)];
          problems.push({ message: `YouTube: a Short can be at most ${max} minutes long (this video lasts ${duration} s)`, key: 'network-youtube:rules.shortTooLong', values: { max, duration } });
        }
        if (video.width !== null && video.height !== null && video.width > video.height) {
          problems.push({ message: `YouTube: a Short must be vertical or square (this video is ${video.width}×${video.height})`, key: 'network-youtube:rules.shortNotVertical', values: { width: video.width, height: video.height } });
        }
      }
    }
    for (const image of images) {
      if (!['image/jpeg', 'image/png'].includes(image.mimeType)) problems.push({ message: `YouTube: the thumbnail must be a JPEG or PNG (this one is ${image.mimeType})`, key: 'network-youtube:rules.thumbnailType', values: { type: image.mimeType } });
      if (image.size > 2 * 1024 * 1024) problems.push({ message: 'YouTube: the thumbnail can be at most 2 MB', key: 'network-youtube:rules.thumbnailTooLarge' });
    }
    return problems;
  },
  checkForPublishing(variant) {
    const issues: RuleIssue[] = [];
    const parsed = youtubeSettings.safeParse(variant.settings);
    if (!parsed.success) return issues;
    const settings = parsed.data;
    if (settings.madeForKids === null) issues.push({ field: 'settings.madeForKids', message: 'YouTube: choose whether this video is made for kids', key: 'network-youtube:rules.madeForKids' });
    if (!settings.title.trim()) issues.push({ field: 'settings.title', message: 'YouTube: give the video a title', key: 'network-youtube:rules.needsTitle' });
    if (tagsLength(settings.tags) > TAGS_MAX_TOTAL) issues.push({ field: 'settings.tags', message: `YouTube: the tags together can be at most ${TAGS_MAX_TOTAL} characters`, key: 'network-youtube:rules.tagsTooLong', values: { max: TAGS_MAX_TOTAL } });
    if (angle.test(variant.parts[0]?.text ?? '')) issues.push({ field: 'content.text', message: 'YouTube: descriptions cannot contain < or >', key: 'network-youtube:rules.noAngleBrackets' });
    return issues;
  },
};

/** The unit costs Herald counts per call (YouTube Data API quota table, 2026; providers.md §9). */
export const defaultQuotaCosts = {
  'channels.list': 1,
  'videos.list': 1,
  'playlists.list': 1,
  'playlistItems.list': 1,
  // Since 2026-06-01 uploads count in their own bucket (HERALD_YOUTUBE_DAILY_UPLOADS), not in units;
  // projects still charged the older 1,600 (or ~100) units per upload set it here.
  'videos.insert': 0,
  'thumbnails.set': 50,
  'playlistItems.insert': 50,
} as const;
export type QuotaCall = keyof typeof defaultQuotaCosts;

const quotaCostsSchema = z
  .string()
  .transform((text, ctx) => {
    if (!text.trim()) return { ...defaultQuotaCosts };
    try {
      const parsed = z.record(z.enum(Object.keys(defaultQuotaCosts) as [QuotaCall, ...QuotaCall[]]), z.number().int().min(0)).parse(JSON.parse(text));
      return { ...defaultQuotaCosts, ...parsed };
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be a JSON object of unit costs by call (${Object.keys(defaultQuotaCosts).join(', ')})` });
      return z.NEVER;
    }
  });

const url = z.url({ message: 'must be an absolute URL' });

export const youtube = defineNetwork({
  id: 'youtube',
  messages: { en, fr },
  label: 'YouTube',
  brandColor: '#FF0000',
  connect: 'oauth',
  scopes: [youtubeScopes.upload, youtubeScopes.readonly, youtubeScopes.manage, youtubeScopes.analytics],
  scopeMeanings: {
    [youtubeScopes.upload]: 'upload videos to your channel and set their thumbnails',
    [youtubeScopes.readonly]: "read your channel's name, picture and the statistics of its videos",
    [youtubeScopes.manage]: "add videos to your channel's playlists (YouTube offers no narrower permission for it)",
    [youtubeScopes.analytics]: 'read the shares and watch time of your videos (optional: without it these stay empty)',
  },
  featureScopes: {
    profile: [youtubeScopes.readonly],
    // Uploading, then following the video's processing (videos.list needs the read permission).
    publish: [youtubeScopes.upload, youtubeScopes.readonly],
    // YouTube has no drafts Herald could send: a private upload is published like any other.
    drafts: [youtubeScopes.upload, youtubeScopes.readonly],
    analytics: [youtubeScopes.readonly],
  },
  analytics: { counters: ['views', 'likes', 'comments', 'shares'], followers: true },
  terms: [
    { label: 'YouTube Terms of Service', url: 'https://www.youtube.com/t/terms' },
    { label: 'YouTube Community Guidelines', url: 'https://www.youtube.com/howyoutubeworks/policies/community-guidelines/' },
    { label: 'Google Privacy Policy', url: 'https://policies.google.com/privacy' },
  ],
  rules,
  // YouTube documents no per-account call rate, only the project's daily quota (counted apart).
  accountSpacingMs: 2_000,
  settings: {
    youtubeClientId: {
      env: 'HERALD_YOUTUBE_CLIENT_ID',
      doc: 'Google OAuth client id of the Google Cloud project with the YouTube Data API enabled. YouTube is offered only when id and secret are set.',
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    youtubeClientSecret: {
      env: 'HERALD_YOUTUBE_CLIENT_SECRET',
      doc: 'Google OAuth client secret.',
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    youtubeAppInTesting: {
      env: 'HERALD_YOUTUBE_APP_IN_TESTING',
      doc: 'Whether the Google project\'s OAuth consent screen is in "Testing" status: Google then ends refresh tokens after 7 days, and Herald warns before a channel has to be connected again.',
      default: 'false',
      schema: envBoolean,
    },
    youtubeDailyQuota: {
      env: 'HERALD_YOUTUBE_DAILY_QUOTA',
      doc: "The Google project's daily YouTube Data API quota in units (10,000 by default at Google); Herald counts every call and defers uploads that would exceed it until midnight Pacific time.",
      default: '10000',
      schema: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1'),
    },
    youtubeDailyUploads: {
      env: 'HERALD_YOUTUBE_DAILY_UPLOADS',
      doc: "The Google project's daily video uploads (YouTube's own upload bucket, 100 by default at Google).",
      default: '100',
      schema: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1'),
    },
    youtubeQuotaCosts: {
      env: 'HERALD_YOUTUBE_QUOTA_COSTS',
      doc: `Unit costs Herald counts per YouTube call, as JSON overriding the defaults ${JSON.stringify(defaultQuotaCosts)} (e.g. {"videos.insert":1600} for a project still charged the older upload cost).`,
      default: '',
      schema: quotaCostsSchema,
    },
    youtubeUploadChunkKib: {
      env: 'HERALD_YOUTUBE_UPLOAD_CHUNK_KIB',
      doc: 'Size of each resumable upload chunk in KiB: a multiple of 256, as YouTube requires.',
      default: '8192',
      schema: z.coerce
        .number({ message: 'must be a number' })
        .int('must be a whole number')
        .min(256, 'must be at least 256')
        .refine((n) => n % 256 === 0, 'must be a multiple of 256'),
    },
    youtubeAuthUrl: {
      env: 'HERALD_YOUTUBE_AUTH_URL',
      doc: "Google's consent page (change only to point at a local fake).",
      default: 'https://accounts.google.com/o/oauth2/v2/auth',
      schema: url,
    },
    youtubeTokenUrl: {
      env: 'HERALD_YOUTUBE_TOKEN_URL',
      doc: "Google's token endpoint (change only to point at a local fake).",
      default: 'https://oauth2.googleapis.com/token',
      schema: url,
    },
    youtubeRevokeUrl: {
      env: 'HERALD_YOUTUBE_REVOKE_URL',
      doc: "Google's token revocation endpoint (change only to point at a local fake).",
      default: 'https://oauth2.googleapis.com/revoke',
      schema: url,
    },
    youtubeApiUrl: {
      env: 'HERALD_YOUTUBE_API_URL',
      doc: 'Base of the YouTube Data API (change only to point at a local fake).',
      default: 'https://www.googleapis.com/youtube/v3',
      schema: url,
    },
    youtubeUploadUrl: {
      env: 'HERALD_YOUTUBE_UPLOAD_URL',
      doc: 'Base of the YouTube Data API upload endpoints (change only to point at a local fake).',
      default: 'https://www.googleapis.com/upload/youtube/v3',
      schema: url,
    },
    youtubeAnalyticsUrl: {
      env: 'HERALD_YOUTUBE_ANALYTICS_URL',
      doc: 'Base of the YouTube Analytics API (change only to point at a local fake).',
      default: 'https://youtubeanalytics.googleapis.com/v2',
      schema: url,
    },
  },
  // YouTube needs a Google Cloud project registered by the operator.
  enabled: (config) => Boolean(config.youtubeClientId && config.youtubeClientSecret),
});
