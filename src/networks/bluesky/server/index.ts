import type { NetworkServer } from '../../types.ts';
import { createBlueskyProvider } from './bluesky.provider.ts';
import { createBlueskyPublisher } from './bluesky.publisher.ts';

export const server: NetworkServer = {
  createProvider: (config) => createBlueskyProvider({ resolverUrl: config.blueskyResolverUrl, plcUrl: config.blueskyPlcUrl, allowLocal: config.blueskyAllowHttp }),
  createPublisher: (config) =>
    createBlueskyPublisher({ allowLocal: config.blueskyAllowHttp, videoService: { url: config.blueskyVideoServiceUrl, did: config.blueskyVideoServiceDid } }),
  allowsPrivateAddresses: (config) => config.blueskyAllowHttp,
};
