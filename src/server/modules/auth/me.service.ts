import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { ServiceContext } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { listMyWorkspaces } from '../workspaces/workspaces.service.ts';

/** The signed-in user's account row and the workspaces they belong to, with their role in each. */
export async function getMe(ctx: ServiceContext) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!user) throw notFound('user');
  return { user, workspaces: await listMyWorkspaces(ctx) };
}
