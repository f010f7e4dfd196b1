// X (formerly Twitter), API v2, as Herald knows it: shared by the server and the web app.
// Sources: shared/providers.md §4.
import { z } from 'zod';
import { MB, positiveOr, type MediaFacts, type NetworkRules, type RuleIssue, type RuleText, type VariantInput } from '../rules.ts';
import { defineNetwork } from '../types.ts';
import { weightedLength } from './counting.ts';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

/** The weighted limit of a post (providers.md §4 "Limits"). */
export const X_TEXT_LIMIT = 280;
/** What X lets a subscriber (Premium, verified) post; the channel keeps it as `limits.textMax`. */
export const X_LONG_TEXT_LIMIT = 25_000;
export const X_MAX_IMAGES = 4;
export const X_IMAGE_MAX_BYTES = 5 * MB;
export const X_GIF_MAX_BYTES = 15 * MB;
/** The best-practices page; X reports higher limits since 2026-09 (a conflict: the operator can't raise these, X refuses what it will not take). */
export const X_VIDEO_MAX_BYTES = 512 * MB;
export const X_VIDEO_MAX_SECONDS = 140;
export const POLL_MIN_MINUTES = 5;
export const POLL_MAX_MINUTES = 10_080;

/** Who may reply (X's `reply_settings`; "everyone" sends none). */
export const xReplySettings = ['everyone', 'following', 'mentionedUsers', 'subscribers', 'verified'] as const;

