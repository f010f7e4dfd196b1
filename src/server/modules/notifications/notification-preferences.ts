import { eq, sql } from 'drizzle-orm';
import { notificationCategories, type NotificationCategory } from '../../../shared/notification-categories.ts';
import type { Db, Tx } from '../../db/database.ts';
import { notificationPreferences } from '../../db/schema/index.ts';
import { auditByActor } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';

// Which notifications a person also gets by e-mail, per category. No row means yes: a new member
// hears about failures without first finding this setting.

export type EmailPreferences = Record<NotificationCategory, boolean>;

export const getEmailPreferences = (ctx: ServiceContext) => readPreferences(ctx.db, ctx.actor.userId);

async function readPreferences(db: Db | Tx, userId: string): Promise<EmailPreferences> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.category, r.email]));
  return Object.fromEntries(notificationCategories.map((c) => [c, chosen.get(c) ?? true])) as EmailPreferences;
}

/** Sets the categories given (the others keep their choice); answers all of them. */
export async function setEmailPreferences(ctx: ServiceContext, input: Partial<EmailPreferences>): Promise<EmailPreferences> {
  const entries = Object.entries(input).filter((e): e is [NotificationCategory, boolean] => typeof e[1] === 'boolean');
  if (entries.length) {
    await ctx.db.transaction(async (tx) => {
      const before = await readPreferences(tx, ctx.actor.userId);
      const now = new Date();
      await tx
        .insert(notificationPreferences)
        .values(entries.map(([category, email]) => ({ userId: ctx.actor.userId, category, email, updatedAt: now })))
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.category], set: { email: sql`excluded.email`, updatedAt: now } });
      const changed = Object.fromEntries(entries.filter(([c, email]) => before[c] !== email).map(([c, email]) => [c, { from: before[c], to: email }]));
      if (Object.keys(changed).length) {
        await auditByActor(tx, ctx, { workspaceId: null, action: 'user.email_preferences_changed', entityType: 'user', entityId: ctx.actor.userId, changes: changed });
      }
    });
  }
  return getEmailPreferences(ctx);
}
