import { and, eq, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { channels, deliveries, members, users } from '../../db/schema/index.ts';
import type { Queue } from '../../jobs/queue.ts';
import { auditByActor } from '../audit/audit.service.ts';
import { wakeMany } from '../publishing/wake-ups.ts';
import type { ServiceContext } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';

// "Pause processing" (GDPR art. 18, restriction of processing). While a user's restriction is set,
// Herald does nothing at the networks on their behalf for the channels they connected:
// - publishing: the engine's claim defers their deliveries (they stay queued, see engine.ts);
//   the reconcile pass re-checks overdue ones each interval, and resuming wakes them at once;
// - token refresh: channelsDueForRefresh skips their channels;
// - analytics: the collector (analytics/metrics.collector.ts) skips channels for which
//   `connectorNotRestricted` is false.
// Their data stays: scheduled posts are kept and shown as paused.
// A pause reaches only the workspaces the user still belongs to: removing a member hands their
// channels over (workspaces.service.ts), and the membership test below also covers channels left
// pointing at a former member (removed before that hand-over existed).

type ChannelRow = typeof channels.$inferSelect;

const ACTIVE_STATES = ['queued', 'processing', 'unconfirmed'];

/**
 * A where-condition on `channels`: true unless the user who connected the channel paused
 * processing while being a member of the channel's workspace.
 */
export const connectorNotRestricted: SQL = sql`not exists (select 1 from ${users} inner join ${members} on ${members.userId} = ${users.id} where ${users.id} = ${channels.connectedBy} and ${members.organizationId} = ${channels.workspaceId} and ${users.processingRestrictedAt} is not null)`;

/** The channels with `paused` set when their connecting user has paused processing (for the delivery answer). */
export async function withPausedFlag<T extends Pick<ChannelRow, 'connectedBy' | 'workspaceId'>>(db: Db | Tx, rows: T[]): Promise<(T & { paused: boolean })[]> {
  const ids = [...new Set(rows.map((r) => r.connectedBy).filter((id): id is string => !!id))];
  const workspaceIds = [...new Set(rows.map((r) => r.workspaceId))];
  const restricted = ids.length
    ? new Set(
        (
          await db
            .select({ userId: users.id, workspaceId: members.organizationId })
            .from(users)
            .innerJoin(members, eq(members.userId, users.id))
            .where(and(inArray(users.id, ids), inArray(members.organizationId, workspaceIds), isNotNull(users.processingRestrictedAt)))
        ).map((r) => `${r.userId} ${r.workspaceId}`),
      )
    : new Set<string>();
  return rows.map((row) => ({ ...row, paused: !!row.connectedBy && restricted.has(`${row.connectedBy} ${row.workspaceId}`) }));
}

export type Restriction = { restricted: boolean; restrictedAt: Date | null };

export async function getRestriction(ctx: ServiceContext): Promise<Restriction> {
  const [row] = await ctx.db.select({ at: users.processingRestrictedAt }).from(users).where(eq(users.id, ctx.actor.userId));
  if (!row) throw notFound('user');
  return { restricted: !!row.at, restrictedAt: row.at };
}

/**
 * Sets or lifts the signed-in user's restriction. Lifting it wakes their overdue deliveries at
 * once (the engine marks them late as usual); setting it twice changes nothing and writes no audit.
 */
export async function setRestriction(ctx: ServiceContext, deps: { boss: Queue }, restricted: boolean): Promise<Restriction> {
  const now = new Date();
  const changed = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ at: users.processingRestrictedAt }).from(users).where(eq(users.id, ctx.actor.userId)).for('update');
    if (!before) throw notFound('user');
    if (!!before.at === restricted) return false;
    const at = restricted ? now : null;
    await tx.update(users).set({ processingRestrictedAt: at, updatedAt: now }).where(eq(users.id, ctx.actor.userId));
    await auditByActor(tx, ctx, {
      action: restricted ? 'privacy.restricted' : 'privacy.resumed',
      entityType: 'user',
      entityId: ctx.actor.userId,
      changes: { processingRestrictedAt: { from: before.at?.toISOString() ?? null, to: at?.toISOString() ?? null } },
    });
    return true;
  });
  // After the commit, so the claims these wake-ups start see the restriction lifted.
  if (changed && !restricted) await wakePausedDeliveries(ctx.db, deps.boss, ctx.actor.userId, now);
  return getRestriction(ctx);
}

async function wakePausedDeliveries(db: Db, boss: Queue, userId: string, now: Date) {
  const due = await db
    .select({ id: deliveries.id, network: deliveries.network, state: deliveries.state })
    .from(deliveries)
    .innerJoin(channels, eq(channels.id, deliveries.channelId))
    .where(and(eq(channels.connectedBy, userId), inArray(deliveries.state, ACTIVE_STATES), lte(deliveries.nextAttemptAt, now)));
  await wakeMany(boss, due.map((row) => ({ deliveryId: row.id, network: row.network, at: now, check: row.state !== 'queued' })));
}
