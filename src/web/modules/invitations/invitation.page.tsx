import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { Avatar } from '../../components/avatar.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDateTime, roleDescription, roleLabel } from '../../components/format.ts';
import { Loading } from '../../components/status.tsx';
import { useMe, useSignOut } from '../auth/auth.api.ts';
import { withNext } from '../auth/safe-next.ts';
import { useInvitation, useRespondToInvitation, type PublicInvitation } from './invitations.api.ts';

const strong = { strong: <strong /> };

function Summary({ invitation }: { invitation: PublicInvitation }) {
  const { t } = useTranslation('invitations');
  const role = invitation.role ?? 'viewer';
  // The role's word takes an article that depends on the word ("an editor", "en tant qu’éditeur"):
  // one sentence per role (i18next's context), the bare one for a role this build does not know.
  const values = { inviter: invitation.inviterName || t('summary.someone'), workspace: invitation.workspaceName, role: roleLabel(role).toLowerCase() };
  return (
    <div className="invitation-summary">
      <Avatar name={invitation.workspaceName} square size="lg" />
      <p className="lead" data-testid="invitation-summary">
        <Trans t={t} i18nKey="summary.invited" context={role} values={values} components={strong} />
      </p>
      <p className="muted small">
        {t('summary.rights', { context: role, role: roleLabel(role), rights: roleDescription(role).replace(/^./, (c) => c.toLowerCase()) })}
      </p>
      <p className="muted small">
        {invitation.status === 'pending' ? (
          <Trans t={t} i18nKey="summary.forUntil" values={{ email: invitation.email, date: formatDateTime(invitation.expiresAt) }} components={strong} />
        ) : (
          <Trans t={t} i18nKey="summary.for" values={{ email: invitation.email }} components={strong} />
        )}
      </p>
    </div>
  );
}

export function InvitationPage() {
  const { t } = useTranslation('invitations');
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
      <AuthLayout title={missing ? t('missing.title') : t('unavailable')} footer={<Link to="/">{t('home')}</Link>}>
        <p>{missing ? t('missing.text') : invitation.error.message}</p>
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
    actions = (
      <>
        <Notice tone="warn" title={t(`closed.${inv.status}.title`)}>
          {t(`closed.${inv.status}.text`)}
        </Notice>
        {user ? (
          <Link className="btn btn-block" to="/">
            {t('myWorkspaces')}
          </Link>
        ) : null}
      </>
    );
  } else if (!user) {
    actions = (
      <div className="stack-sm">
        <Link className="btn btn-primary btn-block" to={withNext('/signup', here, { email: inv.email })}>
          {t('signedOut.signUp')}
        </Link>
        <Link className="btn btn-block" to={withNext('/login', here, { email: inv.email })}>
          {t('signedOut.signIn')}
        </Link>
        <p className="muted small center">{t('signedOut.note', { email: inv.email })}</p>
      </div>
    );
  } else if (!rightAccount) {
    actions = (
      <>
        <Notice tone="warn" title={t('otherAccount.title')}>
          <Trans t={t} i18nKey="otherAccount.text" values={{ current: user.email, invited: inv.email }} components={strong} />
        </Notice>
        <button type="button" className="btn btn-block" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
          {t('otherAccount.switch')}
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
            {t('accept')}
          </button>
          <button
            type="button"
            className="btn btn-block"
            disabled={respond.isPending}
            onClick={() => respond.mutate('reject', { onSuccess: () => navigate('/', { replace: true }) })}
          >
            {t('decline')}
          </button>
        </div>
        <FormError message={errors.general} />
      </>
    );
  }

  return (
    <AuthLayout title={t('title', { workspace: inv.workspaceName })} footer={user ? t('signedInAs', { email: user.email }) : undefined}>
      <Summary invitation={inv} />
      {actions}
    </AuthLayout>
  );
}
