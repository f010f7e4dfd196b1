// What each network accepts in a post, as data shared by the composer, the API and the worker,
// so all three refuse the same things with the same words. Sources: shared/providers.md.
import { z } from 'zod';
import { networks, type Feature, type NetworkId } from './networks.ts';

export type MediaFacts = {
  id: string;
  kind: 'image' | 'video';
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  frameRate: number | null;
};

export type VariantInput = {
  parts: { text: string; media: { mediaId: string; altText?: string }[] }[];
  firstComment?: string | null;
  settings: Record<string, unknown>;
};

/** Channel facts that change the rules: Mastodon's instance limits, TikTok's creator info. */
export type ChannelLimits = Record<string, unknown>;

export type RuleIssue = { field: string; message: string };

/** What this Herald instance can do, as configured by its operator. */
export type InstanceCapabilities = {
  /** A public address networks can fetch media from (HERALD_MEDIA_PUBLIC_URL); TikTok photos need one. */
  mediaByUrl: boolean;
};

/** What the channel was allowed to do when it was connected. */
export type ChannelGrant = { scopesGranted: readonly string[] };

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
/** User-perceived characters: an emoji with modifiers is one, as Bluesky counts. */
export function countGraphemes(text: string): number {
  if (!segmenter) return [...text].length;
  let n = 0;
  for (const _ of segmenter.segment(text)) n += 1;
  return n;
}
export const utf8Length = (text: string) => new TextEncoder().encode(text).length;

const urlPattern = /https?:\/\/[^\s<>"]+/g;
/** Mastodon counts every URL as `reserved` characters, whatever its length. */
export function countMastodon(text: string, reservedPerUrl = 23): number {
  let count = 0;
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    count += [...text.slice(last, match.index)].length + reservedPerUrl;
    last = match.index! + match[0].length;
  }
  return count + [...text.slice(last)].length;
}

const num = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback);

export const tiktokPrivacyLevels = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'] as const;

