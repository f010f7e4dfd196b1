import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignableRoles } from '../../../shared/permissions.ts';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { roleLabel } from '../../components/format.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Loading } from '../../components/status.tsx';
import { useSignedInUser } from '../auth/require-user.tsx';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { InvitationList } from './invitation-list.tsx';
import { InviteForm } from './invite-form.tsx';
import { MemberList } from './member-list.tsx';
import { useInvitations, useMembers } from './members.api.ts';

export function MembersPage() {
  const { t } = useTranslation('members');
  const workspace = useWorkspace();
  const me = useSignedInUser();
  const canManage = hasPermission(workspace, 'members.manage');
  const [inviting, setInviting] = useState(false);
  const members = useMembers(workspace.id);
  const invitations = useInvitations(workspace.id);
  const count = members.data?.items.length;

  return (
    <div className="page">
      <PageHeader
        title={t('page.title')}
        description={
          count === undefined
            ? t('page.descriptionLoading', { workspace: workspace.name, role: roleLabel(workspace.role).toLowerCase() })
            : t('page.description', { count, workspace: workspace.name, role: roleLabel(workspace.role).toLowerCase() })
        }
        actions={
          canManage ? (
            <button type="button" className="btn btn-primary" data-testid="invite-member-button" aria-expanded={inviting} onClick={() => setInviting(!inviting)}>
              <PlusIcon /> {t('page.invite')}
            </button>
          ) : null
        }
      />
      {canManage && inviting ? <InviteForm workspaceId={workspace.id} roles={assignableRoles(workspace.role)} onClose={() => setInviting(false)} /> : null}
      <section className="card" aria-labelledby="members-title">
        <div className="card-head">
          <h2 id="members-title">{t('page.team')}</h2>
        </div>
        {members.isPending ? <Loading label={t('page.loading')} /> : null}
        <FormError message={formErrors(members.error, []).general} />
        {members.data ? (
          <MemberList
            workspaceId={workspace.id}
            workspaceName={workspace.name}
            members={members.data.items}
            myUserId={me.user.id}
            manageable={canManage ? assignableRoles(workspace.role) : null}
          />
        ) : null}
      </section>
      {invitations.data && invitations.data.items.length > 0 ? <InvitationList workspaceId={workspace.id} invitations={invitations.data.items} canManage={canManage} /> : null}
      {!canManage ? <p className="muted small">{t('page.onlyManagers')}</p> : null}
    </div>
  );
}
