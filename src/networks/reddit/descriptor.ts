// Reddit as Herald knows it: shared by the server and the web app. Sources: shared/providers.md §11
// (Data API, OAuth2; limits from r2's validator, the 2017 open-source code).
import { z } from 'zod';
import { MB, type MediaFacts, type NetworkRules, type RuleIssue, type RuleText, type VariantInput } from '../rules.ts';
import { defineNetwork } from '../types.ts';
import { subredditIssues, subredditRulesOf, type RedditPostShape } from './requirements.ts';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

export const REDDIT_TITLE_MAX = 300;
/** `Link.SELFTEXT_MAX_LENGTH` in r2; a subreddit may set less in its post requirements. */
export const REDDIT_SELFTEXT_MAX = 40_000;
/** A gallery holds 2–20 images. */
export const REDDIT_GALLERY_MAX = 20;
export const REDDIT_FLAIR_TEXT_MAX = 64;
/** A gallery item's caption (the image's alt text) is cut at this length by Reddit. */
export const REDDIT_CAPTION_MAX = 180;

/** A subreddit's name as Reddit writes it (3–21 letters, digits and underscores), without `r/`. */
export const subredditName = z
  .string()
  .trim()
  .transform((v) => v.replace(/^\/?r\//i, ''))
  .pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_]{1,20}$/, 'must be a subreddit name (letters, digits and _, 3–21 characters)'));

export const redditSettings = z
  .object({
    /** The subreddit the post goes to (without r/). */
    subreddit: subredditName.optional(),
    /** Reddit's title: every post has one (the post's text is the body). */
    title: z.string().max(REDDIT_TITLE_MAX, `the title can be at most ${REDDIT_TITLE_MAX} characters`).optional(),
    /** Without media: a text post (the text is its Markdown body) or a link post (the text is the link). With media: an image, video or gallery post. */
    kind: z.enum(['text', 'link']).default('text'),
    /** A flair template of the subreddit (link_flair_v2 id) and, for editable ones, its text. */
    flairId: z.string().trim().min(1).max(64).optional(),
    flairText: z.string().max(REDDIT_FLAIR_TEXT_MAX, `flair text can be at most ${REDDIT_FLAIR_TEXT_MAX} characters`).optional(),
    nsfw: z.boolean().default(false),
    spoiler: z.boolean().default(false),
    /** Replies to the post arrive in the account's inbox. */
    sendReplies: z.boolean().default(true),
  })
  .strict();
export type RedditSettings = z.infer<typeof redditSettings>;

const imageTypes = ['image/jpeg', 'image/png', 'image/gif'];
const videoTypes = ['video/mp4', 'video/quicktime'];

/** What a post's media make: one image, a gallery of images, or one video with one image as its poster. */
export function mediaShape(media: readonly { kind?: string }[]): 'none' | 'image' | 'gallery' | 'video' | 'mixed' {
  const videos = media.filter((m) => m.kind === 'video').length;
  const images = media.filter((m) => m.kind === 'image').length;
  if (!media.length) return 'none';
  if (videos === 0) return images === 1 ? 'image' : 'gallery';
  return videos === 1 && images <= 1 ? 'video' : 'mixed';
}

/** The web address a link post's text must be (the whole text, one http(s) address). */
export function linkOf(text: string): string | null {
  const trimmed = text.trim();
  if (!/^https?:\/\/\S+$/i.test(trimmed)) return null;
  return URL.canParse(trimmed) ? trimmed : null;
}

