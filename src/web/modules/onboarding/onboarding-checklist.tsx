import { Link } from 'react-router-dom';
import { CheckIcon } from '../../components/icons.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { useDismissOnboarding, useOnboarding, type Onboarding, type OnboardingStepId } from './onboarding.api.ts';
import './onboarding.css';

// What each step asks and where it is done. Link words avoid the nav's names ("Channels",
// "Settings", "New post"), so "the Channels link" stays one link on every page.
const stepWords: Record<OnboardingStepId, { title: string; hint: string; action: string; to: (base: string) => string }> = {
  connect_channel: { title: 'Connect a channel', hint: 'Link a Mastodon, Bluesky, LinkedIn… account Herald posts to.', action: 'Connect an account', to: (b) => `${b}/channels` },
  posting_times: { title: 'Set posting times', hint: 'Weekly times per channel: “Add to queue” fills the next free one.', action: 'Choose times', to: (b) => `${b}/settings#posting-times` },
  invite_team: { title: 'Invite the team', hint: 'Editors write and schedule, approvers review, viewers follow along.', action: 'Invite people', to: (b) => `${b}/members` },
  first_post: { title: 'Write the first post', hint: 'Draft it, schedule it, or add it to the queue.', action: 'Write a post', to: (b) => `${b}/compose` },
};

/**
 * The getting-started checklist. `compact`: the calendar's card, shown until every step is done
 * or someone dismissed it; the full page always shows (it is where a new workspace opens).
 */
export function OnboardingChecklist({ compact = false }: { compact?: boolean }) {
  const workspace = useWorkspace();
  const onboarding = useOnboarding(workspace.id);
  const dismiss = useDismissOnboarding(workspace.id);
  const data = onboarding.data;
  if (!data || (compact && !data.show)) return null;
  const base = `/w/${workspace.id}`;
  const doneCount = data.steps.filter((s) => s.done).length;
  const canDismiss = hasPermission(workspace, 'settings.manage') && !data.dismissedAt && !data.allDone;
  return (
    <section className={`card onboarding${compact ? ' onboarding-compact' : ''}`} aria-labelledby="onboarding-title" data-testid="onboarding">
      <div className="onboarding-head">
        <div>
          <h2 id="onboarding-title">{data.allDone ? 'All set' : 'Getting started'}</h2>
          <p className="muted small">
            <span data-testid="onboarding-progress">
              {doneCount} of {data.steps.length} done
            </span>
            {data.allDone ? ': this workspace is ready.' : compact ? '' : ': each step ticks itself once it is done, by you or a colleague.'}
          </p>
        </div>
        <div className="onboarding-head-actions">
          {compact ? (
            <Link to={`${base}/getting-started`} className="btn btn-sm btn-ghost">
              Open checklist
            </Link>
          ) : null}
          {canDismiss ? (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => dismiss.mutate()} disabled={dismiss.isPending}>
              Hide checklist
            </button>
          ) : null}
        </div>
      </div>
      <Progress data={data} />
      <FormError message={formErrors(dismiss.error, []).general} />
      <ol className="onboarding-steps">
        {data.steps.map((step) => {
          const words = stepWords[step.id];
          if (compact) {
            // The calendar's card: one line a step, the open ones a link to where they are done.
            const inner = (
              <>
                <span className="onboarding-tick" aria-hidden="true">
                  {step.done ? <CheckIcon /> : null}
                </span>
                <span className="onboarding-text">
                  <strong>{words.title}</strong>
                  <span className="visually-hidden">{step.done ? ' (done)' : ' (to do)'}</span>
                </span>
              </>
            );
            return (
              <li key={step.id} className={`onboarding-step${step.done ? ' onboarding-done' : ''}`} data-testid={`onboarding-${step.id}`} data-done={step.done}>
                {step.done ? <span className="onboarding-step-link">{inner}</span> : <Link to={words.to(base)} className="onboarding-step-link">{inner}</Link>}
              </li>
            );
          }
          return (
            <li key={step.id} className={`onboarding-step${step.done ? ' onboarding-done' : ''}`} data-testid={`onboarding-${step.id}`} data-done={step.done}>
              <span className="onboarding-tick" aria-hidden="true">
                {step.done ? <CheckIcon /> : null}
              </span>
              <div className="onboarding-text">
                <strong>
                  {words.title}
                  <span className="visually-hidden">{step.done ? ' (done)' : ' (to do)'}</span>
                </strong>
                <span className="muted small">{words.hint}</span>
              </div>
              {step.done ? (
                <span className="small onboarding-done-label">Done</span>
              ) : (
                <Link to={words.to(base)} className="btn btn-sm btn-primary">
                  {words.action}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Progress({ data }: { data: Onboarding }) {
  const done = data.steps.filter((s) => s.done).length;
  return (
    <div className="onboarding-bar" aria-hidden="true">
      <span style={{ width: `${(done / data.steps.length) * 100}%` }} />
    </div>
  );
}
