import { and, eq } from 'drizzle-orm';
import { networkLabel } from '../../../networks/index.ts';
import { serverParts } from '../../../networks/server.ts';
import { can } from '../../../shared/permissions.ts';
import type { Config } from '../../config/config.ts';
import { channels } from '../../db/schema/index.ts';
import { ProviderError } from '../../providers/provider.ts';
import type { ChannelDeps } from '../channels/channels.service.ts';
import { providerErrorToAppError, withChannelToken } from '../channel-tokens/index.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, forbidden, notFound } from '../shared/errors.ts';

/**
 * Something the composer asks a channel's network to do (e.g. create a board to pin to), answered by
 * the network's own server part. The caller's role must have the action's permission and the body
 * must pass the action's input schema; the network's failures read as creator-info's do.
 */
export async function runNetworkAction(
  ctx: ServiceContext,
  deps: ChannelDeps & { config: Config },
  request: { workspaceId: string; channelId: string; name: string; role: string | null; body: unknown },
): Promise<Record<string, unknown>> {
  const [row] = await ctx.db.select().from(channels).where(and(eq(channels.id, request.channelId), eq(channels.workspaceId, request.workspaceId)));
  if (!row) throw notFound('channel');
  const actions = serverParts[row.network as keyof typeof serverParts]?.actions ?? {};
  const action = Object.hasOwn(actions, request.name) ? actions[request.name] : undefined;
  if (!action) throw new AppError('channel.action_not_found', 404, `${networkLabel(row.network)} channels have no action "${request.name}"`, { action: request.name });
  if (!can(request.role, action.permission)) throw forbidden(action.permission);
  const parsed = action.input.safeParse(request.body ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ field: ['body', ...issue.path.map(String)].join('.'), message: issue.message }));
    throw new AppError('validation_failed', 400, `${issues[0]!.field}: ${issues[0]!.message}`, { issues });
  }
  let answer: Record<string, unknown>;
  try {
    answer = await action.run({ config: deps.config, input: parsed.data, scopesGranted: row.scopesGranted, withToken: (call) => withChannelToken(ctx.db, deps, row.id, call) });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    throw providerErrorToAppError(error, 'use');
  }
  if (action.keep) {
    // Read again inside the update: another action of the channel may have kept something meanwhile.
    await ctx.db.transaction(async (tx) => {
      const [current] = await tx.select({ limits: channels.limits }).from(channels).where(eq(channels.id, row.id)).for('update');
      await tx.update(channels).set({ limits: action.keep!(answer, current?.limits ?? {}), updatedAt: new Date() }).where(eq(channels.id, row.id));
    });
  }
  return answer;
}

/** Every network's actions, one line each, for the API documentation. */
export const networkActionList = () =>
  Object.entries(serverParts)
    .flatMap(([network, part]) => Object.entries(part.actions ?? {}).map(([name, action]) => `${name} (${networkLabel(network)} channels; needs ${action.permission}): ${action.summary}`))
    .join('; ') || 'none';
