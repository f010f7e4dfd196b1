import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { postGroups } from '../../db/schema/index.ts';
import { membersWhoCan, notifyUsers } from '../notifications/notifications.service.ts';
import { postTitle } from './approvals.service.ts';

export const REVIEW_OVERDUE_JOB = 'approvals.review-overdue';

/**
 * Posts whose planned time passed while they waited for review: nothing went out (their deliveries
 * are drafts). The author and the approvers are told once per planned time; a new time clears the mark.
 */
export async function flagOverdueReviews(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select()
    .from(postGroups)
    .where(and(eq(postGroups.state, 'in_review'), lt(postGroups.publishAt, now), isNull(postGroups.reviewOverdueNotifiedAt)));
  let flagged = 0;
  for (const group of due) {
    await db.transaction(async (tx) => {
      // Marked first, under the condition: two workers never tell the same people twice.
      const marked = await tx
        .update(postGroups)
        .set({ reviewOverdueNotifiedAt: now })
        .where(and(eq(postGroups.id, group.id), eq(postGroups.state, 'in_review'), isNull(postGroups.reviewOverdueNotifiedAt)))
        .returning({ id: postGroups.id });
      if (!marked.length) return;
      const people = [...(await membersWhoCan(tx, group.workspaceId, 'posts.approve')), ...(group.createdBy ? [group.createdBy] : [])];
      await notifyUsers(tx, people, {
        workspaceId: group.workspaceId,
        kind: 'post.review_overdue',
        entityType: 'post',
        entityId: group.id,
        message: { key: 'review.overdue', values: { post: postTitle(group, true) } },
        link: `/w/${group.workspaceId}/posts/${group.id}`,
        category: 'approvals',
        email: true,
      });
      flagged++;
    });
  }
  return flagged;
}
