// LinkedIn as Herald knows it: shared by the server and the web app. Sources: shared/providers.md §5.
import { z } from 'zod';
import { countGraphemes, MB, type MediaFacts, type NetworkRules, type RuleIssue, type RuleText, type VariantInput } from '../rules.ts';
import { envBoolean } from '../setting-schemas.ts';
import { defineNetwork } from '../types.ts';
import { visibleText } from './little-text.ts';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

export const LINKEDIN_TEXT_LIMIT = 3000;
/** MultiImage holds 2–20 images (organic posts). */
export const LINKEDIN_MAX_IMAGES = 20;
/** Documents (PDF carousels): at most 100 MB and 300 pages. */
export const LINKEDIN_DOCUMENT_MAX_BYTES = 100 * MB;
export const LINKEDIN_DOCUMENT_MAX_PAGES = 300;
/** The Videos API takes up to 5 GB; LinkedIn's own video specs for the feed stop at 500 MB and 30 minutes. */
export const LINKEDIN_VIDEO_MAX_BYTES = 500 * MB;
export const LINKEDIN_VIDEO_MAX_SECONDS = 30 * 60;
/** How much of a post the feed shows before "…see more". */
export const LINKEDIN_SEE_MORE_AT = 210;

/** Who sees the post: anyone, or only the member's connections (members only; a Page posts publicly). */
export const linkedinVisibilities = ['PUBLIC', 'CONNECTIONS'] as const;

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

export const linkedinSettings = z
  .object({
    visibility: z.enum(linkedinVisibilities).default('PUBLIC'),
    /** The title LinkedIn shows on a document (PDF carousel); required with a document. */
    documentTitle: optionalText(400),
    /** A link shown as an article card (LinkedIn does not read the page: title and description come from here). */
    linkUrl: z.url({ protocol: /^https?$/, message: 'must be a web address (http or https)' }).max(2000).optional(),
    linkTitle: optionalText(400),
    linkDescription: optionalText(4086),
  })
  .strict();
export type LinkedInSettings = z.infer<typeof linkedinSettings>;

/** The kinds of file a LinkedIn post takes (the shared check refuses any other). */
export const linkedinMediaKinds = ['image', 'video', 'document'] as const;
type Kind = (typeof linkedinMediaKinds)[number];
const isKind = (m: MediaFacts, kind: Kind) => m.kind === kind;

export function checkLinkedInMedia(media: readonly MediaFacts[], settings: Record<string, unknown>): RuleText[] {
  const problems: RuleText[] = [];
  const parsed = linkedinSettings.safeParse(settings);
  const s = parsed.success ? parsed.data : null;
  const documents = media.filter((m) => isKind(m, 'document'));
  const videos = media.filter((m) => isKind(m, 'video'));
  const images = media.filter((m) => isKind(m, 'image'));
  if (documents.length) {
    if (media.length > 1) problems.push({ message: 'LinkedIn: a document (PDF) is posted alone, without other files', key: 'network-linkedin:rules.documentAlone' });
    for (const doc of documents) {
      if (doc.mimeType !== 'application/pdf') {
        problems.push({ message: `LinkedIn: documents must be PDF files (this one is ${doc.mimeType})`, key: 'network-linkedin:rules.documentType', values: { type: doc.mimeType } });
      }
      if (doc.size > LINKEDIN_DOCUMENT_MAX_BYTES) problems.push({ message: 'LinkedIn: a document can be at most 100 MB', key: 'network-linkedin:rules.documentTooBig' });
      if (typeof doc.pageCount === 'number' && doc.pageCount > LINKEDIN_DOCUMENT_MAX_PAGES) {
        problems.push({
          message: `LinkedIn: a document can have at most ${LINKEDIN_DOCUMENT_MAX_PAGES} pages (this one has ${doc.pageCount})`,
          key: 'network-linkedin:rules.documentTooManyPages',
          values: { max: LINKEDIN_DOCUMENT_MAX_PAGES, pages: doc.pageCount },
        });
      }
    }
    if (s && !s.documentTitle) problems.push({ message: 'LinkedIn: a document needs a title (LinkedIn shows it on the document)', key: 'network-linkedin:rules.documentNeedsTitle' });
  }
  if (videos.length) {
    if (media.length > 1 && !documents.length) problems.push({ message: 'LinkedIn: a video is posted alone, without other files', key: 'network-linkedin:rules.videoAlone' });
    for (const video of videos) {
      if (video.mimeType !== 'video/mp4') {
        problems.push({ message: `LinkedIn: videos must be MP4 (this one is ${video.mimeType})`, key: 'network-linkedin:rules.videoType', values: { type: video.mimeType } });
      }
      if (video.size > LINKEDIN_VIDEO_MAX_BYTES) problems.push({ message: 'LinkedIn: videos can be at most 500 MB', key: 'network-linkedin:rules.videoTooBig' });
      if (video.size < 75 * 1024) problems.push({ message: 'LinkedIn: videos must be at least 75 KB', key: 'network-linkedin:rules.videoTooSmall' });
      if (video.durationSeconds !== null && (video.durationSeconds < 3 || video.durationSeconds > LINKEDIN_VIDEO_MAX_SECONDS)) {
        const seconds = Math.round(video.durationSeconds);
        problems.push({ message: `LinkedIn: videos must last 3 seconds to 30 minutes (this one lasts ${seconds} s)`, key: 'network-linkedin:rules.videoDuration', values: { seconds } });
      }
    }
  }
  for (const image of images) {
    if (!['image/jpeg', 'image/png', 'image/gif'].includes(image.mimeType)) {
      problems.push({ message: `LinkedIn: photos must be JPEG, PNG or GIF (this one is ${image.mimeType})`, key: 'network-linkedin:rules.photoType', values: { type: image.mimeType } });
    }
    if (image.width && image.height && image.width * image.height > 36_152_320) problems.push({ message: 'LinkedIn: a photo can have at most 36 million pixels', key: 'network-linkedin:rules.photoTooLarge' });
  }
  if (images.length > LINKEDIN_MAX_IMAGES) {
    problems.push({ message: `LinkedIn: at most ${LINKEDIN_MAX_IMAGES} photos in one post`, key: 'network-linkedin:rules.tooManyPhotos', values: { max: LINKEDIN_MAX_IMAGES } });
  }
  if (s?.linkUrl) {
    if (videos.length || documents.length || images.length > 1) {
      problems.push({ message: 'LinkedIn: a link post can carry one photo only, shown as the link card’s picture', key: 'network-linkedin:rules.linkOnePhoto' });
    }
  }
  return problems;
}

