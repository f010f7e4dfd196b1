import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CheckIcon } from '../../components/icons.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { useDismissOnboarding, useOnboarding, type Onboarding, type OnboardingStepId } from './onboarding.api.ts';
import './onboarding.css';

// Where each step is done; what it asks is `steps.<id>` in the onboarding namespace. Link words
// avoid the nav's names ("Channels", "Settings", "New post"), so "the Channels link" stays one link
// on every page, in every language.
const stepPlace: Record<OnboardingStepId, (base: string) => string> = {
  connect_channel: (b) => `${b}/channels`,
  posting_times: (b) => `${b}/settings#posting-times`,
  invite_team: (b) => `${b}/members`,
  first_post: (b) => `${b}/compose`,
};

/**
 * The getting-started checklist. `compact`: the calendar's card, shown until every step is done
 * or someone dismissed it; the full page always shows (it is where a new workspace opens).
 */
export function OnboardingChecklist({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation('onboarding');
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
          <h2 id="onboarding-title">{data.allDone ? t('checklist.titleDone') : t('checklist.title')}</h2>
          <p className="muted small">
            <span data-testid="onboarding-progress">
              {t('checklist.progress', { count: doneCount, total: data.steps.length })}
            </span>
            {data.allDone ? t('checklist.ready') : compact ? '' : t('checklist.howItWorks')}
          </p>
        </div>
        <div className="onboarding-head-actions">
          {compact ? (
            <Link to={`${base}/getting-started`} className="btn btn-sm btn-ghost">
              {t('checklist.open')}
            </Link>
          ) : null}
          {canDismiss ? (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => dismiss.mutate()} disabled={dismiss.isPending}>
              {t('checklist.hide')}
            </button>
          ) : null}
        </div>
      </div>
      <Progress data={data} />
      <FormError message={formErrors(dismiss.error, []).general} />
      <ol className="onboarding-steps">
        {data.steps.map((step) => {
          const title = t(`steps.${step.id}.title`);
          const to = stepPlace[step.id](base);
          // Read after the title by screen readers only: the tick says it to everyone else.
          const state = ` ${step.done ? t('checklist.stepDone') : t('checklist.stepToDo')}`;
          if (compact) {
            // The calendar's card: one line a step, the open ones a link to where they are done.
            const inner = (
              <>
                <span className="onboarding-tick" aria-hidden="true">
                  {step.done ? <CheckIcon /> : null}
                </span>
                <span className="onboarding-text">
                  <strong>{title}</strong>
                  <span className="visually-hidden">{state}</span>
                </span>
              </>
            );
            return (
              <li key={step.id} className={`onboarding-step${step.done ? ' onboarding-done' : ''}`} data-testid={`onboarding-${step.id}`} data-done={step.done}>
                {step.done ? <span className="onboarding-step-link">{inner}</span> : <Link to={to} className="onboarding-step-link">{inner}</Link>}
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
                  {title}
                  <span className="visually-hidden">{state}</span>
                </strong>
                <span className="muted small">{t(`steps.${step.id}.hint`)}</span>
              </div>
              {step.done ? (
                <span className="small onboarding-done-label">{t('checklist.done')}</span>
              ) : (
                <Link to={to} className="btn btn-sm btn-primary">
                  {t(`steps.${step.id}.action`)}
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
