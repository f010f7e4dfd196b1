import type { NetworkServer } from '../../types.ts';
import { createMastodonProvider } from './mastodon.provider.ts';
import { createMastodonPublisher } from './mastodon.publisher.ts';

export const server: NetworkServer = {
  createProvider: (config, deps) => createMastodonProvider({ db: deps.db, box: deps.box, allowHttp: config.mastodonAllowHttp, publicOrigin: config.publicOrigin }),
  createPublisher: (config) => createMastodonPublisher({ allowHttp: config.mastodonAllowHttp }),
  allowsPrivateAddresses: (config) => config.mastodonAllowHttp,
};
