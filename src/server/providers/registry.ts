import type { Config } from '../config/config.ts';
import type { NetworkId } from '../../shared/networks.ts';
import type { OAuthProvider } from './provider.ts';
import { createTikTokProvider } from './tiktok/tiktok.provider.ts';
import { createMastodonProvider } from './mastodon/mastodon.provider.ts';
import type { Db } from '../db/database.ts';
import type { SecretBox } from '../security/secret-box.ts';

export type Providers = Partial<Record<NetworkId, OAuthProvider>>;

/** The networks this instance offers: each one only when its app credentials are configured. */
export function createProviders(config: Config, deps: { db: Db; box: SecretBox }): Providers {
  // Mastodon needs no credentials from the operator: an app is registered on each instance.
  const providers: Providers = {
    mastodon: createMastodonProvider({ db: deps.db, box: deps.box, allowHttp: config.mastodonAllowHttp, publicOrigin: config.publicOrigin }),
  };
  if (config.tiktokClientKey && config.tiktokClientSecret) {
    providers.tiktok = createTikTokProvider({
      clientKey: config.tiktokClientKey,
      clientSecret: config.tiktokClientSecret,
      authUrl: config.tiktokAuthUrl,
      apiUrl: config.tiktokApiUrl,
    });
  }
  return providers;
}