/** A post to quote: its link (x.com or twitter.com) or its id. */
const postRef = /^(?:https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/[A-Za-z0-9_]{1,15}\/status(?:es)?\/(\d{1,20})(?:[/?#].*)?|(\d{1,20}))$/;

/** The id of the post a setting names (link or id), or null. Kept as a string: ids are 64-bit. */
export function quotedPostId(value: string | null | undefined): string | null {
  const match = postRef.exec((value ?? '').trim());
  return match ? (match[1] ?? match[2] ?? null) : null;
}

export const xSettings = z
  .object({
    replySettings: z.enum(xReplySettings).default('everyone'),
    /** A post to quote, by link or id. */
    quote: z
      .string()
      .trim()
      .max(300)
      .refine((v) => v === '' || quotedPostId(v) !== null, 'must be a link to a post on X (https://x.com/name/status/123…) or its id')
      .nullable()
      .default(null),
    poll: z
      .object({
        options: z.array(z.string().trim().min(1, 'a poll choice cannot be empty').max(25, 'a poll choice is at most 25 characters')).min(2, 'a poll has 2 to 4 choices').max(4, 'a poll has 2 to 4 choices'),
        durationMinutes: z.number().int().min(POLL_MIN_MINUTES, `a poll lasts at least ${POLL_MIN_MINUTES} minutes`).max(POLL_MAX_MINUTES, 'a poll lasts at most 7 days'),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type XSettings = z.infer<typeof xSettings>;

/** How X takes a file: photos by the simple upload, GIFs and videos in chunks. */
export type XMediaKind = 'image' | 'gif' | 'video';
export const xMediaKind = (m: Pick<MediaFacts, 'kind' | 'mimeType'>): XMediaKind => (m.kind === 'video' ? 'video' : m.mimeType === 'image/gif' ? 'gif' : 'image');

const imageTypes = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

export function checkXMedia(media: readonly MediaFacts[]): RuleText[] {
  const problems: RuleText[] = [];
  const kinds = media.map(xMediaKind);
  const gifs = kinds.filter((k) => k === 'gif').length;
  const videos = kinds.filter((k) => k === 'video').length;
  if ((gifs || videos) && media.length > 1) problems.push({ message: 'X: a GIF or a video is posted alone (up to 4 photos, or 1 GIF, or 1 video)', key: 'network-x:rules.gifOrVideoAlone' });
  if (media.length > X_MAX_IMAGES) problems.push({ message: `X: at most ${X_MAX_IMAGES} photos in one post`, key: 'network-x:rules.tooManyPhotos', values: { max: X_MAX_IMAGES } });
  media.forEach((m, i) => {
    const kind = kinds[i];
    if (m.kind === 'image' && !imageTypes.includes(m.mimeType)) problems.push({ message: `X: photos must be JPEG, PNG, GIF or WEBP (this one is ${m.mimeType})`, key: 'network-x:rules.photoType', values: { type: m.mimeType } });
    if (kind === 'image' && m.size > X_IMAGE_MAX_BYTES) problems.push({ message: 'X: a photo can be at most 5 MB', key: 'network-x:rules.photoTooLarge' });
    if (kind === 'gif' && m.size > X_GIF_MAX_BYTES) problems.push({ message: 'X: a GIF can be at most 15 MB', key: 'network-x:rules.gifTooLarge' });
    if (kind === 'video') {
      if (!['video/mp4', 'video/quicktime'].includes(m.mimeType)) problems.push({ message: `X: videos must be MP4 or MOV (this one is ${m.mimeType})`, key: 'network-x:rules.videoType', values: { type: m.mimeType } });
      if (m.size > X_VIDEO_MAX_BYTES) problems.push({ message: 'X: a video can be at most 512 MB', key: 'network-x:rules.videoTooLarge' });
      if (m.durationSeconds !== null && (m.durationSeconds < 0.5 || m.durationSeconds > X_VIDEO_MAX_SECONDS)) {
        const duration = Math.round(m.durationSeconds);
        problems.push({ message: `X: videos must last 0.5 to ${X_VIDEO_MAX_SECONDS} seconds (this one lasts ${duration} s)`, key: 'network-x:rules.videoDuration', values: { max: X_VIDEO_MAX_SECONDS, duration } });
      }
    }
  });
  return problems;
}

function checkVariant(variant: VariantInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const parsed = xSettings.safeParse(variant.settings);
  if (!parsed.success) return issues;
  const s = parsed.data;
  const first = variant.parts[0];
  if (s.poll && first?.media.length) issues.push({ field: 'settings.poll', message: 'X: a post with a poll cannot carry photos or videos', key: 'network-x:rules.pollNoMedia' });
  if (s.poll && quotedPostId(s.quote)) issues.push({ field: 'settings.poll', message: 'X: a post with a poll cannot quote another post', key: 'network-x:rules.pollNoQuote' });
  if (s.poll && new Set(s.poll.options.map((o) => o.toLowerCase())).size !== s.poll.options.length) issues.push({ field: 'settings.poll', message: 'X: the poll choices must differ', key: 'network-x:rules.pollChoicesDiffer' });
  variant.parts.forEach((part, i) => {
    if (!part.text.trim() && !part.media.length) issues.push({ field: i === 0 ? 'content.text' : `content.threadParts.${i - 1}`, message: 'X: a post needs text or media', key: 'network-x:rules.textOrMedia', code: 'empty' });
  });
  return issues;
}

/** The channel's text limit: longer for subscribers, as read from the account at connect. */
export const xTextMax = (limits: Record<string, unknown>) => positiveOr(limits.textMax, X_TEXT_LIMIT);

const rules: NetworkRules = {
  network: 'x',
  textLimit: (limits) => ({ max: xTextMax(limits), count: weightedLength, unit: 'characters' }),
  maxMedia: () => X_MAX_IMAGES,
  replyChains: true,
  firstComment: false,
  needsMedia: false,
  settings: xSettings,
  featureUsed: () => ({ feature: 'publish', field: 'channelId', words: 'posting to X' }),
  checkMedia: (media) => checkXMedia(media),
  checkForPublishing: (variant) => checkVariant(variant),
};

export const xScopes = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'] as const;

const url = z.url({ message: 'must be an absolute URL' });
const positiveInt = z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1');

export const x = defineNetwork({
  id: 'x',
  messages: { en, fr },
  label: 'X',
  brandColor: '#000000',
  connect: 'oauth',
  scopes: xScopes,
  scopeMeanings: {
    'tweet.read': 'read your posts (to check whether a post went out, and their counters)',
    'tweet.write': 'publish posts, threads, polls and quotes as you',
    'users.read': 'read your name, @handle, picture and whether you subscribe to X Premium',
    'media.write': 'upload photos, GIFs and videos for your posts',
    'offline.access': 'stay connected without asking you again every two hours',
  },
  featureScopes: {
    profile: ['users.read', 'tweet.read'],
    publish: ['tweet.read', 'tweet.write', 'users.read'],
    // X has no drafts Herald could create: a post is published or not at all.
    drafts: ['tweet.read', 'tweet.write', 'users.read'],
    analytics: ['tweet.read', 'users.read'],
  },
  analytics: { counters: ['views', 'likes', 'comments', 'shares'], followers: true },
  terms: [
    { label: 'X Terms of Service', url: 'https://x.com/en/tos' },
    { label: 'X Rules', url: 'https://help.x.com/en/rules-and-policies/x-rules' },
    { label: 'X Developer Agreement and Policy', url: 'https://developer.x.com/en/developer-terms/agreement-and-policy' },
  ],
  rules,
  // 100 posts per 15 minutes per user: one every 9 s keeps a burst (a long thread) inside it.
  accountSpacingMs: 9_000,
  settings: {
    xClientId: {
      env: 'HERALD_X_CLIENT_ID',
      doc: "X app's OAuth 2.0 Client ID (X Developer Console › your app › Keys and tokens). X is offered only when id and secret are set. The app must be a confidential client (Web App or Automated App) with <HERALD_PUBLIC_URL>/api/v1/oauth/callback/x as a callback URL.",
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    xClientSecret: {
      env: 'HERALD_X_CLIENT_SECRET',
      doc: "X app's OAuth 2.0 Client Secret (same page).",
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    xAppPostsPerDay: {
      env: 'HERALD_X_APP_POSTS_PER_DAY',
      doc: "How many posts X lets this Herald's app create in 24 hours, all accounts together (10,000 for POST /2/tweets in X's rate limits). Herald counts its own posts, refuses posts that would go over when they are scheduled, and holds back a post until the day (UTC) ends if the cap is reached when it is due.",
      default: '10000',
      schema: positiveInt,
    },
    xAccountPostsPerQuarterHour: {
      env: 'HERALD_X_ACCOUNT_POSTS_PER_QUARTER_HOUR',
      doc: 'How many posts X lets one account create through this app in 15 minutes (100 in X’s rate limits). Counted and enforced like the app cap, per quarter hour.',
      default: '100',
      schema: positiveInt,
    },
    xAuthorizeUrl: {
      env: 'HERALD_X_AUTHORIZE_URL',
      doc: "X's consent page (change only to point at a local fake).",
      default: 'https://x.com/i/oauth2/authorize',
      schema: url,
    },
    xApiUrl: {
      env: 'HERALD_X_API_URL',
      doc: 'Origin of the X API, token and media endpoints included (change only to point at a local fake).',
      default: 'https://api.x.com',
      schema: url,
    },
    xUploadChunkKib: {
      env: 'HERALD_X_UPLOAD_CHUNK_KIB',
      doc: "Size of each chunk of a GIF or video upload in KiB (X's guide uses 1 MB chunks; at most 999 chunks per file).",
      default: '1024',
      schema: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(16, 'must be at least 16').max(5120, 'must be at most 5120'),
    },
  },
  enabled: (config) => Boolean(config.xClientId && config.xClientSecret),
});
