import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/permissions.ts';
import { Avatar } from '../../components/avatar.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDate, roleLabel } from '../../components/format.ts';
import { useToast } from '../../components/toast.tsx';
import { useChangeRole, useRemoveMember, type Member } from './members.api.ts';

type Props = { workspaceId: string; workspaceName: string; members: Member[]; myUserId: string; manageable: Role[] | null };

/** The team; with `manageable` roles, each member but the owner and oneself gets a role select and Remove. */
export function MemberList({ workspaceId, workspaceName, members, myUserId, manageable }: Props) {
  const { t } = useTranslation('members');
  const toast = useToast();
  const changeRole = useChangeRole(workspaceId);
  const remove = useRemoveMember(workspaceId);
  const [removing, setRemoving] = useState<Member | null>(null);
  const sorted = [...members].sort((a, b) => Number(b.role === 'owner') - Number(a.role === 'owner') || a.name.localeCompare(b.name));

  return (
    <>
      <FormError message={formErrors(changeRole.error, []).general} />
      <ul className="rows" aria-label={t('list.label')} data-testid="member-list">
        {sorted.map((m) => {
          const me = m.userId === myUserId;
          const editable = manageable && m.role !== 'owner' && !me;
          return (
            <li key={m.id} className="row" data-testid="member-row">
              <Avatar name={m.name || m.email} />
              <div className="row-main">
                <div className="row-title">
                  {m.name || m.email}
                  {me ? <span className="tag">{t('list.you')}</span> : null}
                </div>
                <div className="row-sub">
                  {t('list.joined', { email: m.email, date: formatDate(m.createdAt) })}
                </div>
              </div>
              {editable ? (
                <div className="row-actions">
                  <select
                    aria-label={t('list.accessLevel', { name: m.name || m.email })}
                    data-testid="member-role-select"
                    value={m.role}
                    disabled={changeRole.isPending}
                    onChange={(e) => {
                      const role = e.target.value;
                      changeRole.mutate({ memberId: m.id, role }, { onSuccess: () => toast(t('list.roleChanged', { role: roleLabel(role).toLowerCase() })) });
                    }}
                  >
                    {manageable.map((r) => (
                      <option key={r} value={r}>
                        {roleLabel(r)}
                      </option>
                    ))}
                  </select>
                  <button type="button" className="btn btn-ghost btn-sm" data-testid="remove-member-button" onClick={() => setRemoving(m)}>
                    {t('list.remove')}
                  </button>
                </div>
              ) : (
                <span className={`badge role-${m.role}`}>{roleLabel(m.role)}</span>
              )}
            </li>
          );
        })}
      </ul>
      <Dialog
        open={!!removing}
        title={t('remove.title', { name: removing?.name || removing?.email, workspace: workspaceName })}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
      >
        <p>{t('remove.body')}</p>
        <FormError message={formErrors(remove.error, []).general} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setRemoving(null)}>
            {t('remove.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={remove.isPending}
            onClick={() =>
              removing &&
              remove.mutate(removing.id, {
                onSuccess: () => {
                  toast(t('remove.done'));
                  setRemoving(null);
                },
              })
            }
          >
            {t('remove.confirm')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
