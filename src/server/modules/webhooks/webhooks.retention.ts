import { lt } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { webhookAttempts, webhookDeliveries } from '../../db/schema/index.ts';

/** The delivery log keeps 30 days: what was sent to other systems, and what they answered. */
export const WEBHOOK_LOG_DAYS = 30;

/** Deletes deliveries (with their attempts) and stray attempts older than the log keeps; answers the deliveries deleted. */
export async function purgeWebhookLog(db: Db | Tx, now: Date): Promise<number> {
  const before = new Date(now.getTime() - WEBHOOK_LOG_DAYS * 24 * 60 * 60 * 1000);
  await db.delete(webhookAttempts).where(lt(webhookAttempts.createdAt, before));
  return (await db.delete(webhookDeliveries).where(lt(webhookDeliveries.createdAt, before)).returning({ id: webhookDeliveries.id })).length;
}
