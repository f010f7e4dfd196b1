import { PageHeader } from '../../components/page-header.tsx';
import { useSignedInUser } from '../auth/require-user.tsx';
import { AvatarForm } from './avatar-form.tsx';
import { ApiKeysPanel } from '../api-keys/api-keys.panel.tsx';
import { DeleteAccountSection } from './delete-account-section.tsx';
import { EmailForm } from './email-form.tsx';
import { EmailPreferencesSection } from '../notifications/email-preferences.section.tsx';
import { NameForm } from './name-form.tsx';
import { PasswordForm } from './password-form.tsx';
import { PrivacySection } from './privacy-section.tsx';
import { RestrictionSection } from './restriction-section.tsx';
import { SessionsSection } from './sessions-section.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';

export function ProfilePage() {
  const me = useSignedInUser();
  return (
    <div className="page">
      <PageHeader
        title="Profile"
        description={
          <>
            Your account on this Herald, in every workspace. Building on Herald? See the <a href="/api/docs">API documentation</a>.
          </>
        }
      />
      <NameForm me={me} />
      <AvatarForm me={me} />
      <EmailForm me={me} />
      <PasswordForm />
      <TwoFactorSection me={me} />
      <EmailPreferencesSection />
      <SessionsSection />
      <ApiKeysPanel
        workspaceId={null}
        allowed={null}
        title="Personal API keys"
        intro="A personal key works in each of your workspaces, never beyond your role there; it stops where you leave. For one workspace, an owner or admin makes a workspace key on its API and webhooks page."
      />
      <PrivacySection />
      <RestrictionSection />
      <DeleteAccountSection me={me} />
    </div>
  );
}
