// Pinterest as Herald knows it: shared by the server and the web app. Sources: shared/providers.md §10
// (API v5, its OpenAPI description) and the media guidelines quoted there.
import { z } from 'zod';
import { envBoolean } from '../setting-schemas.ts';
import { MB, type MediaFacts, type NetworkRules, type RuleIssue, type RuleText, type VariantInput } from '../rules.ts';
import { defineNetwork } from '../types.ts';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

export const PINTEREST_TITLE_MAX = 100;
export const PINTEREST_DESCRIPTION_MAX = 800;
export const PINTEREST_LINK_MAX = 2048;
export const PINTEREST_ALT_TEXT_MAX = 500;
export const PINTEREST_BOARD_NAME_MAX = 180;
/** A carousel pin holds 2–5 images (`multiple_image_base64`, maxItems 5). */
export const PINTEREST_CAROUSEL_MAX = 5;
export const pinterestBoardPrivacies = ['PUBLIC', 'PROTECTED', 'SECRET'] as const;

const pinterestId = z.string().regex(/^\d+$/, 'must be a Pinterest id (digits)');

export const pinterestSettings = z
  .object({
    /** The board the pin is saved to: Pinterest has no pin without a board. */
    boardId: pinterestId.optional(),
    /** A section of that board. */
    boardSectionId: pinterestId.optional(),
    /** The board's name when it was chosen, for the preview (Pinterest ignores it). */
    boardName: z.string().max(PINTEREST_BOARD_NAME_MAX).optional(),
    title: z.string().max(PINTEREST_TITLE_MAX, `must be at most ${PINTEREST_TITLE_MAX} characters`).optional(),
    /** Where a click on the pin leads (the destination link). */
    link: z.url({ protocol: /^https?$/, message: 'must be a web address (http or https)' }).max(PINTEREST_LINK_MAX).optional(),
    /** Video pins: an image of the post shown as the cover… */
    coverMediaId: z.string().min(1).max(100).optional(),
    /** …or the frame at this second of the video (the first frame when neither is set). */
    coverKeyFrameSeconds: z.number().int().min(0).max(15 * 60).optional(),
  })
  .strict();
export type PinterestSettings = z.infer<typeof pinterestSettings>;

const imageTypes = ['image/jpeg', 'image/png'];
const videoTypes = ['video/mp4', 'video/quicktime', 'video/x-m4v'];

/** The shape a post's media makes: one video (with perhaps its cover image), one image, or a carousel. */
export function pinShape(media: { id?: string; mediaId?: string; kind?: string }[], settings: { coverMediaId?: string }): 'video' | 'image' | 'carousel' | 'none' | 'mixed' {
  const videos = media.filter((m) => m.kind === 'video');
  if (!media.length) return 'none';
  if (videos.length === 1) {
    const rest = media.filter((m) => m.kind !== 'video');
    if (!rest.length) return 'video';
    return rest.length === 1 && settings.coverMediaId !== undefined && (rest[0]!.id ?? rest[0]!.mediaId) === settings.coverMediaId ? 'video' : 'mixed';
  }
  if (videos.length > 1) return 'mixed';
  return media.length === 1 ? 'image' : 'carousel';
}

