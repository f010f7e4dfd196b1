// Bluesky as Herald knows it: shared by the server and the web app. Sources: shared/providers.md.
import { z } from 'zod';
import { appPasswordHint, blueskyIdentifierHint, blueskySignInHint, isAppPassword, parseBlueskyIdentifier, parseBlueskyServer } from './identifier.ts';
import { countGraphemes, MB, positiveOr, utf8Length, type NetworkRules, type RuleText } from '../rules.ts';
import { envBoolean } from '../setting-schemas.ts';
import { defineNetwork } from '../types.ts';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a BCP-47 language tag');

/** Video limits of Bluesky's video service (shared/providers.md §2: 3 minutes and 100 MB since March 2025; the lexicon's 300 MB is not yet what the service takes). */
export const BLUESKY_VIDEO_MAX_BYTES = 100 * MB;
export const BLUESKY_VIDEO_MAX_SECONDS = 3 * 60;
/** app.bsky.embed.video: up to 20 caption files, WebVTT, 20,000 bytes each. */
export const BLUESKY_MAX_CAPTIONS = 20;
export const BLUESKY_CAPTION_MAX_BYTES = 20_000;

export const blueskyCaption = z.object({
  lang: languageTag,
  vtt: z
    .string()
    .refine((text) => /^(\uFEFF)?WEBVTT/.test(text), 'must be a WebVTT file (it starts with WEBVTT)')
    .refine((text) => utf8Length(text) <= BLUESKY_CAPTION_MAX_BYTES, `must be at most ${BLUESKY_CAPTION_MAX_BYTES / 1000} kB`),
});

export const blueskySettings = z
  .object({
    langs: z.array(languageTag).max(3).optional(),
    /** Subtitles for the post's video, one WebVTT file per language. */
    captions: z
      .array(blueskyCaption)
      .max(BLUESKY_MAX_CAPTIONS, `at most ${BLUESKY_MAX_CAPTIONS} caption files`)
      .refine((list) => new Set(list.map((c) => c.lang)).size === list.length, 'one caption file per language')
      .optional(),
  })
  .strict();

const rules: NetworkRules = {
  network: 'bluesky',
  textLimit: () => ({ max: 300, count: countGraphemes, unit: 'graphemes' }),
  maxTextBytes: 3000,
  maxMedia: () => 4,
  replyChains: true,
  firstComment: true,
  needsMedia: false,
  settings: blueskySettings,
  featureUsed: () => ({ feature: 'publish', field: 'channelId', words: 'posting' }),
  checkMedia(media, limits, settings) {
    const problems: RuleText[] = [];
    const maxImage = Math.min(positiveOr(limits.blobUploadLimit, 1_000_000), 1_000_000);
    const videos = media.filter((m) => m.kind === 'video');
    if (videos.length > 1) problems.push({ message: 'Bluesky: one video per post', key: 'network-bluesky:rules.oneVideo' });
    if (videos.length && media.length > videos.length) problems.push({ message: 'Bluesky: a video is posted alone, without images', key: 'network-bluesky:rules.videoAlone' });
    for (const video of videos) {
      if (video.mimeType !== 'video/mp4') problems.push({ message: `Bluesky: videos must be MP4 (this one is ${video.mimeType})`, key: 'network-bluesky:rules.videoType', values: { type: video.mimeType } });
      if (video.size > BLUESKY_VIDEO_MAX_BYTES) {
        const [max, size] = [BLUESKY_VIDEO_MAX_BYTES / MB, Math.ceil(video.size / MB)];
        problems.push({ message: `Bluesky: videos can be at most ${max} MB (this one is ${size} MB)`, key: 'network-bluesky:rules.videoTooLarge', values: { max, size } });
      }
      if (video.durationSeconds !== null && video.durationSeconds > BLUESKY_VIDEO_MAX_SECONDS) {
        const [max, duration] = [BLUESKY_VIDEO_MAX_SECONDS / 60, Math.ceil(video.durationSeconds)];
        problems.push({ message: `Bluesky: videos can last at most ${max} minutes (this one lasts ${duration} s)`, key: 'network-bluesky:rules.videoTooLong', values: { max, duration } });
      }
    }
    if (Array.isArray(settings.captions) && settings.captions.length && !videos.length) problems.push({ message: 'Bluesky: captions need a video in the post', key: 'network-bluesky:rules.captionsNeedVideo' });
    for (const image of media.filter((m) => m.kind === 'image')) {
      if (!image.mimeType.startsWith('image/')) problems.push({ message: `Bluesky: ${image.mimeType} is not an image`, key: 'network-bluesky:rules.notImage', values: { type: image.mimeType } });
      if (image.size > maxImage) {
        const [max, size] = [Math.floor(maxImage / 1000), Math.ceil(image.size / 1000)];
        problems.push({ message: `Bluesky: images can be at most ${max} kB (this one is ${size} kB)`, key: 'network-bluesky:rules.imageTooLarge', values: { max, size } });
      }
    }
    return problems;
  },
  checkForPublishing: () => [],
};

