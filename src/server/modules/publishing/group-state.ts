import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { deliveries, postGroups } from '../../db/schema/index.ts';
import { isReviewState } from '../approvals/review-summary.ts';

/**
 * A post group's state, read from its deliveries: it is `published` when every channel is,
 * `partially_failed` when some failed and the rest are done, `publishing` while any is under way
 * or waiting for a check.
 */
export function groupStateOf(states: string[]): string {
  if (states.length === 0 || states.every((s) => s === 'draft')) return 'draft';
  const live = states.filter((s) => s !== 'cancelled');
  if (live.length === 0) return 'cancelled';
  if (live.every((s) => s === 'published')) return 'published';
  if (live.every((s) => s === 'failed')) return 'failed';
  if (live.every((s) => s === 'published' || s === 'failed')) return 'partially_failed';
  if (live.every((s) => s === 'queued' || s === 'draft')) return 'scheduled';
  return 'publishing';
}

export async function refreshGroupState(tx: Db | Tx, postGroupId: string) {
  const rows = await tx.select({ state: deliveries.state }).from(deliveries).where(eq(deliveries.postGroupId, postGroupId));
  let state = groupStateOf(rows.map((r) => r.state));
  // Approval states of a post whose deliveries are all drafts: the deliveries cannot tell them apart
  // from a plain draft, so they are kept until a decision (or a schedule) changes them.
  if (state === 'draft') {
    const [group] = await tx.select({ state: postGroups.state }).from(postGroups).where(eq(postGroups.id, postGroupId));
    if (group && isReviewState(group.state)) state = group.state;
  }
  await tx.update(postGroups).set({ state, updatedAt: new Date() }).where(eq(postGroups.id, postGroupId));
}
