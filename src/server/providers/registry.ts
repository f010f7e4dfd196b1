import type { Config } from '../config/config.ts';
import type { NetworkId } from '../../shared/networks.ts';
import type { OAuthProvider } from './provider.ts';
import { createTikTokProvider } from './tiktok/tiktok.provider.ts';

export type Providers = Partial<Record<NetworkId, OAuthProvider>>;

/** The networks this instance offers: each one only when its app credentials are configured. */
export function createProviders(config: Config): Providers {
  const providers: Providers = {};
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
