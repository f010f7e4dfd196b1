// Threads as Herald knows it: shared by the server and the web app. Sources: shared/providers.md §8.
import { z } from 'zod';
import { MB, utf8Length, type NetworkRules, type RuleIssue, type RuleText, type VariantInput } from '../rules.ts';
import { defineNetwork } from '../types.ts';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

/** Who may reply to a post (Threads' `reply_control`). */
export const threadsReplyControls = ['everyone', 'accounts_you_follow', 'mentioned_only'] as const;

export const threadsSettings = z
  .object({
    /** A link shown as a preview card under a text-only post (`link_attachment`). */
    linkAttachment: z.url({ protocol: /^https?$/, message: 'must be a web address (http or https)' }).max(2000).optional(),
    /** The one topic a post is filed under (`topic_tag`): 1–50 characters, no periods or ampersands. */
    topicTag: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .regex(/^[^.&]+$/, 'cannot contain periods (.) or ampersands (&)')
      .optional(),
    replyControl: z.enum(threadsReplyControls).default('everyone'),
  })
  .strict();

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const emoji = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/**
 * Threads counts 500 characters, but an emoji counts as many as its UTF-8 bytes (😀 is 4, a flag
 * 8, a family with joiners 25). Links count in full: Threads does not shorten them.
 */
export function countThreads(text: string): number {
  let count = 0;
  for (const { segment } of segmenter.segment(text)) count += emoji.test(segment) ? utf8Length(segment) : 1;
  return count;
}

export const THREADS_TEXT_LIMIT = 500;
/** Unique links in a post's text plus a different link attachment (shared/providers.md §8, since 2025-12-22). */
export const THREADS_MAX_LINKS = 5;
export const THREADS_MAX_CAROUSEL = 20;

const urlPattern = /https?:\/\/[^\s<>"]+/gi;
/** The distinct links a post carries, as Threads counts them for its five-link limit. */
export function linksOf(text: string, attachment?: string): Set<string> {
  const links = new Set([...text.matchAll(urlPattern)].map((m) => m[0].replace(/[.,;:!?)]+$/, '')));
  if (attachment) links.add(attachment);
  return links;
}

function checkVariant(variant: VariantInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const parsed = threadsSettings.safeParse(variant.settings);
  const settings = parsed.success ? parsed.data : null;
  variant.parts.forEach((part, index) => {
    const attachment = index === 0 ? settings?.linkAttachment : undefined;
    if (linksOf(part.text, attachment).size > THREADS_MAX_LINKS) {
      issues.push({
        field: index === 0 ? 'text' : `parts.${index}.text`,
        message: `Threads: at most ${THREADS_MAX_LINKS} different links per post (the link preview counts too)`,
        key: 'network-threads:rules.tooManyLinks',
        values: { max: THREADS_MAX_LINKS },
      });
    }
  });
  if (settings?.linkAttachment && (variant.parts[0]?.media.length ?? 0) > 0) {
    issues.push({ field: 'settings.linkAttachment', message: 'Threads: a link preview goes only on a post without photos or videos', key: 'network-threads:rules.linkPreviewWithMedia' });
  }
  return issues;
}

const rules: NetworkRules = {
  network: 'threads',
  textLimit: () => ({ max: THREADS_TEXT_LIMIT, count: countThreads, unit: 'characters' }),
  maxMedia: () => THREADS_MAX_CAROUSEL,
  // A chain is published as replies to the previous post.
  replyChains: true,
  firstComment: false,
  needsMedia: false,
  settings: threadsSettings,
  featureUsed: () => ({ feature: 'publish', field: 'channelId', words: 'posting to Threads' }),
  checkMedia(media, _limits, _settings, instance) {
    const problems: RuleText[] = [];
    for (const image of media.filter((m) => m.kind === 'image')) {
      if (!['image/jpeg', 'image/png'].includes(image.mimeType)) {
        problems.push({ message: `Threads: photos must be JPEG or PNG (this one is ${image.mimeType})`, key: 'network-threads:rules.photoType', values: { type: image.mimeType } });
      }
      if (image.size > 8 * MB) problems.push({ message: 'Threads: photos can be at most 8 MB', key: 'network-threads:rules.photoTooBig' });
      if (image.width && image.height && Math.max(image.width / image.height, image.height / image.width) > 10) {
        problems.push({ message: 'Threads: a photo can be at most 10 times wider than tall (or taller than wide)', key: 'network-threads:rules.photoShape' });
      }
    }
    for (const video of media.filter((m) => m.kind === 'video')) {
      if (!['video/mp4', 'video/quicktime'].includes(video.mimeType)) {
        problems.push({ message: `Threads: videos must be MP4 or MOV (this one is ${video.mimeType})`, key: 'network-threads:rules.videoType', values: { type: video.mimeType } });
      }
      if (video.size > 1024 * MB) problems.push({ message: 'Threads: videos can be at most 1 GB', key: 'network-threads:rules.videoTooBig' });
      if (video.durationSeconds !== null && video.durationSeconds > 300) {
        const seconds = Math.round(video.durationSeconds);
        problems.push({ message: `Threads: videos can be at most 5 minutes long (this one lasts ${seconds} s)`, key: 'network-threads:rules.videoTooLong', values: { seconds } });
      }
      if (video.frameRate !== null && (video.frameRate < 23 || video.frameRate > 60)) {
        const fps = Math.round(video.frameRate);
        problems.push({ message: `Threads: frame rate must be 23–60 fps (this video has ${fps})`, key: 'network-threads:rules.frameRate', values: { fps } });
      }
      if (video.width !== null && video.width > 1920) problems.push({ message: 'Threads: videos can be at most 1920 px wide', key: 'network-threads:rules.videoTooWide' });
    }
    // Threads takes media only by downloading it from a web address.
    if (media.length && instance && !instance.mediaByUrl) {
      problems.push({
        message:
          'Threads: this Herald cannot send photos or videos to Threads yet. Threads downloads them from a web address that the operator of this Herald must set up first: ask them, or post text only',
        key: 'network-threads:rules.noPublicMedia',
      });
    }
    return problems;
  },
  checkForPublishing: (variant) => checkVariant(variant),
};

