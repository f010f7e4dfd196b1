import { usageLedger } from '../../../server/modules/network-usage/network-usage.ts';
import type { NetworkServer } from '../../types.ts';
import { endpointsOf, quotaOf } from './youtube-api.ts';
import { createYouTubeProvider } from './youtube.provider.ts';
import { createYouTubePublisher } from './youtube.publisher.ts';

export const server: NetworkServer = {
  createProvider: (config, { db }) =>
    createYouTubeProvider({
      ...endpointsOf(config),
      clientId: config.youtubeClientId!,
      clientSecret: config.youtubeClientSecret!,
      authUrl: config.youtubeAuthUrl,
      tokenUrl: config.youtubeTokenUrl,
      revokeUrl: config.youtubeRevokeUrl,
      appInTesting: config.youtubeAppInTesting,
      quota: quotaOf(config),
      usage: usageLedger(db, 'youtube'),
    }),
  createPublisher: (config) => createYouTubePublisher({ ...endpointsOf(config), quota: quotaOf(config), chunkSize: config.youtubeUploadChunkKib * 1024 }),
};