function checkMedia(media: MediaFacts[], settings: Record<string, unknown>): RuleText[] {
  const problems: RuleText[] = [];
  const coverMediaId = typeof settings.coverMediaId === 'string' ? settings.coverMediaId : undefined;
  const shape = pinShape(media, { coverMediaId });
  if (shape === 'mixed') problems.push({ message: 'Pinterest: a pin is one video (with perhaps a cover image) or 1–5 images, not both', key: 'network-pinterest:rules.mixed' });
  const images = media.filter((m) => m.kind === 'image');
  if (shape === 'carousel' && images.length > PINTEREST_CAROUSEL_MAX) {
    problems.push({ message: `Pinterest: a carousel pin holds at most ${PINTEREST_CAROUSEL_MAX} images`, key: 'network-pinterest:rules.carouselTooLong', values: { max: PINTEREST_CAROUSEL_MAX } });
  }
  for (const image of images) {
    // Herald sends images inline (base64), and Pinterest takes JPEG and PNG that way.
    if (!imageTypes.includes(image.mimeType)) {
      problems.push({ message: `Pinterest: images must be JPEG or PNG (this one is ${image.mimeType})`, key: 'network-pinterest:rules.imageType', values: { type: image.mimeType } });
    }
    if (image.size > 20 * MB) problems.push({ message: 'Pinterest: images can be at most 20 MB', key: 'network-pinterest:rules.imageTooBig' });
  }
  if (shape === 'carousel') {
    // The guidelines ask for carousel images of one size; the same shape is what shows.
    const ratios = images.filter((i) => i.width && i.height).map((i) => i.width! / i.height!);
    if (ratios.some((r) => Math.abs(r - ratios[0]!) > 0.01)) {
      problems.push({ message: 'Pinterest: the images of a carousel must all have the same shape (width to height)', key: 'network-pinterest:rules.carouselShapes' });
    }
  }
  for (const video of media.filter((m) => m.kind === 'video')) {
    if (!videoTypes.includes(video.mimeType)) {
      problems.push({ message: `Pinterest: videos must be MP4, MOV or M4V (this one is ${video.mimeType})`, key: 'network-pinterest:rules.videoType', values: { type: video.mimeType } });
    }
    if (video.size > 2 * 1024 * MB) problems.push({ message: 'Pinterest: videos can be at most 2 GB', key: 'network-pinterest:rules.videoTooBig' });
    if (video.durationSeconds !== null && video.durationSeconds < 4) problems.push({ message: 'Pinterest: videos must be at least 4 seconds long', key: 'network-pinterest:rules.videoTooShort' });
    if (video.durationSeconds !== null && video.durationSeconds > 15 * 60) {
      const seconds = Math.round(video.durationSeconds);
      problems.push({ message: `Pinterest: videos can be at most 15 minutes long (this one lasts ${seconds} s)`, key: 'network-pinterest:rules.videoTooLong', values: { seconds } });
    }
    if (video.width && video.height) {
      const ratio = video.width / video.height;
      if (ratio > 1.91 + 0.005 || ratio < 0.5 - 0.005) problems.push({ message: 'Pinterest: a video must be between 1.91:1 (wide) and 1:2 (tall)', key: 'network-pinterest:rules.videoShape' });
    }
  }
  return problems;
}

function checkForPublishing(variant: VariantInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const parsed = pinterestSettings.safeParse(variant.settings);
  const settings = parsed.success ? parsed.data : null;
  if (!settings?.boardId) issues.push({ field: 'settings.boardId', message: 'Pinterest: choose the board to save the pin to', key: 'network-pinterest:rules.chooseBoard' });
  if (settings?.boardSectionId && !settings.boardId) {
    issues.push({ field: 'settings.boardSectionId', message: 'Pinterest: a section belongs to a board; choose the board too', key: 'network-pinterest:rules.sectionNeedsBoard' });
  }
  const media = variant.parts[0]?.media ?? [];
  if (settings?.coverMediaId && !media.some((m) => m.mediaId === settings.coverMediaId)) {
    issues.push({ field: 'settings.coverMediaId', message: 'Pinterest: the cover image must be one of the post’s images', key: 'network-pinterest:rules.coverNotInPost' });
  }
  if (settings?.coverMediaId && settings.coverKeyFrameSeconds !== undefined) {
    issues.push({ field: 'settings.coverKeyFrameSeconds', message: 'Pinterest: choose a cover image or a moment of the video, not both', key: 'network-pinterest:rules.coverImageOrFrame' });
  }
  media.forEach((m, index) => {
    if ((m.altText ?? '').length > PINTEREST_ALT_TEXT_MAX) {
      issues.push({
        field: `media.${index}.altText`,
        message: `Pinterest: alt text can be at most ${PINTEREST_ALT_TEXT_MAX} characters`,
        key: 'network-pinterest:rules.altTextTooLong',
        values: { max: PINTEREST_ALT_TEXT_MAX },
      });
    }
  });
  return issues;
}

const rules: NetworkRules = {
  network: 'pinterest',
  // The post's text is the pin's description (≤ 800 characters in the v5 API).
  textLimit: () => ({ max: PINTEREST_DESCRIPTION_MAX, count: (text) => [...text].length, unit: 'characters' }),
  maxMedia: () => PINTEREST_CAROUSEL_MAX,
  replyChains: false,
  firstComment: false,
  needsMedia: true,
  settings: pinterestSettings,
  featureUsed: () => ({ feature: 'publish', field: 'channelId', words: 'saving pins to Pinterest' }),
  checkMedia: (media, _limits, settings) => checkMedia(media, settings),
  checkForPublishing: (variant) => checkForPublishing(variant),
};