export const bluesky = defineNetwork({
  id: 'bluesky',
  messages: { en, fr },
  label: 'Bluesky',
  brandColor: '#1185FE',
  // atproto OAuth (the account's own sign-in page) by default; app passwords remain the fallback,
  // and the only way where this Herald's public address cannot do OAuth (see server/oauth).
  connect: 'oauth',
  // OAuth asks for the first two; an app password's session carries com.atproto.appPass instead
  // (the account password, com.atproto.access, is refused). All three are listed for /privacy.
  scopes: ['atproto', 'transition:generic', 'com.atproto.appPass'],
  scopeMeanings: {
    atproto: 'identify your account (its DID and handle) to Herald',
    'transition:generic': 'post, upload images and video, delete posts and read your posts’ counts on your behalf; not change your password, e-mail or handle, nor delete your account',
    'com.atproto.appPass': 'the session an app password gives: post and read on your behalf, but not change your password or delete your account',
  },
  featureScopes: { profile: [], publish: [], drafts: [], analytics: [] },
  analytics: { counters: ['likes', 'comments', 'shares'], followers: true },
  terms: [
    { label: 'Bluesky Terms of Service', url: 'https://bsky.social/about/support/tos' },
    { label: 'Bluesky Community Guidelines', url: 'https://bsky.social/about/support/community-guidelines' },
  ],
  rules,
  // Bluesky allows about 1,666 record creations an hour.
  accountSpacingMs: 2_200,
  settings: {
    blueskyResolverUrl: {
      env: 'HERALD_BLUESKY_RESOLVER_URL',
      doc: 'Service that resolves Bluesky handles to DIDs (com.atproto.identity.resolveHandle); it sees the handles being connected.',
      default: 'https://public.api.bsky.app',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    blueskyPlcUrl: {
      env: 'HERALD_BLUESKY_PLC_URL',
      doc: 'PLC directory that serves did:plc identity documents (change only to point at a local test network).',
      default: 'https://plc.directory',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    blueskyVideoServiceUrl: {
      env: 'HERALD_BLUESKY_VIDEO_SERVICE_URL',
      doc: 'Bluesky’s video service (app.bsky.video.*): it receives the videos of Bluesky posts, processes them and stores them on the account’s server.',
      default: 'https://video.bsky.app',
      schema: z.url({ message: 'must be an absolute URL' }),
    },
    blueskyVideoServiceDid: {
      env: 'HERALD_BLUESKY_VIDEO_SERVICE_DID',
      doc: 'The DID of that video service: the audience of the token that reads an account’s daily video allowance.',
      default: 'did:web:video.bsky.app',
      schema: z.string().regex(/^did:[a-z]+:[A-Za-z0-9._:%-]+$/, 'must be a DID (did:web:…)'),
    },
    blueskyAllowHttp: {
      env: 'HERALD_BLUESKY_ALLOW_HTTP',
      doc: 'true lets Bluesky servers (PDS, did:web) be reached over plain http and on private addresses (local test networks and the offline demo only).',
      default: 'false',
      schema: envBoolean,
    },
  },
  signIn: {
    isIdentifier: (raw) => parseBlueskyIdentifier(raw) !== null,
    identifierHint: blueskyIdentifierHint,
    isAppPassword,
    appPasswordHint,
    isServer: (raw) => parseBlueskyServer(raw) !== null,
    oauthIdentifierHint: blueskySignInHint,
  },
  // Nothing to configure: Herald is a public OAuth client named by its own address, and app passwords need nothing either.
  enabled: () => true,
  outgoing: (config) => [
    [
      'When you connect a Bluesky handle: ',
      { code: config.blueskyResolverUrl },
      ' (set by ',
      { code: 'HERALD_BLUESKY_RESOLVER_URL' },
      ') sees the handle to resolve it to an account, and ',
      { code: config.blueskyPlcUrl },
      ' tells which server the account is on.',
    ],
  ],
});