function checkMedia(media: MediaFacts[], limits: Record<string, unknown>, settings: Record<string, unknown>): RuleText[] {
  const problems: RuleText[] = [];
  const shape = mediaShape(media);
  if (shape === 'mixed') problems.push({ message: 'Reddit: a post is one image, a gallery of 2–20 images, or one video (with one image as its poster), not a mix', key: 'network-reddit:rules.mixedMedia' });
  if (shape === 'gallery' && media.length > REDDIT_GALLERY_MAX) problems.push({ message: `Reddit: a gallery holds at most ${REDDIT_GALLERY_MAX} images`, key: 'network-reddit:rules.galleryTooLarge', values: { max: REDDIT_GALLERY_MAX } });
  if (shape === 'video' && media.length === 1) problems.push({ message: 'Reddit: a video post needs a poster image: add one image alongside the video', key: 'network-reddit:rules.videoNeedsPoster' });
  for (const image of media.filter((m) => m.kind === 'image')) {
    if (!imageTypes.includes(image.mimeType)) problems.push({ message: `Reddit: images must be JPEG, PNG or GIF (this one is ${image.mimeType})`, key: 'network-reddit:rules.imageType', values: { type: image.mimeType } });
    if (image.size > 20 * MB) problems.push({ message: 'Reddit: images can be at most 20 MB', key: 'network-reddit:rules.imageTooLarge' });
  }
  for (const video of media.filter((m) => m.kind === 'video')) {
    if (!videoTypes.includes(video.mimeType)) problems.push({ message: `Reddit: videos must be MP4 or MOV (this one is ${video.mimeType})`, key: 'network-reddit:rules.videoType', values: { type: video.mimeType } });
    if (video.size > 1024 * MB) problems.push({ message: 'Reddit: videos can be at most 1 GB', key: 'network-reddit:rules.videoTooLarge' });
    if (video.durationSeconds !== null && video.durationSeconds > 15 * 60) {
      const duration = Math.round(video.durationSeconds);
      problems.push({ message: `Reddit: videos can be at most 15 minutes long (this one lasts ${duration} s)`, key: 'network-reddit:rules.videoTooLong', values: { duration } });
    }
  }
  // What the subreddit allows (read when it was chosen in the composer), quoted from its settings.
  const parsed = redditSettings.safeParse(settings);
  const rules = parsed.success && parsed.data.subreddit ? subredditRulesOf(limits, parsed.data.subreddit) : null;
  if (rules && shape !== 'none' && shape !== 'mixed') {
    // Only what the media decide: flair, title and body are checkForPublishing's, on their own fields.
    for (const issue of subredditIssues(rules, { kind: shape, title: null, body: '', link: null, flairId: null, galleryItems: media.length })) if (issue.field === 'media') problems.push({ message: issue.message, key: issue.key, values: issue.values });
  }
  return problems;
}

/** The post as Reddit will receive it, from the variant (media kinds are checked by checkMedia). */
export function postShape(variant: VariantInput, settings: RedditSettings): RedditPostShape {
  const text = variant.parts[0]?.text ?? '';
  const media = variant.parts[0]?.media ?? [];
  const kind = media.length ? (media.length > 1 ? 'gallery' : 'image') : settings.kind === 'link' ? 'link' : 'self';
  return { kind, title: settings.title ?? '', body: kind === 'self' ? text : '', link: kind === 'link' ? linkOf(text) : null, flairId: settings.flairId ?? null, galleryItems: media.length };
}

function checkForPublishing(variant: VariantInput, limits: Record<string, unknown>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const parsed = redditSettings.safeParse(variant.settings);
  if (!parsed.success) return issues;
  const settings = parsed.data;
  if (!settings.subreddit) issues.push({ field: 'settings.subreddit', message: 'Reddit: choose the subreddit to post to', key: 'network-reddit:rules.chooseSubreddit' });
  if (!settings.title?.trim()) issues.push({ field: 'settings.title', message: 'Reddit: every post needs a title', key: 'network-reddit:rules.needsTitle' });
  const text = variant.parts[0]?.text ?? '';
  const media = variant.parts[0]?.media ?? [];
  if (media.length && text.trim()) {
    issues.push({ field: 'text', message: 'Reddit: image, video and gallery posts have no body text; clear the text (the title is in the Reddit options)', key: 'network-reddit:rules.mediaNoBody' });
  }
  if (!media.length && settings.kind === 'link' && !linkOf(text)) {
    issues.push({ field: 'text', message: 'Reddit: a link post’s text is the link: write one web address (https://…) and nothing else', key: 'network-reddit:rules.linkText' });
  }
  if (settings.flairText && !settings.flairId) issues.push({ field: 'settings.flairText', message: 'Reddit: flair text goes with a flair; choose the flair too', key: 'network-reddit:rules.flairTextNeedsFlair' });
  media.forEach((m, index) => {
    if ((m.altText ?? '').length > REDDIT_CAPTION_MAX) {
      issues.push({
        field: `media.${index}.altText`,
        message: `Reddit: a gallery caption (the image's alt text) can be at most ${REDDIT_CAPTION_MAX} characters`,
        key: 'network-reddit:rules.captionTooLong',
        values: { max: REDDIT_CAPTION_MAX },
      });
    }
  });
  const rules = settings.subreddit ? subredditRulesOf(limits, settings.subreddit) : null;
  // Media shape is checked with the probed kinds in checkMedia; here what the text and settings decide.
  if (rules) issues.push(...subredditIssues(rules, postShape(variant, settings)).filter((i) => !(media.length && i.field === 'media')));
  return issues;
}

const rules: NetworkRules = {
  network: 'reddit',
  textLimit: () => ({ max: REDDIT_SELFTEXT_MAX, count: (text) => [...text].length, unit: 'characters' }),
  maxMedia: () => REDDIT_GALLERY_MAX,
  replyChains: false,
  firstComment: false,
  needsMedia: false,
  settings: redditSettings,
  featureUsed: () => ({ feature: 'publish', field: 'channelId', words: 'posting to Reddit' }),
  checkMedia: (media, limits, settings) => checkMedia(media, limits, settings),
  checkForPublishing: (variant, limits) => checkForPublishing(variant, limits),
};

