import { auditByActor } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { createOnboardingRepository } from './onboarding.repository.ts';

// The getting-started checklist of a new workspace. Each step is read from the data (never ticked
// by hand), so doing a step anywhere, by anyone, ticks it.
export const onboardingSteps = ['connect_channel', 'posting_times', 'invite_team', 'first_post'] as const;

export async function getOnboarding(ctx: ServiceContext, workspaceId: string) {
  const repo = createOnboardingRepository(ctx.db);
  const [connect, times, team, post, dismissedAt] = await Promise.all([repo.hasChannel(workspaceId), repo.hasPostingTimes(workspaceId), repo.hasTeam(workspaceId), repo.hasPost(workspaceId), repo.dismissedAt(workspaceId)]);
  const done = { connect_channel: connect, posting_times: times, invite_team: team, first_post: post };
  const steps = onboardingSteps.map((id) => ({ id, done: done[id] }));
  const allDone = steps.every((s) => s.done);
  return { steps, allDone, dismissedAt, show: !allDone && !dismissedAt };
}

export async function dismissOnboarding(ctx: ServiceContext, workspaceId: string) {
  await ctx.db.transaction(async (tx) => {
    const repo = createOnboardingRepository(tx);
    if (await repo.dismissedAt(workspaceId)) return;
    await repo.dismiss(workspaceId, new Date());
    await auditByActor(tx, ctx, { workspaceId, action: 'workspace.onboarding_dismissed', entityType: 'workspace', entityId: workspaceId, changes: {} });
  });
  return getOnboarding(ctx, workspaceId);
}
