import { Trans, useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { useSignedInUser } from '../auth/require-user.tsx';
import { AvatarForm } from './avatar-form.tsx';
import { ApiKeysPanel } from '../api-keys/api-keys.panel.tsx';
import { DeleteAccountSection } from './delete-account-section.tsx';
import { EmailForm } from './email-form.tsx';
import { LanguageSection } from './language-section.tsx';
import { EmailPreferencesSection } from '../notifications/email-preferences.section.tsx';
import { NameForm } from './name-form.tsx';
import { PasswordForm } from './password-form.tsx';
import { PrivacySection } from './privacy-section.tsx';
import { RestrictionSection } from './restriction-section.tsx';
import { SessionsSection } from './sessions-section.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';

export function ProfilePage() {
  const me = useSignedInUser();
  const { t } = useTranslation('profile');
  return (
    <div className="page">
      <PageHeader
        title={t('page.title')}
        description={<Trans t={t} i18nKey="page.description" components={{ docs: <a href="/api/docs" /> }} />}
      />
      <NameForm me={me} />
      <AvatarForm me={me} />
      <EmailForm me={me} />
      <LanguageSection me={me} />
      <PasswordForm />
      <TwoFactorSection me={me} />
      <EmailPreferencesSection />
      <SessionsSection />
      <ApiKeysPanel
        workspaceId={null}
        allowed={null}
        title={t('apiKeys.title')}
        intro={t('apiKeys.intro')}
      />
      <PrivacySection />
      <RestrictionSection />
      <DeleteAccountSection me={me} />
    </div>
  );
}