const originSetting = (doc: string, fallback: string) => ({ env: '', doc, default: fallback, schema: z.url({ message: 'must be an absolute URL' }) });

export const PINTEREST_API_URL = 'https://api.pinterest.com';
export const PINTEREST_SANDBOX_URL = 'https://api-sandbox.pinterest.com';

export const pinterest = defineNetwork({
  id: 'pinterest',
  messages: { en, fr },
  label: 'Pinterest',
  brandColor: '#BD081C',
  connect: 'oauth',
  scopes: ['boards:read', 'boards:write', 'pins:read', 'pins:write', 'user_accounts:read'],
  scopeMeanings: {
    'boards:read': 'list your public boards and their sections, so you can choose where a pin goes',
    'boards:write': 'create a board when you ask for one in the composer, and save pins to your boards',
    'pins:read': 'read your pins and their statistics (impressions, saves, clicks, video views), and check whether a pin went out when Pinterest’s answer was lost',
    'pins:write': 'create pins and upload their videos',
    'user_accounts:read': 'read your Pinterest username, profile picture and account type',
  },
  featureScopes: {
    profile: ['user_accounts:read'],
    publish: ['boards:read', 'boards:write', 'pins:read', 'pins:write'],
    // Pinterest has no drafts: nothing Herald sends uses this feature.
    drafts: ['boards:read', 'boards:write', 'pins:read', 'pins:write'],
    analytics: ['boards:read', 'pins:read'],
  },
  analytics: { counters: ['views', 'likes', 'comments', 'shares'], followers: true },
  terms: [
    { label: 'Pinterest Terms of Service', url: 'https://policy.pinterest.com/en/terms-of-service' },
    { label: 'Pinterest Community Guidelines', url: 'https://policy.pinterest.com/en/community-guidelines' },
    { label: 'Pinterest Developer Guidelines', url: 'https://policy.pinterest.com/en/developer-guidelines' },
  ],
  rules,
  // 100 creating calls a minute per user (org_write, Standard access): one every 0.6 s; a second keeps a burst under it.
  accountSpacingMs: 1_000,
  noRevoke:
    'Pinterest lets apps end only their own system tokens, not a person’s, so Herald deletes its tokens for this account at once. To remove Herald from the account as well, open Pinterest, go to Settings › Security and logins › Apps, and remove Herald there.',
  settings: {
    pinterestClientId: {
      env: 'HERALD_PINTEREST_CLIENT_ID',
      doc: "Pinterest app id (developers.pinterest.com › My apps). Pinterest is offered only when id and secret are set. The app's redirect URI is <HERALD_PUBLIC_URL>/api/v1/oauth/callback/pinterest.",
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    pinterestClientSecret: {
      env: 'HERALD_PINTEREST_CLIENT_SECRET',
      doc: 'Pinterest app secret key.',
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    pinterestSandbox: {
      env: 'HERALD_PINTEREST_SANDBOX',
      doc: "true while the Pinterest app has Trial access: pins and boards then go to Pinterest's sandbox (api-sandbox.pinterest.com), visible only to their creator. Sign-in and tokens stay on api.pinterest.com.",
      default: 'false',
      schema: envBoolean,
    },
    pinterestApiUrl: { ...originSetting("Origin of Pinterest's API (change only to point at a local fake; it then wins over HERALD_PINTEREST_SANDBOX).", PINTEREST_API_URL), env: 'HERALD_PINTEREST_API_URL' },
    pinterestAuthUrl: { ...originSetting("Origin of Pinterest's consent page (change only to point at a local fake).", 'https://www.pinterest.com'), env: 'HERALD_PINTEREST_AUTH_URL' },
  },
  // Pinterest needs an app registered by the operator.
  enabled: (config) => Boolean(config.pinterestClientId && config.pinterestClientSecret),
  outgoing: () => [
    ['Videos you publish to Pinterest are uploaded to the storage address Pinterest names for each upload (Amazon S3, ', { code: 'pinterest-media-upload.s3-accelerate.amazonaws.com' }, ').'],
  ],
});
