import { and, eq } from 'drizzle-orm';
import { networkLabel } from '../../../networks/index.ts';
import { serverParts } from '../../../networks/server.ts';
import type { Config } from '../../config/config.ts';
import { channels } from '../../db/schema/index.ts';
import { ProviderError } from '../../providers/provider.ts';
import { publicChannel, type ChannelDeps } from '../channels/channels.service.ts';
import { providerErrorToAppError, withChannelToken } from '../channel-tokens/index.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';

/**
 * The read a network needs before a post is written (TikTok's creator info), answered by the
 * network's own server part. The answer's limits are kept on the channel, so the server checks a
 * post against them.
 */
export async function preflightRead(ctx: ServiceContext, deps: ChannelDeps & { config: Config }, workspaceId: string, channelId: string) {
  const [row] = await ctx.db.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  if (!row) throw notFound('channel');
  const preflight = serverParts[row.network as keyof typeof serverParts]?.preflight;
  if (!preflight) throw new AppError('channel.no_preflight', 400, `${networkLabel(row.network)} channels have no creator info to read`, undefined, { network: networkLabel(row.network) });
  let read;
  try {
    read = await preflight({ config: deps.config, scopesGranted: row.scopesGranted, withToken: (call) => withChannelToken(ctx.db, deps, row.id, call) });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    throw providerErrorToAppError(error, 'use');
  }
  const limits = { ...(row.limits ?? {}), ...read.limits };
  await ctx.db.update(channels).set({ limits, updatedAt: new Date() }).where(eq(channels.id, row.id));
  // Herald's own copy of the avatar: the browser never loads the network's CDN.
  return { ...read.answer, avatar: publicChannel({ ...row, limits }).avatar };
}
