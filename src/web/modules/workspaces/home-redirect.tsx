import { Navigate } from 'react-router-dom';
import { useSignedInUser } from '../auth/require-user.tsx';
import { lastWorkspace } from './last-workspace.ts';

/** `/`: the workspace used last, else the first one, else onboarding. */
export function HomeRedirect() {
  const me = useSignedInUser();
  const last = lastWorkspace();
  const target = me.workspaces.find((w) => w.id === last) ?? me.workspaces[0];
  return <Navigate to={target ? `/w/${target.id}/calendar` : '/new-workspace'} replace />;
}
