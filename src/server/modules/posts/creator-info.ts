import { and, eq } from 'drizzle-orm';
import { missingFeatures } from '../../../shared/networks.ts';
import { channels } from '../../db/schema/index.ts';
import { ProviderError } from '../../providers/provider.ts';
import { queryCreatorInfo } from '../../providers/tiktok/tiktok.publisher.ts';
import { publicChannel, type ChannelDeps } from '../channels/channels.service.ts';
import { missingScopeMessage, providerErrorToAppError, withChannelToken } from '../channel-tokens/index.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';

/**
 * TikTok's creator info, which its posting guidelines require the composer to show before every
 * post (nickname, who may see it, which interactions the creator turned off, the longest video).
 * The answer is also kept in the channel's limits, so the server checks a post against it.
 */
export async function tiktokCreatorInfo(ctx: ServiceContext, deps: ChannelDeps & { tiktokApiUrl: string }, workspaceId: string, channelId: string) {
  const [row] = await ctx.db.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  if (!row) throw notFound('channel');
  if (row.network !== 'tiktok') throw new AppError('channel.not_tiktok', 400, 'Creator info exists for TikTok channels only');
  // TikTok answers creator info only with video.publish; without it direct posts are off and
  // inbox posts need no creator info, so TikTok is not asked at all.
  if (missingFeatures('tiktok', row.scopesGranted).includes('publish')) {
    throw new AppError('channel.scope_missing', 409, missingScopeMessage('tiktok', 'video.publish', 'posting directly to TikTok'), { scope: 'video.publish', feature: 'publish' });
  }
  let info;
  try {
    info = await withChannelToken(ctx.db, deps, row.id, (token) => queryCreatorInfo(deps.tiktokApiUrl, token));
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    throw providerErrorToAppError(error, 'use');
  }
  const limits = {
    ...(row.limits ?? {}),
    privacyLevelOptions: info.privacyLevelOptions,
    maxVideoPostDurationSec: info.maxVideoPostDurationSec,
    commentDisabled: info.commentDisabled,
    duetDisabled: info.duetDisabled,
    stitchDisabled: info.stitchDisabled,
    creatorInfoAt: new Date().toISOString(),
  };
  await ctx.db.update(channels).set({ limits, updatedAt: new Date() }).where(eq(channels.id, row.id));
  const channel = publicChannel({ ...row, limits });
  return {
    nickname: info.nickname,
    username: info.username,
    // Herald's own copy of the avatar: the browser never loads TikTok's CDN.
    avatar: channel.avatar,
    privacyLevelOptions: info.privacyLevelOptions,
    commentDisabled: info.commentDisabled,
    duetDisabled: info.duetDisabled,
    stitchDisabled: info.stitchDisabled,
    maxVideoPostDurationSec: info.maxVideoPostDurationSec,
  };
}
