import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/page-header.tsx';
import { useWorkspace } from '../workspaces/workspace-route.tsx';
import { OnboardingChecklist } from './onboarding-checklist.tsx';

/** Where a new workspace opens: four steps to a working set-up, each linking to where it is done. */
export function OnboardingPage() {
  const workspace = useWorkspace();
  return (
    <div className="page page-narrow onboarding-page">
      <PageHeader
        title={`Welcome to ${workspace.name}`}
        description="Four steps and this workspace is ready to post. You can do them in any order."
        actions={
          <Link to={`/w/${workspace.id}/calendar`} className="btn">
            Go to the calendar
          </Link>
        }
      />
      <OnboardingChecklist />
    </div>
  );
}
