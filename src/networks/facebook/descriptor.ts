// Facebook Pages as Herald knows them: shared by the server and the web app. Sources:
// shared/providers.md §7 (Facebook Pages) and §6 (Facebook Login).
import { z } from 'zod';
import { MB, type NetworkRules, type RuleText } from '../rules.ts';
import { defineNetwork } from '../types.ts';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

export const facebookFormats = ['post', 'reel'] as const;

export const facebookSettings = z
  .object({
    /** post: a feed post (text, link, photos or one video); reel: one vertical video as a Reel. */
    format: z.enum(facebookFormats).default('post'),
    /** A link Facebook shows as a preview card under the text (read by Facebook from the page). */
    link: z.url({ protocol: /^https?$/, message: 'must be an http(s) address' }).max(2048).optional(),
    /** Videos: the title shown above the video. */
    videoTitle: z.string().max(255).optional(),
  })
  .strict();

const photoTypes = ['image/jpeg', 'image/png'];
const videoTypes = ['video/mp4', 'video/quicktime'];
/** Herald's cap on photos in one multi-photo post (attached_media). */
const MAX_PHOTOS = 10;

const rules: NetworkRules = {
  network: 'facebook',
  textLimit: () => ({ max: 63_206, count: (text) => text.length, unit: 'characters' }),
  maxMedia: () => MAX_PHOTOS,
  replyChains: false,
  firstComment: true,
  needsMedia: false,
  settings: facebookSettings,
  featureUsed: () => ({ feature: 'publish', field: 'settings.format', words: 'posting to the Page' }),
  checkMedia(media, _limits, rawSettings) {
    const settings = facebookSettings.safeParse(rawSettings ?? {});
    const format = settings.success ? settings.data.format : 'post';
    const problems: RuleText[] = [];
    const videos = media.filter((m) => m.kind === 'video');
    const images = media.filter((m) => m.kind === 'image');
    if (videos.length && images.length) problems.push({ message: 'Facebook: a post is photos or one video, not both', key: 'network-facebook:rules.photosOrVideo' });
    if (videos.length > 1) problems.push({ message: 'Facebook: one video per post', key: 'network-facebook:rules.oneVideo' });
    for (const image of images) {
      // Facebook refuses photos over 4 MB or in other formats (its error 1390008).
      if (!photoTypes.includes(image.mimeType)) {
        problems.push({ message: `Facebook: photos must be JPEG or PNG (this one is ${image.mimeType})`, key: 'network-facebook:rules.photoType', values: { type: image.mimeType } });
      }
      if (image.size > 4 * MB) problems.push({ message: 'Facebook: photos can be at most 4 MB', key: 'network-facebook:rules.photoTooBig' });
    }
    for (const video of videos) {
      if (!videoTypes.includes(video.mimeType)) {
        problems.push({ message: `Facebook: videos must be MP4 or MOV (this one is ${video.mimeType})`, key: 'network-facebook:rules.videoType', values: { type: video.mimeType } });
      }
      if (video.size > 10 * 1024 * MB) problems.push({ message: 'Facebook: videos can be at most 10 GB', key: 'network-facebook:rules.videoTooBig' });
    }
    if (format === 'reel') {
      if (videos.length !== 1 || images.length) problems.push({ message: 'Facebook: a Reel is one video and nothing else', key: 'network-facebook:rules.reelOneVideo' });
      for (const video of videos) {
        if (video.durationSeconds !== null && (video.durationSeconds < 3 || video.durationSeconds > 90)) {
          const seconds = Math.round(video.durationSeconds);
          problems.push({ message: `Facebook: a Reel lasts 3 to 90 seconds (this video lasts ${seconds} s)`, key: 'network-facebook:rules.reelDuration', values: { seconds } });
        }
        if (video.width && video.height && Math.abs(video.width / video.height - 9 / 16) > 0.02) {
          problems.push({ message: 'Facebook: a Reel must be vertical, 9:16 (1080 × 1920 recommended)', key: 'network-facebook:rules.reelVertical' });
        }
        if (video.width && video.height && (video.width < 540 || video.height < 960)) {
          problems.push({ message: 'Facebook: a Reel must be at least 540 × 960 pixels', key: 'network-facebook:rules.reelTooSmall' });
        }
      }
    }
    return problems;
  },
  checkForPublishing(variant) {
    const settings = facebookSettings.safeParse(variant.settings ?? {});
    const first = variant.parts[0];
    if (!settings.success) return [];
    if (settings.data.format === 'post' && !first?.text.trim() && !first?.media.length && !settings.data.link) {
      return [{ field: 'parts.0.text', message: 'Facebook: write something, add a link, or add photos or a video', key: 'network-facebook:rules.empty', code: 'empty' }];
    }
    if (settings.data.format === 'reel' && settings.data.link) {
      return [{ field: 'settings.link', message: 'Facebook: a Reel cannot carry a link preview', key: 'network-facebook:rules.reelNoLink' }];
    }
    return [];
  },
};

