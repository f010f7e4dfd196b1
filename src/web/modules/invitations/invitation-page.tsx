import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api/client.ts';
import { keys, useMe } from '../../api/queries.ts';
import type { PublicInvitation } from '../../api/types.ts';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { FormError, Notice } from '../../components/form.tsx';
import { roleLabel } from '../../components/format.ts';

const closed: Record<string, string> = {
  accepted: 'This invitation was already accepted.',
  rejected: 'This invitation was declined.',
  canceled: 'This invitation was canceled by the workspace.',
  expired: 'This invitation has expired. Ask the person who invited you for a new one.',
};

export function InvitationPage() {
  const { invitationId = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invitation = useQuery({ queryKey: ['invitation', invitationId], queryFn: () => get<PublicInvitation>(`/api/v1/invitations/${invitationId}`), retry: false });
  const respond = useMutation({
    mutationFn: (accept: boolean) => post<{ workspaceId: string }>(`/api/v1/invitations/${invitationId}/${accept ? 'accept' : 'reject'}`),
    onSuccess: async (result, accept) => {
      await queryClient.invalidateQueries({ queryKey: keys.me });
      navigate(accept ? `/w/${result.workspaceId}/members` : '/', { replace: true });
    },
  });

  if (invitation.isPending || me.isPending) return <div className="loading">Loading…</div>;
  if (invitation.isError) {
    return (
      <AuthLayout title="Invitation not found">
        <p>This link is not valid. Check that you copied all of it, or ask for a new invitation.</p>
      </AuthLayout>
    );
  }
  const inv = invitation.data;
  const here = `/invite/${invitationId}`;
  const user = me.data?.user;
  const rightAccount = user && user.email.toLowerCase() === inv.email.toLowerCase();

  return (
    <AuthLayout title={`Join ${inv.workspaceName}`}>
      <p className="lead">
        <strong>{inv.inviterName}</strong> invited <strong>{inv.email}</strong> to <strong>{inv.workspaceName}</strong> as {roleLabel(inv.role).toLowerCase()}.
      </p>
      {inv.status !== 'pending' ? (
        <Notice tone="warn">{closed[inv.status]}</Notice>
      ) : !user ? (
        <div className="actions">
          <Link className="btn btn-primary" to={`/signup?email=${encodeURIComponent(inv.email)}&next=${encodeURIComponent(here)}`}>
            Create an account
          </Link>
          <Link className="btn" to={`/login?next=${encodeURIComponent(here)}`}>
            Sign in to accept
          </Link>
        </div>
      ) : !rightAccount ? (
        <Notice tone="warn">
          You are signed in as {user.email}, but this invitation is for {inv.email}. Sign out and sign in (or sign up) with {inv.email} to accept it.
        </Notice>
      ) : (
        <div className="actions">
          <button className="btn btn-primary" onClick={() => respond.mutate(true)} disabled={respond.isPending}>
            Accept invitation
          </button>
          <button className="btn" onClick={() => respond.mutate(false)} disabled={respond.isPending}>
            Decline
          </button>
        </div>
      )}
      <FormError error={respond.error} />
    </AuthLayout>
  );
}
