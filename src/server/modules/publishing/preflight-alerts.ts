import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { isNetworkId, networks, networkLabel } from '../../../networks/index.ts';
import { serverParts } from '../../../networks/server.ts';
import { publishingRules } from '../../../shared/publishing-rules.ts';
import type { Config } from '../../config/config.ts';
import { rowsOf, type Db } from '../../db/database.ts';
import { channels, deliveries, postGroups } from '../../db/schema/index.ts';
import { ProviderError } from '../../providers/provider.ts';
import type { ChannelDeps } from '../channels/channels.service.ts';
import { statusReasonValue, withChannelToken } from '../channel-tokens/index.ts';
import { accessEndsAt } from '../channel-tokens/access-ending.ts';
import { checkAllowances } from '../network-usage/allowances.ts';
import { notifyMembersWhoCan } from '../notifications/notifications.service.ts';
import { accountName, excerpt } from './failure-alerts.ts';
import { ref, type MessageRef, type MessageValue } from '../notifications/notification-message.ts';

// Before a scheduled post goes out (the workspace's preflight_minutes, an hour by default), Herald
// looks for what would make it fail while someone can still fix it: a channel to reconnect, access
// that ends before the post's time, a permission the post needs that the account did not grant, the
// network's own pre-flight read (TikTok's creator info) and the allowances Herald counts. Anything
// found is told once per planned time to the author and to those who can manage channels; moving
// the post to another time checks (and may warn) again.

export const PREFLIGHT_DEFAULT_MINUTES = 60;
export const PREFLIGHT_MAX_MINUTES = 24 * 60;
/** A network's pre-flight read (a network call) is not repeated for a channel read this recently. */
const PREFLIGHT_READ_FRESH_MS = 30 * 60 * 1000;

export type PreflightDeps = { db: Db; config: Config; channelDeps: ChannelDeps; logger?: Logger };

type ChannelRow = typeof channels.$inferSelect;
type DueRow = { id: string; due_at: string | Date; time_zone: string | null };

/** Queued deliveries due within their workspace's pre-flight window that have not been warned about for their current time. */
async function dueForPreflight(db: Db, now: Date): Promise<DueRow[]> {
  const at = now.toISOString();
  return rowsOf<DueRow>(
    await db.execute(sql`
      select d.id, d.due_at, s.time_zone
      from deliveries d left join workspace_settings s on s.workspace_id = d.workspace_id
      where d.state = 'queued' and d.attempt_count = 0 and d.due_at > ${at}::timestamptz
        and coalesce(s.preflight_minutes, ${PREFLIGHT_DEFAULT_MINUTES}) > 0
        and d.due_at <= ${at}::timestamptz + make_interval(mins => coalesce(s.preflight_minutes, ${PREFLIGHT_DEFAULT_MINUTES}))
        and (d.preflight_alerted_for is null or d.preflight_alerted_for <> d.due_at)
      order by d.due_at
      limit 500`),
  );
}

const canRefresh = (deps: PreflightDeps, network: string) => !!deps.channelDeps.providers[network as keyof ChannelDeps['providers']]?.refresh;

/**
 * What would make this delivery fail at `dueAt`, in words said in each reader's language (a
 * network's or an allowance's own message as it is); empty when nothing is found.
 */
