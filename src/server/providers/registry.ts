import type { Config } from '../config/config.ts';
import type { NetworkId } from '../../shared/networks.ts';
import type { Provider } from './provider.ts';
import { createBlueskyProvider } from './bluesky/bluesky.provider.ts';
import { createTikTokProvider } from './tiktok/tiktok.provider.ts';
import { createMastodonProvider } from './mastodon/mastodon.provider.ts';
import type { Db } from '../db/database.ts';
import type { SecretBox } from '../security/secret-box.ts';

export type Providers = Partial<Record<NetworkId, Provider>>;

/** The networks this instance offers: each one only when its app credentials are configured. */
export function createProviders(config: Config, deps: { db: Db; box: SecretBox }): Providers {
  // Mastodon needs no credentials from the operator: an app is registered on each instance.
  const providers: Providers = {
    mastodon: createMastodonProvider({ db: deps.db, box: deps.box, allowHttp: config.mastodonAllowHttp, publicOrigin: config.publicOrigin }),
    // Bluesky needs nothing from the operator either: accounts sign in with app passwords.
    bluesky: createBlueskyProvider({ resolverUrl: config.blueskyResolverUrl, plcUrl: config.blueskyPlcUrl, allowLocal: config.blueskyAllowHttp }),
  };
  if (config.tiktokClientKey && config.tiktokClientSecret) {
    providers.tiktok = createTikTokProvider({
      clientKey: config.tiktokClientKey,
      clientSecret: config.tiktokClientSecret,
      authUrl: config.tiktokAuthUrl,
      apiUrl: config.tiktokApiUrl,
    });
  }
  // HERALD_NETWORKS_DISABLED: the operator turns these off (the /privacy page lists what is left).
  for (const id of config.networksDisabled) delete providers[id];
  return providers;
}
