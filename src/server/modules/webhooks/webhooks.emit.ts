import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { WebhookEventType } from '../../../shared/webhook-events.ts';
import type { Db, Tx } from '../../db/database.ts';
import { channels, deliveries, postGroups, webhookDeliveries, webhookEndpoints } from '../../db/schema/index.ts';

// The outbox side of webhooks: an event becomes one webhook_deliveries row per enabled endpoint
// that subscribed to it, written in the caller's transaction (so it exists exactly when the event
// does), and a NOTIFY that the sender's listener receives when that transaction commits. No HTTP
// happens here.

/** The Postgres channel the senders LISTEN on; a notification only says "look for due deliveries". */
export const WEBHOOK_NOTIFY_CHANNEL = 'herald_webhooks';

/** A message id as Standard Webhooks shows them (`msg_…`); it is the `webhook-id` header on every try. */
export const newMessageId = () => `msg_${crypto.randomBytes(16).toString('hex')}`;

export type WebhookPayload = { type: string; timestamp: string; data: Record<string, unknown> };

/** Queues the event for every enabled endpoint of the workspace subscribed to `type`; answers how many. */
export async function emitWebhookEvent(db: Db | Tx, event: { workspaceId: string; type: WebhookEventType; data: Record<string, unknown> }): Promise<number> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, event.workspaceId), eq(webhookEndpoints.enabled, true), sql`${webhookEndpoints.events} @> ${JSON.stringify([event.type])}::jsonb`));
  if (!endpoints.length) return 0;
  const now = new Date();
  const payload: WebhookPayload = { type: event.type, timestamp: now.toISOString(), data: event.data };
  await db.insert(webhookDeliveries).values(
    endpoints.map((endpoint) => ({ id: newMessageId(), endpointId: endpoint.id, workspaceId: event.workspaceId, eventType: event.type, payload, status: 'pending', nextAttemptAt: now, createdAt: now })),
  );
  await db.execute(sql`select pg_notify(${WEBHOOK_NOTIFY_CHANNEL}, '')`);
  return endpoints.length;
}

/** A post as events describe it: its public id, state, time and the channels it goes to. */
export async function postEventData(db: Db | Tx, postGroupId: string): Promise<Record<string, unknown>> {
  const [group] = await db.select().from(postGroups).where(eq(postGroups.id, postGroupId));
  const rows = await db
    .select({ channelId: deliveries.channelId, network: deliveries.network, state: deliveries.state })
    .from(deliveries)
    .where(eq(deliveries.postGroupId, postGroupId));
  return {
    post: {
      id: postGroupId,
      state: group?.state ?? null,
      publishAt: group?.publishAt?.toISOString() ?? null,
      timeZone: group?.timeZone ?? null,
      channels: rows.map((r) => ({ id: r.channelId, network: r.network, state: r.state })),
    },
  };
}

type DeliveryOutcome = Pick<typeof deliveries.$inferSelect, 'id' | 'workspaceId' | 'postGroupId' | 'channelId' | 'network'> &
  Partial<Pick<typeof deliveries.$inferSelect, 'externalId' | 'externalUrl' | 'publishedAt' | 'errorCode' | 'errorMessage'>>;

/**
 * A post's outcome on one channel: published (with its link), failed or unconfirmed (with the
 * reason). A caller that holds the channel row passes its username and saves a query.
 */
export async function emitDeliveryOutcome(tx: Db | Tx, state: 'published' | 'failed' | 'unconfirmed', delivery: DeliveryOutcome, username?: string | null) {
  const channel = username !== undefined ? { username } : (await tx.select({ username: channels.username }).from(channels).where(eq(channels.id, delivery.channelId)))[0];
  await emitWebhookEvent(tx, {
    workspaceId: delivery.workspaceId,
    type: `post.${state}`,
    data: {
      post: { id: delivery.postGroupId },
      delivery: {
        id: delivery.id,
        state,
        channel: { id: delivery.channelId, network: delivery.network, username: channel?.username ?? null },
        externalId: delivery.externalId ?? null,
        url: delivery.externalUrl ?? null,
        publishedAt: delivery.publishedAt?.toISOString() ?? null,
        error: state === 'published' ? null : { code: delivery.errorCode ?? null, message: delivery.errorMessage ?? null },
      },
    },
  });
}