const originSetting = (env: string, doc: string, fallback: string) => ({ env, doc, default: fallback, schema: z.url({ message: 'must be an absolute URL' }) });

/** Reddit's form for a descriptive User-Agent: `<platform>:<app id>:<version> (by /u/<username>)`. */
export const REDDIT_USER_AGENT_SHAPE = /^[a-z0-9]+:[A-Za-z0-9._-]+:[A-Za-z0-9._+-]+ \(by \/u\/[A-Za-z0-9_-]{3,20}\)$/;
export const redditUsername = /^[A-Za-z0-9_-]{3,20}$/;

export const reddit = defineNetwork({
  id: 'reddit',
  messages: { en, fr },
  label: 'Reddit',
  brandColor: '#FF4500',
  connect: 'oauth',
  scopes: ['identity', 'submit', 'read', 'mysubreddits', 'flair', 'history'],
  scopeMeanings: {
    identity: 'read your Reddit username and avatar',
    submit: 'submit posts and upload their images and videos',
    read: 'read subreddits’ rules, post requirements and your posts’ scores and comment counts',
    mysubreddits: 'list the subreddits you moderate or joined, so you can choose where a post goes',
    flair: 'list a subreddit’s post flairs and set the one you choose',
    history: 'read your submitted posts, to find a post whose answer was lost instead of submitting it twice',
  },
  featureScopes: {
    profile: ['identity'],
    publish: ['identity', 'submit', 'read', 'flair', 'history'],
    // Reddit has no drafts in its API: nothing Herald sends uses this feature.
    drafts: ['identity', 'submit', 'read', 'flair', 'history'],
    analytics: ['read'],
  },
  analytics: { counters: ['views', 'likes', 'comments', 'shares'], followers: false },
  terms: [
    { label: 'Reddit User Agreement', url: 'https://redditinc.com/policies/user-agreement' },
    { label: 'Reddit Content Policy', url: 'https://redditinc.com/policies/content-policy' },
    { label: 'Reddit Data API Terms', url: 'https://redditinc.com/policies/data-api-terms' },
    { label: 'Reddiquette', url: 'https://support.reddithelp.com/hc/en-us/articles/205926439-Reddiquette' },
  ],
  rules,
  // 100 queries a minute per OAuth client id, shared by every account of this Herald: a post costs
  // a few calls (requirements, lease, upload, submit), so one every 2 s per account.
  accountSpacingMs: 2_000,
  settings: {
    redditClientId: {
      env: 'HERALD_REDDIT_CLIENT_ID',
      doc: "Reddit app client id (reddit.com/prefs/apps, type \"web app\"). Reddit is offered when id, secret and a User-Agent contact are set. The app's redirect URI is <HERALD_PUBLIC_URL>/api/v1/oauth/callback/reddit.",
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    redditClientSecret: {
      env: 'HERALD_REDDIT_CLIENT_SECRET',
      doc: 'Reddit app secret.',
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    redditDeveloper: {
      env: 'HERALD_REDDIT_DEVELOPER',
      doc: 'The Reddit username of the operator (without u/): Reddit requires a User-Agent naming a contact, built as web:herald:<version> (by /u/<this name>).',
      default: undefined,
      schema: z.string().regex(redditUsername, 'must be a Reddit username (3–20 letters, digits, _ or -)').optional(),
    },
    redditUserAgent: {
      env: 'HERALD_REDDIT_USER_AGENT',
      doc: 'The whole User-Agent sent to Reddit, instead of the one built from HERALD_REDDIT_DEVELOPER; it must have Reddit\'s form <platform>:<app id>:<version> (by /u/<username>), e.g. "web:acme-herald:1.4.0 (by /u/acme_ops)". Generic agents are throttled.',
      default: undefined,
      schema: z.string().regex(REDDIT_USER_AGENT_SHAPE, 'must read <platform>:<app id>:<version> (by /u/<username>), e.g. web:acme-herald:1.4.0 (by /u/acme_ops)').optional(),
    },
    redditApiUrl: originSetting('HERALD_REDDIT_API_URL', "Origin of Reddit's OAuth API (change only to point at a local fake).", 'https://oauth.reddit.com'),
    redditAuthUrl: originSetting('HERALD_REDDIT_AUTH_URL', "Origin of Reddit's consent page and token endpoint (change only to point at a local fake).", 'https://www.reddit.com'),
  },
  enabled: (config) => Boolean(config.redditClientId && config.redditClientSecret && (config.redditUserAgent || config.redditDeveloper)),
  outgoing: () => [
    ['Images and videos you publish to Reddit are uploaded to the storage address Reddit names for each upload (Amazon S3, ', { code: 'reddit-uploaded-media.s3-accelerate.amazonaws.com' }, ').'],
  ],
});
