import { Trans, useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/copy-button.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime, relativeTime, roleLabel } from '../../components/format.ts';
import { useToast } from '../../components/toast.tsx';
import { invitationLink, useCancelInvitation, type Invitation } from './members.api.ts';

export function InvitationList({ workspaceId, invitations, canManage }: { workspaceId: string; invitations: Invitation[]; canManage: boolean }) {
  const { t } = useTranslation('members');
  const toast = useToast();
  const cancel = useCancelInvitation(workspaceId);
  return (
    <section className="card" aria-labelledby="pending-title">
      <div className="card-head">
        <h2 id="pending-title">
          {t('invitations.title')} <span className="count">{invitations.length}</span>
        </h2>
      </div>
      <FormError message={formErrors(cancel.error, []).general} />
      <ul className="rows" aria-label={t('invitations.title')} data-testid="invitation-list">
        {invitations.map((i) => (
          <li key={i.id} className="row" data-testid="invitation-row">
            <span className="avatar avatar-md avatar-pending" aria-hidden="true">
              @
            </span>
            <div className="row-main">
              <div className="row-title">{i.email}</div>
              <div className="row-sub">
                <Trans
                  t={t}
                  i18nKey={i.inviterName ? 'invitations.invitedBy' : 'invitations.invited'}
                  values={{ name: i.inviterName, when: relativeTime(i.expiresAt) }}
                  components={{ expiry: <span title={formatDateTime(i.expiresAt)} /> }}
                />
              </div>
            </div>
            <span className={`badge role-${i.role ?? 'viewer'}`}>{roleLabel(i.role)}</span>
            {canManage ? (
              <div className="row-actions">
                <CopyButton text={invitationLink(i.id)} label={t('invitations.copyLink')} className="btn btn-sm" />
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  data-testid="cancel-invitation-button"
                  aria-label={t('invitations.cancelLabel', { email: i.email })}
                  disabled={cancel.isPending}
                  onClick={() => cancel.mutate(i.id, { onSuccess: () => toast(t('invitations.canceled')) })}
                >
                  {t('invitations.cancel')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
