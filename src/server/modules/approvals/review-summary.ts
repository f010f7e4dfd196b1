// The approval states of a post: its deliveries are still drafts, nothing is sent, no wake-up waits.
export const REVIEW_STATES = ['in_review', 'changes_requested'] as const;

export const isReviewState = (state: string) => (REVIEW_STATES as readonly string[]).includes(state);

/** What the post answer says of its approval: overdue when its planned time passed while in review. */
export function reviewSummary(group: { state: string; publishAt: Date | null; approvedAt: Date | null; approvedByName: string | null; reviewOverdueNotifiedAt: Date | null }, now = Date.now()) {
  return {
    overdue: group.state === 'in_review' && group.publishAt !== null && group.publishAt.getTime() < now,
    approvedAt: group.approvedAt,
    approvedByName: group.approvedByName,
  };
}
