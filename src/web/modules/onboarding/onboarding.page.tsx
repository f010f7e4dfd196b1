import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/page-header.tsx';
import { useWorkspace } from '../workspaces/workspace-route.tsx';
import { OnboardingChecklist } from './onboarding-checklist.tsx';

/** Where a new workspace opens: four steps to a working set-up, each linking to where it is done. */
export function OnboardingPage() {
  const { t } = useTranslation('onboarding');
  const workspace = useWorkspace();
  return (
    <div className="page page-narrow onboarding-page">
      <PageHeader
        title={t('page.title', { workspace: workspace.name })}
        description={t('page.description')}
        actions={
          <Link to={`/w/${workspace.id}/calendar`} className="btn">
            {t('page.calendar')}
          </Link>
        }
      />
      <OnboardingChecklist />
    </div>
  );
}