export const facebook = defineNetwork({
  id: 'facebook',
  messages: { en, fr },
  label: 'Facebook',
  brandColor: '#0866FF',
  connect: 'oauth',
  // Only what Herald's features use: no business_management, no user content.
  scopes: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts', 'pages_manage_engagement', 'read_insights'],
  scopeMeanings: {
    pages_show_list: 'list the Facebook Pages you manage, so you can pick which to connect',
    pages_read_engagement: "read your Pages' names, pictures, posts and their reactions, comments and shares",
    pages_manage_posts: 'publish posts, photos, videos and Reels on the Pages you connect',
    pages_manage_engagement: 'post the first comment under your posts, as the Page',
    read_insights: "read your posts' reach and views (insights)",
  },
  featureScopes: {
    profile: ['pages_show_list', 'pages_read_engagement'],
    publish: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts'],
    drafts: ['pages_manage_posts'],
    analytics: ['pages_read_engagement', 'read_insights'],
  },
  analytics: { counters: ['views', 'likes', 'comments', 'shares', 'reach'], followers: true },
  terms: [
    { label: 'Meta Terms of Service', url: 'https://www.facebook.com/terms.php' },
    { label: 'Facebook Pages, Groups and Events Policies', url: 'https://www.facebook.com/policies_center/pages_groups_events' },
    { label: 'Meta Community Standards', url: 'https://transparency.meta.com/policies/community-standards/' },
  ],
  rules,
  // Facebook refuses posts sent too fast (subcode 1346003) and allows 30 API Reels per Page a day;
  // the budget itself is read from the usage headers.
  accountSpacingMs: 5_000,
  accountsNoun: 'Pages',
  settings: {
    facebookAppId: {
      env: 'HERALD_FACEBOOK_APP_ID',
      doc: 'Meta app id (developers.facebook.com, Facebook Login). Facebook Pages are offered only when app id and secret are set.',
      default: undefined,
      schema: z.string().regex(/^\d{1,30}$/, { message: 'must be the numeric app id' }).optional(),
    },
    facebookAppSecret: {
      env: 'HERALD_FACEBOOK_APP_SECRET',
      doc: 'Meta app secret (also verifies the deauthorize and data deletion calls Meta makes).',
      default: undefined,
      schema: z.string().min(1).optional(),
    },
    facebookGraphVersion: {
      env: 'HERALD_FACEBOOK_GRAPH_VERSION',
      doc: 'Graph API version Herald calls (each lives about two years).',
      default: 'v23.0',
      schema: z.string().regex(/^v\d+\.\d+$/, { message: 'must look like v23.0' }),
    },
    facebookDialogUrl: {
      env: 'HERALD_FACEBOOK_DIALOG_URL',
      doc: "Origin of Facebook's login dialog (change only to point at a local fake).",
      default: 'https://www.facebook.com',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    facebookGraphUrl: {
      env: 'HERALD_FACEBOOK_GRAPH_URL',
      doc: "Origin of Facebook's Graph API (change only to point at a local fake).",
      default: 'https://graph.facebook.com',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    facebookGraphVideoUrl: {
      env: 'HERALD_FACEBOOK_GRAPH_VIDEO_URL',
      doc: "Origin of Facebook's video publishing host (change only to point at a local fake).",
      default: 'https://graph-video.facebook.com',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    facebookRuploadUrl: {
      env: 'HERALD_FACEBOOK_RUPLOAD_URL',
      doc: "Origin of Facebook's Reels upload host (change only to point at a local fake).",
      default: 'https://rupload.facebook.com',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
  },
  enabled: (config) => Boolean(config.facebookAppId && config.facebookAppSecret),
});
