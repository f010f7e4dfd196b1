import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { Language } from '../../../shared/languages.ts';
import { auditByActor } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';

/** Sets the signed-in user's language; null goes back to following their browser. */
export async function setLanguage(ctx: ServiceContext, language: Language | null): Promise<{ language: Language | null }> {
  const userId = ctx.actor.userId;
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ language: users.language }).from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw notFound('user');
    if (before.language === language) return;
    await tx.update(users).set({ language, updatedAt: new Date() }).where(eq(users.id, userId));
    await auditByActor(tx, ctx, { action: 'user.updated', entityType: 'user', entityId: userId, changes: { language: { from: before.language, to: language } } });
  });
  return { language };
}
