import { and, eq } from 'drizzle-orm';
import { sessions } from '../../db/schema/index.ts';
import { auditByActor } from '../audit/audit.service.ts';
import { notFound } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/context.ts';

/**
 * Ends one of the caller's sessions by its id. The web app never sees session tokens (they live in
 * the httpOnly cookie only), so better-auth's token-based /revoke-session is of no use to it.
 * Another user's session id answers 404, exactly like an unknown one.
 */
export async function revokeOwnSession(ctx: ServiceContext, sessionId: string): Promise<void> {
  return ctx.db.transaction(async (tx) => {
    const [revoked] = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, ctx.actor.userId)))
      .returning({ id: sessions.id });
    if (!revoked) throw notFound('session');
    await auditByActor(tx, ctx, { action: 'session.revoked', entityType: 'session', entityId: revoked.id, changes: { scope: 'session' } });
  });
}