function checkVariant(variant: VariantInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const parsed = linkedinSettings.safeParse(variant.settings);
  if (!parsed.success) return issues;
  const s = parsed.data;
  if ((s.linkTitle || s.linkDescription) && !s.linkUrl) {
    issues.push({ field: 'settings.linkUrl', message: 'LinkedIn: a link title or description needs the link itself', key: 'network-linkedin:rules.linkMissing' });
  }
  if (s.linkUrl && !s.linkTitle) {
    issues.push({ field: 'settings.linkTitle', message: 'LinkedIn: a link needs a title (LinkedIn does not read it from the page)', key: 'network-linkedin:rules.linkNeedsTitle' });
  }
  return issues;
}

const rules: NetworkRules = {
  network: 'linkedin',
  // A mention counts as the name it shows.
  textLimit: () => ({ max: LINKEDIN_TEXT_LIMIT, count: (text) => countGraphemes(visibleText(text)), unit: 'characters' }),
  maxMedia: () => LINKEDIN_MAX_IMAGES,
  // LinkedIn posts have no replies of their own: no chains.
  replyChains: false,
  firstComment: true,
  needsMedia: false,
  settings: linkedinSettings,
  mediaKinds: linkedinMediaKinds,
  featureUsed: () => ({ feature: 'publish', field: 'channelId', words: 'posting to LinkedIn' }),
  checkMedia: (media, _limits, settings) => checkLinkedInMedia(media, settings),
  checkForPublishing: (variant) => checkVariant(variant),
};

/** Scopes of "Sign In with LinkedIn using OpenID Connect" and "Share on LinkedIn" (self-serve). */
export const memberScopes = ['openid', 'profile', 'email', 'w_member_social'] as const;
/** Scopes of the Community Management API product (Company Pages). */
export const organizationScopes = ['rw_organization_admin', 'w_organization_social', 'r_organization_social'] as const;
/** Members' post statistics (a restricted permission). */
export const memberAnalyticsScope = 'r_member_postAnalytics';