export const threads = defineNetwork({
  id: 'threads',
  messages: { en, fr },
  label: 'Threads',
  brandColor: '#000000',
  connect: 'oauth',
  scopes: ['threads_basic', 'threads_content_publish', 'threads_manage_replies', 'threads_read_replies', 'threads_manage_insights'],
  scopeMeanings: {
    threads_basic: 'read your Threads user id, username, name and profile picture',
    threads_content_publish: 'publish posts to your Threads profile',
    threads_manage_replies: 'publish the later posts of a chain, as replies to your own post',
    threads_read_replies: 'read your replies, to check whether a later part of a chain went out when Threads’ answer was lost',
    threads_manage_insights: 'read the views, likes, replies, reposts, quotes and shares of your posts',
  },
  featureScopes: {
    profile: ['threads_basic'],
    publish: ['threads_basic', 'threads_content_publish'],
    // Threads has no drafts: nothing Herald sends uses this feature.
    drafts: ['threads_basic', 'threads_content_publish'],
    analytics: ['threads_basic', 'threads_manage_insights'],
  },
  analytics: { counters: ['views', 'likes', 'comments', 'shares'], followers: true },
  terms: [
    { label: 'Threads Terms of Use', url: 'https://help.instagram.com/769983657850450' },
    { label: 'Threads Community Guidelines (Instagram Community Guidelines)', url: 'https://help.instagram.com/477434105621119' },
    { label: 'Meta Platform Terms', url: 'https://developers.facebook.com/terms/' },
  ],
  rules,
  // Threads documents no per-minute limit: its 250 posts a day are read from
  // threads_publishing_limit before each post. Two seconds keep a burst from spending the call budget.
  accountSpacingMs: 2_000,
  withoutPublicMedia: 'Threads picks up photos and videos from a web address, and this Herald has none set up yet: ask whoever runs it to set HERALD_MEDIA_PUBLIC_URL. Text posts, links and chains work without it.',
  noRevoke:
    'Threads offers apps no way to end their own access, so Herald deletes its token for this account at once. To remove Herald from the account as well, open Threads, go to Settings › Account › Website permissions, and remove Herald there.',
  settings: {
    threadsAppId: {
      env: 'HERALD_THREADS_APP_ID',
      doc:
        "Threads app id (Meta App Dashboard › App settings › Basic › Threads App ID, not the Meta app id). Threads is offered only when id and secret are set. In the app's Threads use case, the Redirect Callback URL is <HERALD_PUBLIC_URL>/api/v1/oauth/callback/threads, the Uninstall Callback URL <HERALD_PUBLIC_URL>/api/v1/networks/threads/callbacks/deauthorize and the Delete Callback URL <HERALD_PUBLIC_URL>/api/v1/networks/threads/callbacks/data-deletion. Photos and videos also need HERALD_MEDIA_PUBLIC_URL: Threads downloads them from there (text posts work without it).",
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    threadsAppSecret: {
      env: 'HERALD_THREADS_APP_SECRET',
      doc: 'Threads app secret (the one shown beside the Threads App ID).',
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    threadsAuthUrl: {
      env: 'HERALD_THREADS_AUTH_URL',
      doc: "Origin of Threads' authorization window (change only to point at a local fake).",
      default: 'https://www.threads.net',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    threadsApiUrl: {
      env: 'HERALD_THREADS_API_URL',
      doc: "Origin of the Threads API (change only to point at a local fake).",
      default: 'https://graph.threads.net',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    threadsRefreshMinAgeHours: {
      env: 'HERALD_THREADS_REFRESH_MIN_AGE_HOURS',
      doc: 'Threads renews a token only once it is this many hours old (24 at Threads; change only for a local fake that does not enforce it).',
      default: '24',
      schema: z.coerce.number({ message: 'must be a number' }).min(0, 'must be at least 0').max(24, 'must be at most 24'),
    },
  },
  // Threads needs an app registered by the operator (the Threads use case of a Meta app).
  enabled: (config) => Boolean(config.threadsAppId && config.threadsAppSecret),
  outgoing: (config) =>
    config.mediaPublicUrl
      ? [['Threads downloads the photos and videos you publish from ', { code: config.mediaPublicUrl }, ', through a link signed for that one file, valid only while the post is being published.']]
      : [],
});
