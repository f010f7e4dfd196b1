import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { roleDescriptions, type Role } from '../../../shared/permissions.ts';
import { isApiError } from '../../api/client.ts';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { Avatar } from '../../components/avatar.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime, roleLabel } from '../../components/format.ts';
import { Loading } from '../../components/status.tsx';
import { useMe, useSignOut } from '../auth/auth.api.ts';
import { withNext } from '../auth/safe-next.ts';
import { useInvitation, useRespondToInvitation, type PublicInvitation } from './invitations.api.ts';

const closedMessages: Record<Exclude<PublicInvitation['status'], 'pending'>, { title: string; text: string }> = {
  accepted: { title: 'Already accepted', text: 'This invitation was accepted. If it was you, the workspace is in your workspace list.' },
  rejected: { title: 'Invitation declined', text: 'This invitation was declined. Ask the person who invited you to send a new one if that was a mistake.' },
  canceled: { title: 'Invitation canceled', text: 'The workspace canceled this invitation. Ask the person who invited you for a new one.' },
  expired: { title: 'Invitation expired', text: 'Invitations are valid for 7 days. Ask the person who invited you to send a new one.' },
};

function Summary({ invitation }: { invitation: PublicInvitation }) {
  const role = invitation.role ?? 'viewer';
  return (
    <div className="invitation-summary">
      <Avatar name={invitation.workspaceName} square size="lg" />
      <p className="lead" data-testid="invitation-summary">
        <strong>{invitation.inviterName || 'Someone'}</strong> invited you to <strong>{invitation.workspaceName}</strong> as {/^[aeiou]/i.test(role) ? 'an' : 'a'}{' '}
        <strong>{roleLabel(role).toLowerCase()}</strong>.
      </p>
      <p className="muted small">
        {roleLabel(role)}s can: {(roleDescriptions[role as Role] ?? '').replace(/^./, (c) => c.toLowerCase())}.
      </p>
      <p className="muted small">
        For <strong>{invitation.email}</strong>
        {invitation.status === 'pending' ? ` · valid until ${formatDateTime(invitation.expiresAt)}` : ''}
      </p>
    </div>
  );
}

export function InvitationPage() {
  const { invitationId = '' } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const invitation = useInvitation(invitationId);
  const respond = useRespondToInvitation(invitationId);
  const signOut = useSignOut();

  if (invitation.isPending || me.isPending) return <Loading fullPage />;
  if (invitation.isError) {
    const missing = isApiError(invitation.error, 'invitation.not_found');
    return (
      <AuthLayout title={missing ? 'Invitation not found' : 'Invitation unavailable'} footer={<Link to="/">Go to Herald</Link>}>
        <p>{missing ? 'This link is not valid. Check that you copied all of it, or ask for a new invitation.' : invitation.error.message}</p>
      </AuthLayout>
    );
  }

  const inv = invitation.data;
  const here = `/invite/${invitationId}`;
  const user = me.data?.user;
  const rightAccount = !!user && user.email.toLowerCase() === inv.email.toLowerCase();
  const errors = formErrors(respond.error, []);

  let actions: ReactNode;
  if (inv.status !== 'pending') {
    const closed = closedMessages[inv.status];
    actions = (
      <>
        <Notice tone="warn" title={closed.title}>
          {closed.text}
        </Notice>
        {user ? (
          <Link className="btn btn-block" to="/">
            Go to my workspaces
          </Link>
        ) : null}
      </>
    );
  } else if (!user) {
    actions = (
      <div className="stack-sm">
        <Link className="btn btn-primary btn-block" to={withNext('/signup', here, { email: inv.email })}>
          Create an account
        </Link>
        <Link className="btn btn-block" to={withNext('/login', here, { email: inv.email })}>
          Sign in to accept
        </Link>
        <p className="muted small center">New to Herald? Create an account with {inv.email}; you come back here afterwards.</p>
      </div>
    );
  } else if (!rightAccount) {
    actions = (
      <>
        <Notice tone="warn" title="This invitation is for another account">
          You are signed in as <strong>{user.email}</strong>, but the invitation was sent to <strong>{inv.email}</strong>. Sign out, then sign in or create an account with{' '}
          {inv.email}.
        </Notice>
        <button type="button" className="btn btn-block" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
          Sign out and switch account
        </button>
      </>
    );
  } else {
    actions = (
      <>
        <div className="stack-sm">
          <button
            type="button"
            className="btn btn-primary btn-block"
            data-testid="accept-invitation-button"
            disabled={respond.isPending}
            onClick={() => respond.mutate('accept', { onSuccess: (answer) => navigate(`/w/${answer.workspaceId}/calendar`, { replace: true }) })}
          >
            Accept invitation
          </button>
          <button
            type="button"
            className="btn btn-block"
            disabled={respond.isPending}
            onClick={() => respond.mutate('reject', { onSuccess: () => navigate('/', { replace: true }) })}
          >
            Decline
          </button>
        </div>
        <FormError message={errors.general} />
      </>
    );
  }

  return (
    <AuthLayout title={`Join ${inv.workspaceName}`} footer={user ? <>Signed in as {user.email}</> : undefined}>
      <Summary invitation={inv} />
      {actions}
    </AuthLayout>
  );
}
