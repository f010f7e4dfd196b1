import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router-dom';
import type { Permission } from '../../../shared/permissions.ts';
import { EmptyState } from '../../components/status.tsx';
import type { MyWorkspace } from '../auth/auth.api.ts';
import { useSignedInUser } from '../auth/require-user.tsx';
import { rememberWorkspace } from './last-workspace.ts';

const WorkspaceContext = createContext<MyWorkspace | null>(null);

/** The workspace named in the URL, for pages under /w/:workspaceId. */
export function useWorkspace(): MyWorkspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside WorkspaceRoute');
  return workspace;
}

/** The server sends each role's permissions with /me; the UI hides what they do not include. */
export const hasPermission = (workspace: MyWorkspace, permission: Permission) => workspace.permissions.includes(permission);

/** Resolves /w/:workspaceId against the user's workspaces; an unknown id gets a page of its own. */
export function WorkspaceRoute() {
  const { t } = useTranslation('workspaces');
  const { workspaceId } = useParams();
  const me = useSignedInUser();
  const workspace = me.workspaces.find((w) => w.id === workspaceId);
  useEffect(() => {
    if (workspace) rememberWorkspace(workspace.id);
  }, [workspace]);
  if (!workspace) {
    return (
      <section className="card">
        <EmptyState
          title={t('route.notFound.title')}
          action={
            <Link to="/" className="btn">
              {t('route.notFound.action')}
            </Link>
          }
        >
          {t('route.notFound.body')}
        </EmptyState>
      </section>
    );
  }
  return (
    <WorkspaceContext.Provider value={workspace}>
      <Outlet />
    </WorkspaceContext.Provider>
  );
}

/** Renders a page only for roles that have its permission, so nobody meets a bare 403. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation('workspaces');
  const workspace = useWorkspace();
  if (hasPermission(workspace, permission)) return <>{children}</>;
  return (
    <section className="card">
      <EmptyState
        title={t('route.forbidden.title')}
        action={
          <Link to={`/w/${workspace.id}/members`} className="btn">
            {t('route.forbidden.action')}
          </Link>
        }
      >
        {t('route.forbidden.body', { workspace: workspace.name })}
      </EmptyState>
    </section>
  );
}
