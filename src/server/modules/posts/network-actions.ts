import { and, eq, inArray } from 'drizzle-orm';
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
  if (!action) throw new AppError('channel.action_not_found', 404, `${networkLabel(row.network)} channels have no action "${request.name}"`, { action: request.name }, { network: networkLabel(row.network) });
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

/**
 * Runs the actions a post's settings call for before it is saved (see NetworkAction.beforeSave),
 * so what they keep on the channel is there for the save's rule check. A refusal of the person's
 * input (a subreddit that does not exist) is the post's field error; the network being unreachable
 * is not: the post is saved and the publisher checks again before sending.
 */
export async function runBeforeSaveActions(
  ctx: ServiceContext,
  deps: ChannelDeps & { config: Config },
  request: { workspaceId: string; role: string | null; channels: { channelId: string; settings?: Record<string, unknown> }[] },
): Promise<void> {
  const ids = request.channels.map((c) => c.channelId);
  if (!ids.length) return;
  const rows = await ctx.db.select({ id: channels.id, network: channels.network, limits: channels.limits }).from(channels).where(and(eq(channels.workspaceId, request.workspaceId), inArray(channels.id, ids)));
  const issues: { field: string; message: string }[] = [];
  for (const [index, wanted] of request.channels.entries()) {
    const row = rows.find((r) => r.id === wanted.channelId);
    if (!row) continue;
    const actions = serverParts[row.network as keyof typeof serverParts]?.actions ?? {};
    for (const [name, action] of Object.entries(actions)) {
      const run = action.beforeSave?.(wanted.settings ?? {}, row.limits ?? {});
      if (!run) continue;
      try {
        await runNetworkAction(ctx, deps, { workspaceId: request.workspaceId, channelId: row.id, name, role: request.role, body: run.input });
      } catch (error) {
        if (error instanceof AppError && error.code === 'validation_failed') {
          const found = (error.details as { issues?: { message: string }[] } | undefined)?.issues ?? [{ message: error.message }];
          for (const issue of found) issues.push({ field: `channels.${index}.settings.${run.field}`, message: issue.message });
          continue;
        }
        // Permission refusals stand; anything else (the network down, a token to renew) must not
        // block saving: the publisher reads the rules again before it sends.
        if (error instanceof AppError && error.status === 403) throw error;
      }
    }
  }
  if (issues.length) throw new AppError('validation_failed', 400, `${issues[0]!.field}: ${issues[0]!.message}`, { issues });
}

/** Every network's actions, one line each, for the API documentation. */
export const networkActionList = () =>
  Object.entries(serverParts)
    .flatMap(([network, part]) => Object.entries(part.actions ?? {}).map(([name, action]) => `${name} (${networkLabel(network)} channels; needs ${action.permission}): ${action.summary}`))
    .join('; ') || 'none';
