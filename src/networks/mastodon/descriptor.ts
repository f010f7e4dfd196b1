// Mastodon as Herald knows it: shared by the server and the web app. Sources: shared/providers.md.
import { z } from 'zod';
import { envBoolean } from '../setting-schemas.ts';
import { MB, positiveOr, type NetworkRules, type RuleText } from '../rules.ts';
import { defineNetwork } from '../types.ts';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

export const mastodonSettings = z
  .object({
    visibility: z.enum(['public', 'unlisted', 'private', 'direct']).default('public'),
    spoilerText: z.string().max(500).optional(),
    sensitive: z.boolean().optional(),
    language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code').optional(),
  })
  .strict();

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

const rules: NetworkRules = {
  network: 'mastodon',
  textLimit: (limits) => {
    const reserved = positiveOr(limits.charactersReservedPerUrl, 23);
    return { max: positiveOr(limits.maxCharacters, 500), count: (text) => countMastodon(text, reserved), unit: 'characters' };
  },
  maxMedia: (limits) => positiveOr(limits.maxMediaAttachments, 4),
  replyChains: true,
  firstComment: true,
  needsMedia: false,
  settings: mastodonSettings,
  featureUsed: () => ({ feature: 'publish', field: 'channelId', words: 'posting' }),
  checkMedia(media, limits) {
    const problems: RuleText[] = [];
    const attach = (limits.mediaAttachments ?? {}) as Record<string, unknown>;
    const types = Array.isArray(attach.supported_mime_types) ? (attach.supported_mime_types as string[]) : null;
    for (const file of media) {
      if (types && !types.includes(file.mimeType)) problems.push({ message: `Mastodon: this server does not take ${file.mimeType} files`, key: 'network-mastodon:rules.typeRefused', values: { type: file.mimeType } });
      const max = file.kind === 'image' ? positiveOr(attach.image_size_limit, 16 * MB) : positiveOr(attach.video_size_limit, 99 * MB);
      if (file.size > max) {
        const message = `Mastodon: this server takes ${file.kind}s up to ${Math.floor(max / MB)} MB`;
        const values = { max: Math.floor(max / MB) };
        problems.push(file.kind === 'image' ? { message, key: 'network-mastodon:rules.imageTooLarge', values } : { message, key: 'network-mastodon:rules.videoTooLarge', values });
      }
    }
    if (media.some((m) => m.kind === 'video') && media.length > 1) problems.push({ message: 'Mastodon: a video cannot be combined with other media', key: 'network-mastodon:rules.videoAlone' });
    return problems;
  },
  checkForPublishing: () => [],
};

export const mastodon = defineNetwork({
  id: 'mastodon',
  messages: { en, fr },
  label: 'Mastodon',
  brandColor: '#6364FF',
  connect: 'oauth-instance',
  scopes: ['read', 'write'],
  scopeMeanings: {
    read: 'read your account, profile and posts (for the profile and statistics)',
    write: 'publish posts and upload media on your behalf',
  },
  featureScopes: { profile: ['read'], publish: ['write'], drafts: ['write'], analytics: ['read'] },
  analytics: { counters: ['likes', 'comments', 'shares'], followers: true },
  terms: [
    // Mastodon has no global terms: each server sets its own rules (on its About page).
    { label: 'Mastodon Server Covenant (each server also publishes its own rules on its About page)', url: 'https://joinmastodon.org/covenant' },
  ],
  rules,
  // Mastodon allows 300 requests per 5 minutes.
  accountSpacingMs: 1_000,
  settings: {
    mastodonAllowHttp: {
      env: 'HERALD_MASTODON_ALLOW_HTTP',
      doc: 'true lets Mastodon instances be reached over plain http (local test instances and the offline demo only).',
      default: 'false',
      schema: envBoolean,
    },
  },
  // Nothing to configure: Herald registers an app on each instance when it is first connected.
  enabled: () => true,
});
