import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { idempotencyKeys } from '../../db/schema/index.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

const hashOf = (value: unknown) => crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * Runs a creating request once per Idempotency-Key: a repeat (a client retrying after a lost
 * answer) gets the first answer back instead of a second post. Keys live 24 hours (the reconcile
 * sweep deletes older ones); the same key with another body is refused.
 */
export async function withIdempotencyKey(
  ctx: ServiceContext,
  input: { workspaceId: string; key: string | undefined; route: string; request: unknown },
  run: () => Promise<{ status: number; body: unknown }>,
): Promise<{ status: number; body: unknown; replayed: boolean }> {
  if (!input.key) return { ...(await run()), replayed: false };
  const requestHash = hashOf(input.request);
  const claimed = await ctx.db
    .insert(idempotencyKeys)
    .values({ workspaceId: input.workspaceId, key: input.key, userId: ctx.actor.userId, route: input.route, requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (!claimed.length) {
    const [existing] = await ctx.db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.workspaceId, input.workspaceId), eq(idempotencyKeys.key, input.key)));
    if (!existing) return { ...(await run()), replayed: false };
    if (existing.requestHash !== requestHash || existing.route !== input.route || existing.userId !== ctx.actor.userId) {
      throw new AppError('idempotency.key_reused', 422, 'This Idempotency-Key was already used for a different request');
    }
    if (existing.status === null) throw new AppError('idempotency.in_progress', 409, 'A request with this Idempotency-Key is still being processed; try again shortly');
    return { status: existing.status, body: existing.response, replayed: true };
  }
  try {
    const result = await run();
    await ctx.db
      .update(idempotencyKeys)
      .set({ status: result.status, response: JSON.parse(JSON.stringify(result.body)) as unknown })
      .where(and(eq(idempotencyKeys.workspaceId, input.workspaceId), eq(idempotencyKeys.key, input.key)));
    return { ...result, replayed: false };
  } catch (error) {
    // A failed request created nothing: the key may be used again.
    await ctx.db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.workspaceId, input.workspaceId), eq(idempotencyKeys.key, input.key)));
    throw error;
  }
}