export async function preflightProblems(deps: PreflightDeps, delivery: typeof deliveries.$inferSelect, channel: ChannelRow, dueAt: Date, now = new Date()): Promise<(string | MessageRef)[]> {
  const label = networkLabel(channel.network);
  const account = accountName(channel);
  if (channel.status === 'disconnected' || !channel.accessTokenSealed) return [ref('preflight.disconnected', { network: label })];
  if (channel.status === 'needs_reauth') return [ref('preflight.needsReauth', { network: label, account })];
  const problems: (string | MessageRef)[] = [];
  const end = accessEndsAt(channel, canRefresh(deps, channel.network));
  if (end && end.getTime() <= dueAt.getTime()) {
    problems.push(ref('preflight.accessEnds', { network: label, account }));
  } else if (channel.status === 'expiring') {
    // The reason's own words, so each reader is told it in their language (a network's text as it is).
    const reason = statusReasonValue(channel);
    problems.push(reason ? ref('preflight.expiringBecause', { account, reason }) : ref('preflight.expiring', { account }));
  }
  if (isNetworkId(channel.network)) {
    const network = channel.network;
    const settings = publishingRules[network].settings.safeParse(delivery.content.settings ?? {});
    if (settings.success) {
      // The same check the composer makes when the post is saved; the grant may have changed since.
      const used = publishingRules[network].featureUsed(settings.data);
      const missing = networks[network].featureScopes[used.feature].filter((scope) => !channel.scopesGranted.includes(scope));
      if (missing.length) {
        // "a" and "b" (« a » et « b »): quotes and the joining word are the reader's language's.
        const names = missing.map((scope): MessageValue => ref('preflight.scopeName', { scope })).reduce((first, second) => ref('preflight.and', { first, second }));
        problems.push(ref('preflight.missingScope', { names, feature: used.words }));
      }
    }
    // A network's allowance said in the reader's language when it has words (X's caps do).
    for (const issue of await checkAllowances(deps.db, [{ channel, content: delivery.content }], dueAt)) problems.push(issue.key ? { key: issue.key, values: issue.values } : issue.message);
    const preflight = serverParts[network]?.preflight;
    const readAt = typeof channel.limits?.creatorInfoAt === 'string' ? Date.parse(channel.limits.creatorInfoAt) : 0;
    if (preflight && !problems.length && now.getTime() - readAt > PREFLIGHT_READ_FRESH_MS) {
      try {
        const read = await preflight({ config: deps.config, scopesGranted: channel.scopesGranted, withToken: (call) => withChannelToken(deps.db, deps.channelDeps, channel.id, call) });
        await deps.db.update(channels).set({ limits: { ...(channel.limits ?? {}), ...read.limits }, updatedAt: new Date() }).where(eq(channels.id, channel.id));
      } catch (error) {
        // A network that does not answer now may answer at the post's time: only its refusals count.
        if (error instanceof ProviderError && error.kind === 'transient') return problems;
        const message = error instanceof Error ? error.message : String(error);
        problems.push(ref('preflight.refused', { network: label, message }));
      }
    }
  }
  return problems;
}

/** One pass: warns about every delivery due within its workspace's window that would fail. Answers how many were warned about. */
export async function runPreflightAlerts(deps: PreflightDeps, options: { now?: Date } = {}): Promise<{ checked: number; alerted: number }> {
  const now = options.now ?? new Date();
  const due = await dueForPreflight(deps.db, now);
  let alerted = 0;
  for (const { id } of due) {
    const [row] = await deps.db
      .select({ delivery: deliveries, channel: channels, group: { createdBy: postGroups.createdBy, timeZone: postGroups.timeZone } })
      .from(deliveries)
      .innerJoin(channels, eq(channels.id, deliveries.channelId))
      .innerJoin(postGroups, eq(postGroups.id, deliveries.postGroupId))
      .where(eq(deliveries.id, id));
    if (!row?.delivery.dueAt) continue;
    const { delivery, channel, group } = row;
    const dueAt = delivery.dueAt!;
    let problems: Awaited<ReturnType<typeof preflightProblems>>;
    try {
      problems = await preflightProblems(deps, delivery, channel, dueAt, now);
    } catch (error) {
      deps.logger?.warn({ deliveryId: id, error: error instanceof Error ? error.message : String(error) }, 'pre-flight check could not run');
      continue;
    }
    if (!problems.length) continue;
    const zone = due.find((d) => d.id === id)?.time_zone ?? group.timeZone ?? 'UTC';
    const label = networkLabel(channel.network);
    const origin = deps.config.publicOrigin.replace(/\/$/, '');
    const told = await deps.db.transaction(async (tx) => {
      // Once per planned time, across sweeps running at once: only the one that sets the mark tells.
      const [marked] = await tx
        .update(deliveries)
        .set({ preflightAlertedFor: dueAt })
        .where(and(eq(deliveries.id, id), eq(deliveries.state, 'queued'), eq(deliveries.dueAt, dueAt), or(isNull(deliveries.preflightAlertedFor), sql`${deliveries.preflightAlertedFor} <> ${deliveries.dueAt}`)))
        .returning({ id: deliveries.id });
      if (!marked) return false;
      await notifyMembersWhoCan(
        tx,
        'channels.manage',
        {
          workspaceId: delivery.workspaceId,
          kind: 'delivery.preflight',
          entityType: 'post',
          entityId: delivery.postGroupId,
          message: {
            key: 'delivery.preflight',
            values: {
              network: label,
              account: accountName(channel),
              at: { date: dueAt.toISOString(), style: 'dayTime', timeZone: zone },
              post: excerpt(delivery.content, { atStart: true }),
              problems,
              url: `${origin}/w/${delivery.workspaceId}/channels`,
            },
          },
          link: `/w/${delivery.workspaceId}/posts/${delivery.postGroupId}`,
          category: 'preflight',
          email: true,
        },
        group.createdBy ? [group.createdBy] : [],
      );
      return true;
    });
    if (told) alerted += 1;
  }
  return { checked: due.length, alerted };
}
