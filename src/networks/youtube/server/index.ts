import type { UsageLedger } from '../../../server/providers/publishing.ts';
import { usageLedger } from '../../../server/modules/network-usage/network-usage.ts';
import type { NetworkServer } from '../../types.ts';
import { endpointsOf, quotaLeft, quotaOf } from './youtube-api.ts';
import { myPlaylists } from './youtube-playlists.ts';
import { createYouTubeProvider } from './youtube.provider.ts';
import { createYouTubePublisher } from './youtube.publisher.ts';

// The quota ledger of this process's database, kept when the provider is made (at start) so the
// composer's pre-flight read counts its units like every other call.
let ledger: UsageLedger | undefined;
let quotaSettings: ReturnType<typeof quotaOf> | undefined;

export const server: NetworkServer = {
  createProvider: (config, { db }) => {
    ledger = usageLedger(db, 'youtube');
    quotaSettings = quotaOf(config);
    return createYouTubeProvider({
      ...endpointsOf(config),
      clientId: config.youtubeClientId!,
      clientSecret: config.youtubeClientSecret!,
      authUrl: config.youtubeAuthUrl,
      tokenUrl: config.youtubeTokenUrl,
      revokeUrl: config.youtubeRevokeUrl,
      appInTesting: config.youtubeAppInTesting,
      quota: quotaOf(config),
      usage: ledger,
    });
  },
  createPublisher: (config) => createYouTubePublisher({ ...endpointsOf(config), quota: quotaOf(config), chunkSize: config.youtubeUploadChunkKib * 1024 }),
  /** The channel's playlists for the composer's picker, and what the project's quota has left today. */
  async preflight({ config, withToken }) {
    const quota = quotaOf(config);
    const playlists = await withToken((token) => myPlaylists(endpointsOf(config), token, ledger, quota));
    const left = ledger ? await quotaLeft(ledger, quota) : null;
    return { limits: {}, answer: { playlists, quota: left ? { unitsLeft: left.units, uploadsLeft: left.uploads, resetsAt: left.resetsAt.toISOString() } : null } };
  },
  /** The Google project's daily quota, shared by every channel, on each channel's card. */
  async usage({ db }) {
    if (!quotaSettings) return [];
    const left = await quotaLeft(usageLedger(db, 'youtube'), quotaSettings);
    return [
      { label: "Quota units left today (this Herald's Google project)", used: quotaSettings.dailyQuota - left.units, limit: quotaSettings.dailyQuota, resetsAt: left.resetsAt },
      { label: 'Video uploads left today', used: quotaSettings.dailyUploads - left.uploads, limit: quotaSettings.dailyUploads, resetsAt: left.resetsAt },
    ];
  },
};