export const linkedin = defineNetwork({
  id: 'linkedin',
  messages: { en, fr },
  label: 'LinkedIn',
  brandColor: '#0a66c2',
  connect: 'oauth',
  scopes: [...memberScopes, ...organizationScopes, memberAnalyticsScope],
  scopeMeanings: {
    openid: 'sign you in with LinkedIn and read your member id',
    profile: 'read your name and profile picture',
    email: 'read your e-mail address (LinkedIn grants it with your profile; Herald does not keep it)',
    w_member_social: 'publish posts, photos, videos, documents and comments as you',
    rw_organization_admin: 'list the Company Pages you administer and read their names and logos',
    w_organization_social: 'publish posts and comments as the Company Pages you administer',
    r_organization_social: "read your Pages' posts and their counters (to check whether a post went out, and for analytics)",
    r_member_postAnalytics: 'read the impressions, reactions, comments and reposts of your own posts',
  },
  featureScopes: {
    profile: ['openid', 'profile'],
    publish: ['w_member_social'],
    // LinkedIn creates posts only as published (no drafts through the API).
    drafts: ['w_member_social'],
    analytics: ['r_organization_social'],
  },
  analytics: { counters: ['views', 'likes', 'comments', 'shares', 'reach'], followers: true },
  terms: [
    { label: 'LinkedIn User Agreement', url: 'https://www.linkedin.com/legal/user-agreement' },
    { label: 'LinkedIn Professional Community Policies', url: 'https://www.linkedin.com/legal/professional-community-policies' },
    { label: 'LinkedIn API Terms of Use', url: 'https://www.linkedin.com/legal/l/api-terms-of-use' },
  ],
  rules,
  accountsNoun: 'profiles and Company Pages',
  // LinkedIn publishes daily quotas only (150 member calls a day on Share on LinkedIn); a few
  // seconds between calls keep a burst from using them up at once.
  accountSpacingMs: 3_000,
  settings: {
    linkedinClientId: {
      env: 'HERALD_LINKEDIN_CLIENT_ID',
      doc: "LinkedIn app's Client ID (LinkedIn Developer Portal › your app › Auth). LinkedIn is offered only when id and secret are set. Add <HERALD_PUBLIC_URL>/api/v1/oauth/callback/linkedin as an authorized redirect URL. The app needs the products “Sign In with LinkedIn using OpenID Connect” and “Share on LinkedIn”.",
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    linkedinClientSecret: {
      env: 'HERALD_LINKEDIN_CLIENT_SECRET',
      doc: "LinkedIn app's Primary Client Secret (same Auth tab).",
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    linkedinPages: {
      env: 'HERALD_LINKEDIN_PAGES',
      doc: 'true when the LinkedIn app has the Community Management API product: Herald then asks for the Company Page permissions and offers the Pages a person administers besides their own profile. LinkedIn refuses the whole sign-in when an app asks for permissions it lacks, so leave it false otherwise.',
      default: 'false',
      schema: envBoolean,
    },
    linkedinMemberAnalytics: {
      env: 'HERALD_LINKEDIN_MEMBER_ANALYTICS',
      doc: "true when the LinkedIn app was granted r_member_postAnalytics: Herald then reads the counters of members' own posts.",
      default: 'false',
      schema: envBoolean,
    },
    linkedinApiVersion: {
      env: 'HERALD_LINKEDIN_API_VERSION',
      doc: 'The LinkedIn-Version header (YYYYMM) sent with every call. LinkedIn supports each monthly version for about a year and then answers 426: move it forward at least once a year.',
      default: '202601',
      schema: z.string().regex(/^\d{6}$/, 'must be a version like 202601 (YYYYMM)'),
    },
    linkedinAuthUrl: {
      env: 'HERALD_LINKEDIN_AUTH_URL',
      doc: "Origin of LinkedIn's sign-in and token endpoints (change only to point at a local fake).",
      default: 'https://www.linkedin.com',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    linkedinApiUrl: {
      env: 'HERALD_LINKEDIN_API_URL',
      doc: 'Origin of the LinkedIn API (change only to point at a local fake).',
      default: 'https://api.linkedin.com',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    linkedinRateLimitWaitSeconds: {
      env: 'HERALD_LINKEDIN_RATE_LIMIT_WAIT_SECONDS',
      doc: 'How long Herald waits after LinkedIn answers 429 (LinkedIn sends no Retry-After; its limits are daily quotas and a one-minute comment throttle).',
      default: '60',
      schema: z.coerce.number({ message: 'must be a number' }).min(1, 'must be at least 1').max(86_400, 'must be at most 86400'),
    },
    linkedinMediaGraceSeconds: {
      env: 'HERALD_LINKEDIN_MEDIA_GRACE_SECONDS',
      doc: "How long Herald lets LinkedIn process a member's video or document before posting it (LinkedIn lets only Page tokens read the processing status).",
      default: '30',
      schema: z.coerce.number({ message: 'must be a number' }).min(0, 'must be at least 0').max(3600, 'must be at most 3600'),
    },
  },
  enabled: (config) => Boolean(config.linkedinClientId && config.linkedinClientSecret),
});
