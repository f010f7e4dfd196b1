import type { NetworkServer } from '../../types.ts';
import { createBlueskyProvider } from './bluesky.provider.ts';
import { createBlueskyPublisher } from './bluesky.publisher.ts';
import { clientIdentity, clientMetadataDocument } from './oauth/client-identity.ts';

export const server: NetworkServer = {
  createProvider: (config) =>
    createBlueskyProvider({ resolverUrl: config.blueskyResolverUrl, plcUrl: config.blueskyPlcUrl, allowLocal: config.blueskyAllowHttp, publicOrigin: config.publicOrigin }),
  createPublisher: (config) =>
    createBlueskyPublisher({ allowLocal: config.blueskyAllowHttp, videoService: { url: config.blueskyVideoServiceUrl, did: config.blueskyVideoServiceDid } }),
  allowsPrivateAddresses: (config) => config.blueskyAllowHttp,
  oauthClientMetadata: (config) => {
    const identity = clientIdentity(config.publicOrigin);
    // A loopback client's metadata is derived from its id by the server itself: nothing to publish.
    return identity.kind === 'discoverable' ? clientMetadataDocument(identity) : null;
  },
};
