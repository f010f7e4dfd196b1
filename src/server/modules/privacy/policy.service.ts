import { z } from 'zod';
import type { Config } from '../../config/config.ts';
import { networkIds, networks, type NetworkId } from '../../../shared/networks.ts';

// The facts /privacy, /terms and /api/v1/policy state, all taken from this instance's
// configuration so the pages cannot drift from what Herald really does.

/** Where each network's own terms are; they apply to everything published through Herald. */
const networkTerms: Record<NetworkId, { label: string; url: string }[]> = {
  tiktok: [
    { label: 'TikTok Terms of Service', url: 'https://www.tiktok.com/legal/page/global/terms-of-service/en' },
    { label: 'TikTok Community Guidelines', url: 'https://www.tiktok.com/community-guidelines' },
  ],
  mastodon: [
    // Mastodon has no global terms: each server sets its own rules (on its About page).
    { label: 'Mastodon Server Covenant (each server also publishes its own rules on its About page)', url: 'https://joinmastodon.org/covenant' },
  ],
  bluesky: [
    { label: 'Bluesky Terms of Service', url: 'https://bsky.social/about/support/tos' },
    { label: 'Bluesky Community Guidelines', url: 'https://bsky.social/about/support/community-guidelines' },
  ],
};

/** What each requested scope lets Herald do, in plain words. */
const scopeMeanings: Record<string, string> = {
  'user.info.basic': 'read your account id, display name and avatar',
  'user.info.profile': 'read your username, bio and profile link',
  'user.info.stats': 'read your follower, following, like and video counts',
  'video.list': 'read the list of your public videos and their statistics',
  'video.upload': 'upload videos as drafts to your TikTok inbox',
  'video.publish': 'publish videos to your account',
  read: 'read your account, profile and posts (for the profile and statistics)',
  write: 'publish posts and upload media on your behalf',
  'com.atproto.appPass': 'the session an app password gives: post and read on your behalf, but not change your password or delete your account',
};

/**
 * The networks this instance offers: TikTok only with its client key and secret, Mastodon and
 * Bluesky always, minus HERALD_NETWORKS_DISABLED (the same rule as providers/registry.ts).
 */
export function enabledNetworks(config: Config): NetworkId[] {
  return networkIds.filter((id) => {
    if (config.networksDisabled.includes(id)) return false;
    if (id === 'tiktok') return Boolean(config.tiktokClientKey && config.tiktokClientSecret);
    return true;
  });
}

export const policyFactsSchema = z.object({
  generatedAt: z.string().describe('When these facts were read from the configuration (Herald start)'),
  pages: z.object({ privacy: z.string(), terms: z.string() }),
  operator: z.object({
    name: z.string().nullable().describe('null: not filled in by the operator'),
    address: z.string().nullable(),
    contact: z.object({ kind: z.enum(['email', 'url']), value: z.string(), href: z.string() }).nullable(),
  }),
  networks: z.array(
    z.object({
      id: z.enum(networkIds),
      label: z.string(),
      connect: z.enum(['oauth', 'oauth-instance', 'app-password']),
      scopes: z.array(z.object({ scope: z.string(), meaning: z.string() })),
      terms: z.array(z.object({ label: z.string(), url: z.string() })),
    }),
  ),
  retention: z.object({
    accessLogDays: z.number(),
    disconnectedRetentionDays: z.number(),
    sessionIdleDays: z.number(),
    mediaDeleteAfterPublish: z.boolean(),
  }),
  accountDeletionGraceDays: z.number().describe('Days between asking to delete an account and the deletion; 0 = at once'),
  analytics: z.object({
    enabled: z.boolean().describe('false: the operator turned collection off (HERALD_ANALYTICS_INTERVAL_MINUTES=0)'),
    intervalMinutes: z.number(),
    windowDays: z.number().describe('Counters are read for this many days after publishing'),
  }),
  outgoing: z.object({
    telemetry: z.literal(false),
    smtpConfigured: z.boolean(),
    blueskyResolverUrl: z.string().nullable().describe('Resolves Bluesky handles; null when Bluesky is off'),
    blueskyPlcUrl: z.string().nullable(),
    mediaPublicUrl: z.string().nullable().describe('Where TikTok pulls media from; null when unused'),
  }),
  subprocessors: z.array(z.object({ name: z.string(), purpose: z.string(), location: z.string() })),
  customSections: z.object({ privacy: z.boolean(), terms: z.boolean() }),
});
export type PolicyFacts = z.infer<typeof policyFactsSchema>;

function contactOf(value: string | undefined): PolicyFacts['operator']['contact'] {
  if (!value) return null;
  return /^https?:\/\//i.test(value) ? { kind: 'url', value, href: value } : { kind: 'email', value, href: `mailto:${value}` };
}

export function policyFacts(config: Config, options: { now: Date; customSections: { privacy: boolean; terms: boolean } }): PolicyFacts {
  const enabled = enabledNetworks(config);
  const bluesky = enabled.includes('bluesky');
  return {
    generatedAt: options.now.toISOString(),
    pages: { privacy: `${config.publicOrigin}/privacy`, terms: `${config.publicOrigin}/terms` },
    operator: { name: config.operatorName ?? null, address: config.operatorAddress ?? null, contact: contactOf(config.operatorContact) },
    networks: enabled.map((id) => ({
      id,
      label: networks[id].label,
      connect: networks[id].connect,
      scopes: networks[id].scopes.map((scope) => ({ scope, meaning: scopeMeanings[scope] ?? '' })),
      terms: networkTerms[id],
    })),
    retention: {
      accessLogDays: config.accessLogDays,
      disconnectedRetentionDays: config.disconnectedRetentionDays,
      sessionIdleDays: config.sessionIdleDays,
      mediaDeleteAfterPublish: config.mediaDeleteAfterPublish,
    },
    accountDeletionGraceDays: config.accountDeletionGraceDays,
    analytics: { enabled: config.analyticsIntervalMinutes > 0, intervalMinutes: config.analyticsIntervalMinutes, windowDays: config.analyticsWindowDays },
    outgoing: {
      telemetry: false,
      smtpConfigured: Boolean(config.smtpUrl),
      blueskyResolverUrl: bluesky ? config.blueskyResolverUrl : null,
      blueskyPlcUrl: bluesky ? config.blueskyPlcUrl : null,
      mediaPublicUrl: enabled.includes('tiktok') ? (config.mediaPublicUrl ?? null) : null,
    },
    subprocessors: config.subprocessors,
    customSections: options.customSections,
  };
}
