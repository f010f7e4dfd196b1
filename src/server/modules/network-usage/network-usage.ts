import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/database.ts';
import { networkUsage } from '../../db/schema/index.ts';
import type { UsageLedger } from '../../providers/publishing.ts';

// A network's windowed allowance (YouTube's daily quota units), counted in the database so every
// Herald process draws from the one allowance the network keeps for the whole app.

export type ConsumeInput = { network: string; bucket: string; units: number; windowStart: Date; limit: number };
export type ConsumeResult = { allowed: boolean; used: number };

/**
 * Takes `units` from the window's allowance if they fit under `limit`, in one statement, so two
 * processes consuming at once can never both take the last units. A refused call changes nothing
 * and answers what was used. Negative units give back what a refused follow-up call did not use.
 */
export async function consume(db: Db, input: ConsumeInput): Promise<ConsumeResult> {
  const { network, bucket, units, windowStart, limit } = input;
  const result = await db.execute(sql`
    insert into network_usage (network, bucket, window_start, used)
    select ${network}, ${bucket}, ${windowStart.toISOString()}::timestamptz, ${units}::integer
    where ${units}::integer <= ${limit}::integer
    on conflict (network, bucket, window_start) do update
      set used = network_usage.used + excluded.used
      where network_usage.used + excluded.used <= ${limit}::integer
    returning used`);
  const [row] = rowsOf<{ used: number }>(result);
  if (row) return { allowed: true, used: Number(row.used) };
  return { allowed: false, used: await read(db, { network, bucket, windowStart }) };
}

/** What the window has used so far (0 when nothing was counted yet). */
export async function read(db: Db, input: { network: string; bucket: string; windowStart: Date }): Promise<number> {
  const [row] = await db
    .select({ used: networkUsage.used })
    .from(networkUsage)
    .where(and(eq(networkUsage.network, input.network), eq(networkUsage.bucket, input.bucket), eq(networkUsage.windowStart, input.windowStart)));
  return row?.used ?? 0;
}

/** The ledger as a publisher sees it: bound to its network. */
export function usageLedger(db: Db, network: string): UsageLedger {
  return {
    consume: (input) => consume(db, { network, ...input }),
    read: (input) => read(db, { network, ...input }),
  };
}
