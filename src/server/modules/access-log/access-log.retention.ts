import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { accessLog } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';

/** Deletes access-log rows older than `days` before `now`; the count is audit-logged with the deletion. */
export async function purgeAccessLog(db: Db, options: { days: number; now?: Date }): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.days * 24 * 60 * 60 * 1000);
  return db.transaction(async (tx) => {
    const deleted = await tx.delete(accessLog).where(lt(accessLog.createdAt, cutoff)).returning({ id: accessLog.id });
    if (deleted.length) {
      await recordAudit(tx, {
        actorUserId: null,
        action: 'access_log.purged',
        entityType: 'access_log',
        changes: { rows: deleted.length, olderThan: cutoff.toISOString(), retentionDays: options.days },
      });
    }
    return deleted.length;
  });
}

export async function countAccessLog(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(accessLog);
  return row?.n ?? 0;
}
