import { AppError } from '../../../server/modules/shared/errors.ts';
import { missingScopeMessage } from '../../../server/modules/channel-tokens/index.ts';
import { missingFeatures } from '../../index.ts';
import type { NetworkServer } from '../../types.ts';
import { createTikTokProvider } from './tiktok.provider.ts';
import { createTikTokPublisher, queryCreatorInfo } from './tiktok.publisher.ts';

export const server: NetworkServer = {
  createProvider: (config) =>
    createTikTokProvider({ clientKey: config.tiktokClientKey!, clientSecret: config.tiktokClientSecret!, authUrl: config.tiktokAuthUrl, apiUrl: config.tiktokApiUrl }),
  createPublisher: (config) => createTikTokPublisher({ apiUrl: config.tiktokApiUrl }),
  /**
   * TikTok's creator info, which its posting guidelines require the composer to show before every
   * post (nickname, who may see it, which interactions the creator turned off, the longest video).
   */
  async preflight({ config, scopesGranted, withToken }) {
    // TikTok answers creator info only with video.publish; without it direct posts are off and
    // inbox posts need no creator info, so TikTok is not asked at all.
    if (missingFeatures('tiktok', scopesGranted).includes('publish')) {
      throw new AppError('channel.scope_missing', 409, missingScopeMessage('tiktok', 'video.publish', 'posting directly to TikTok'), { scope: 'video.publish', feature: 'publish' });
    }
    const info = await withToken((token) => queryCreatorInfo(config.tiktokApiUrl, token));
    return {
      limits: {
        privacyLevelOptions: info.privacyLevelOptions,
        maxVideoPostDurationSec: info.maxVideoPostDurationSec,
        commentDisabled: info.commentDisabled,
        duetDisabled: info.duetDisabled,
        stitchDisabled: info.stitchDisabled,
        creatorInfoAt: new Date().toISOString(),
      },
      answer: {
        nickname: info.nickname,
        username: info.username,
        privacyLevelOptions: info.privacyLevelOptions,
        commentDisabled: info.commentDisabled,
        duetDisabled: info.duetDisabled,
        stitchDisabled: info.stitchDisabled,
        maxVideoPostDurationSec: info.maxVideoPostDurationSec,
      },
    };
  },
};
