import { CopyButton } from '../../components/copy-button.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime, relativeTime, roleLabel } from '../../components/format.ts';
import { useToast } from '../../components/toast.tsx';
import { invitationLink, useCancelInvitation, type Invitation } from './members.api.ts';

export function InvitationList({ workspaceId, invitations, canManage }: { workspaceId: string; invitations: Invitation[]; canManage: boolean }) {
  const toast = useToast();
  const cancel = useCancelInvitation(workspaceId);
  return (
    <section className="card" aria-labelledby="pending-title">
      <div className="card-head">
        <h2 id="pending-title">
          Pending invitations <span className="count">{invitations.length}</span>
        </h2>
      </div>
      <FormError message={formErrors(cancel.error, []).general} />
      <ul className="rows" aria-label="Pending invitations" data-testid="invitation-list">
        {invitations.map((i) => (
          <li key={i.id} className="row" data-testid="invitation-row">
            <span className="avatar avatar-md avatar-pending" aria-hidden="true">
              @
            </span>
            <div className="row-main">
              <div className="row-title">{i.email}</div>
              <div className="row-sub">
                Invited{i.inviterName ? ` by ${i.inviterName}` : ''} · <span title={formatDateTime(i.expiresAt)}>expires {relativeTime(i.expiresAt)}</span>
              </div>
            </div>
            <span className={`badge role-${i.role ?? 'viewer'}`}>{roleLabel(i.role)}</span>
            {canManage ? (
              <div className="row-actions">
                <CopyButton text={invitationLink(i.id)} label="Copy link" className="btn btn-sm" />
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  data-testid="cancel-invitation-button"
                  aria-label={`Cancel the invitation for ${i.email}`}
                  disabled={cancel.isPending}
                  onClick={() => cancel.mutate(i.id, { onSuccess: () => toast('Invitation canceled.') })}
                >
                  Cancel
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