export const tiktokSettings = z
  .object({
    /** direct: published at once; inbox: sent to the creator's TikTok inbox as a draft to finish in the app. */
    mode: z.enum(['direct', 'inbox']).default('direct'),
    privacyLevel: z.enum(tiktokPrivacyLevels).optional(),
    disableComment: z.boolean().default(false),
    disableDuet: z.boolean().default(false),
    disableStitch: z.boolean().default(false),
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

export const mastodonSettings = z
  .object({
    visibility: z.enum(['public', 'unlisted', 'private', 'direct']).default('public'),
    spoilerText: z.string().max(500).optional(),
    sensitive: z.boolean().optional(),
    language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code').optional(),
  })
  .strict();

export const blueskySettings = z
  .object({
    langs: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a BCP-47 language tag')).max(3).optional(),
  })
  .strict();

export type NetworkRules = {
  network: NetworkId;
  /** The text limit and how it is counted, for this channel. */
  textLimit(limits: ChannelLimits): { max: number; count: (text: string) => number; unit: string };
  maxMedia(limits: ChannelLimits): number;
  threads: boolean;
  firstComment: boolean;
  /** A post needs at least one media file (TikTok has no text-only posts). */
  needsMedia: boolean;
  settings: z.ZodType<Record<string, unknown>>;
  /** Per-file and per-post media checks; messages are shown to the user as they are. */
  checkMedia(media: MediaFacts[], limits: ChannelLimits, settings: Record<string, unknown>, instance?: InstanceCapabilities): string[];
  /** The feature (and so the permissions, networks.featureScopes) a post with these settings uses. */
  featureUsed(settings: Record<string, unknown>): { feature: Feature; field: string; words: string; instead?: string };
  /** Checks that only matter when the post is scheduled (a draft may still be incomplete). */
  checkForPublishing(variant: VariantInput, limits: ChannelLimits): RuleIssue[];
};

const MB = 1024 * 1024;

const tiktok: NetworkRules = {
  network: 'tiktok',
  textLimit: () => ({ max: 2200, count: (text) => text.length, unit: 'characters' }),
  maxMedia: () => 35,
  threads: false,
  firstComment: false,
  needsMedia: true,
  settings: tiktokSettings,
  featureUsed: (settings) =>
    settings.mode === 'inbox'
      ? { feature: 'drafts', field: 'settings.mode', words: 'sending posts to the TikTok inbox' }
      : { feature: 'publish', field: 'settings.mode', words: 'posting directly to TikTok', instead: 'Send it to the TikTok inbox instead, or connect' },
  checkMedia(media, limits, _settings, instance) {
    const problems: string[] = [];
    const videos = media.filter((m) => m.kind === 'video');
    const images = media.filter((m) => m.kind === 'image');
    if (videos.length && images.length) problems.push('TikTok: a post is one video or photos, not both');
    if (videos.length > 1) problems.push('TikTok: one video per post');
    const maxDuration = num(limits.maxVideoPostDurationSec, 600);
    for (const video of videos) {
      if (!['video/mp4', 'video/quicktime', 'video/webm'].includes(video.mimeType)) problems.push(`TikTok: videos must be MP4, MOV or WebM (this one is ${video.mimeType})`);
      if (video.size > 4 * 1024 * MB) problems.push('TikTok: videos can be at most 4 GB');
      if (video.durationSeconds !== null && video.durationSeconds > maxDuration) {
        problems.push(`TikTok: video longer than this account's ${maxDuration} s limit (${Math.round(video.durationSeconds)} s)`);
      }
      if (video.durationSeconds !== null && video.durationSeconds < 3) problems.push('TikTok: videos must be at least 3 s long');
      if (video.frameRate !== null && (video.frameRate < 23 || video.frameRate > 60)) problems.push(`TikTok: frame rate must be 23–60 fps (this video has ${Math.round(video.frameRate)})`);
      const sides = [video.width, video.height].filter((v): v is number => v !== null);
      if (sides.some((side) => side < 360 || side > 4096)) problems.push('TikTok: each side of the video must be 360–4096 px');
    }
    for (const image of images) {
      if (!['image/jpeg', 'image/webp'].includes(image.mimeType)) problems.push(`TikTok: photos must be JPEG or WebP (this one is ${image.mimeType})`);
      if (image.size > 20 * MB) problems.push('TikTok: photos can be at most 20 MB');
      if (Math.max(image.width ?? 0, image.height ?? 0) > 1920) problems.push('TikTok: photos can be at most 1080p (1920 px on the long side)');
    }
    if (images.length > 35) problems.push('TikTok: at most 35 photos');
    // TikTok takes photos only by fetching them from a web address (PULL_FROM_URL).
    if (images.length && instance && !instance.mediaByUrl) {
      problems.push('TikTok: this Herald cannot send photos to TikTok yet. TikTok fetches photos from a web address that the operator of this Herald must set up first: ask them, or post a video instead');
    }
    return problems;
  },
  checkForPublishing(variant, limits) {
    const issues: RuleIssue[] = [];
    const settings = tiktokSettings.parse(variant.settings);
    if (settings.mode === 'direct') {
      if (!settings.privacyLevel) issues.push({ field: 'settings.privacyLevel', message: 'TikTok: choose who can see this post (there is no default)' });
      const options = Array.isArray(limits.privacyLevelOptions) ? (limits.privacyLevelOptions as string[]) : null;
      if (settings.privacyLevel && options && !options.includes(settings.privacyLevel)) {
        issues.push({ field: 'settings.privacyLevel', message: `TikTok: this account can post as ${options.join(', ')} only` });
      }
      if (settings.brandContent && settings.privacyLevel === 'SELF_ONLY') {
        issues.push({ field: 'settings.privacyLevel', message: 'TikTok: branded content cannot be private (only me)' });
      }
    }
    return issues;
  },
};

const mastodon: NetworkRules = {
  network: 'mastodon',
  textLimit: (limits) => {
    const reserved = num(limits.charactersReservedPerUrl, 23);
    return { max: num(limits.maxCharacters, 500), count: (text) => countMastodon(text, reserved), unit: 'characters' };
  },
  maxMedia: (limits) => num(limits.maxMediaAttachments, 4),
  threads: true,
  firstComment: true,
  needsMedia: false,
  settings: mastodonSettings,
  featureUsed: () => ({ feature: 'publish', field: 'channelId', words: 'posting' }),
  checkMedia(media, limits) {
    const problems: string[] = [];
    const attach = (limits.mediaAttachments ?? {}) as Record<string, unknown>;
    const types = Array.isArray(attach.supported_mime_types) ? (attach.supported_mime_types as string[]) : null;
    for (const file of media) {
      if (types && !types.includes(file.mimeType)) problems.push(`Mastodon: this server does not take ${file.mimeType} files`);
      const max = file.kind === 'image' ? num(attach.image_size_limit, 16 * MB) : num(attach.video_size_limit, 99 * MB);
      if (file.size > max) problems.push(`Mastodon: this server takes ${file.kind}s up to ${Math.floor(max / MB)} MB`);
    }
    if (media.some((m) => m.kind === 'video') && media.length > 1) problems.push('Mastodon: a video cannot be combined with other media');
    return problems;
  },
  checkForPublishing: () => [],
};

const bluesky: NetworkRules = {
  network: 'bluesky',
  textLimit: () => ({ max: 300, count: countGraphemes, unit: 'graphemes' }),
  maxMedia: () => 4,
  threads: true,
  firstComment: true,
  needsMedia: false,
  settings: blueskySettings,
  featureUsed: () => ({ feature: 'publish', field: 'channelId', words: 'posting' }),
  checkMedia(media, limits) {
    const problems: string[] = [];
    const maxImage = Math.min(num(limits.blobUploadLimit, 1_000_000), 1_000_000);
    if (media.some((m) => m.kind === 'video')) problems.push('Bluesky: video posts are not supported by Herald yet; use images');
    for (const image of media.filter((m) => m.kind === 'image')) {
      if (!image.mimeType.startsWith('image/')) problems.push(`Bluesky: ${image.mimeType} is not an image`);
      if (image.size > maxImage) problems.push(`Bluesky: images can be at most ${Math.floor(maxImage / 1000)} kB (this one is ${Math.ceil(image.size / 1000)} kB)`);
    }
    return problems;
  },
  checkForPublishing: () => [],
};

export const publishingRules: Record<NetworkId, NetworkRules> = { tiktok, mastodon, bluesky };

/**
 * Everything wrong with one channel's variant, each with the field it concerns. `mediaFacts`
 * holds the probed facts of every media id the variant uses.
 */
export function checkVariant(
  network: NetworkId,
  variant: VariantInput,
  mediaFacts: Map<string, MediaFacts>,
  limits: ChannelLimits,
  options: { forPublishing: boolean; grant?: ChannelGrant; instance?: InstanceCapabilities },
): RuleIssue[] {
  const rules = publishingRules[network];
  const issues: RuleIssue[] = [];
  const label = { tiktok: 'TikTok', mastodon: 'Mastodon', bluesky: 'Bluesky' }[network];
  const settings = rules.settings.safeParse(variant.settings ?? {});
  if (!settings.success) {
    for (const issue of settings.error.issues) issues.push({ field: `settings.${issue.path.join('.')}`.replace(/\.$/, ''), message: `${label}: ${issue.message}` });
    return issues;
  }
  if (options.grant) {
    // A permission the account owner did not grant: refused now, in words saying which one to allow.
    const used = rules.featureUsed(settings.data);
    const missing = networks[network].featureScopes[used.feature].filter((scope) => !options.grant!.scopesGranted.includes(scope));
    if (missing.length) {
      const names = missing.map((scope) => `"${scope}"`).join(' and ');
      issues.push({
        field: used.field,
        message: `${label}: this account did not give Herald the ${names} permission${missing.length > 1 ? 's' : ''} that ${used.words} needs. ${used.instead ?? 'Connect'} the account again on the Channels page and allow ${names}`,
      });
    }
  }
  if (variant.parts.length === 0) issues.push({ field: 'parts', message: `${label}: the post is empty` });
  if (variant.parts.length > 1 && !rules.threads) issues.push({ field: 'parts', message: `${label}: threads are not supported` });
  if (variant.firstComment && !rules.firstComment) issues.push({ field: 'firstComment', message: `${label}: a first comment is not supported` });
  const limit = rules.textLimit(limits);
  variant.parts.forEach((part, index) => {
    const field = index === 0 ? 'text' : `parts.${index}.text`;
    const used = limit.count(part.text);
    if (used > limit.max) issues.push({ field, message: `${label}: ${used} of ${limit.max} ${limit.unit}, ${used - limit.max} too many` });
    if (network === 'bluesky' && utf8Length(part.text) > 3000) issues.push({ field, message: 'Bluesky: the text is over 3000 bytes' });
    if (!part.text.trim() && part.media.length === 0 && !(index === 0 && network === 'tiktok')) issues.push({ field, message: `${label}: write something or add media` });
    if (part.media.length > rules.maxMedia(limits)) issues.push({ field: index === 0 ? 'media' : `parts.${index}.media`, message: `${label}: at most ${rules.maxMedia(limits)} media files per post` });
    const facts = part.media.map((m) => mediaFacts.get(m.mediaId));
    const missing = part.media.filter((_, i) => !facts[i]);
    if (missing.length) issues.push({ field: index === 0 ? 'media' : `parts.${index}.media`, message: `Media ${missing.map((m) => m.mediaId).join(', ')} not found in this workspace` });
    for (const problem of rules.checkMedia(facts.filter((f): f is MediaFacts => !!f), limits, settings.data, options.instance)) {
      issues.push({ field: index === 0 ? 'media' : `parts.${index}.media`, message: problem });
    }
  });
  if (variant.firstComment) {
    const used = limit.count(variant.firstComment);
    if (used > limit.max) issues.push({ field: 'firstComment', message: `${label}: first comment is ${used} of ${limit.max} ${limit.unit}` });
  }
  if (rules.needsMedia && (variant.parts[0]?.media.length ?? 0) === 0) issues.push({ field: 'media', message: `${label}: add a video or photos (text-only posts are not possible)` });
  if (options.forPublishing) issues.push(...rules.checkForPublishing({ ...variant, settings: settings.data }, limits));
  return issues;
}
