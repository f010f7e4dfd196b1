// What Herald knows about each network, as data shared by the server and the web app.

export const networkIds = ['tiktok', 'mastodon', 'bluesky'] as const;
export type NetworkId = (typeof networkIds)[number];

export type Feature = 'profile' | 'publish' | 'drafts' | 'analytics';

export type NetworkInfo = {
  id: NetworkId;
  label: string;
  /** How an account is connected. */
  connect: 'oauth' | 'oauth-instance' | 'app-password';
  /** Scopes Herald asks for, in the network's own notation. */
  scopes: readonly string[];
  /** Each feature works only with all of these scopes granted. */
  featureScopes: Record<Feature, readonly string[]>;
};

export const networks: Record<NetworkId, NetworkInfo> = {
  tiktok: {
    id: 'tiktok',
    label: 'TikTok',
    connect: 'oauth',
    scopes: ['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.list', 'video.upload', 'video.publish'],
    featureScopes: {
      profile: ['user.info.basic', 'user.info.profile'],
      publish: ['video.publish'],
      drafts: ['video.upload'],
      analytics: ['video.list', 'user.info.stats'],
    },
  },
  mastodon: {
    id: 'mastodon',
    label: 'Mastodon',
    connect: 'oauth-instance',
    scopes: ['read', 'write'],
    featureScopes: { profile: ['read'], publish: ['write'], drafts: ['write'], analytics: ['read'] },
  },
  bluesky: {
    id: 'bluesky',
    label: 'Bluesky',
    connect: 'app-password',
    // An app password's session carries this scope; the account password (com.atproto.access) is refused.
    scopes: ['com.atproto.appPass'],
    featureScopes: { profile: [], publish: [], drafts: [], analytics: [] },
  },
};

/** Features that cannot work with the scopes the user actually granted. */
export function missingFeatures(network: NetworkId, granted: readonly string[]): Feature[] {
  const have = new Set(granted);
  return (Object.entries(networks[network].featureScopes) as [Feature, readonly string[]][])
    .filter(([, needed]) => needed.some((s) => !have.has(s)))
    .map(([feature]) => feature);
}
