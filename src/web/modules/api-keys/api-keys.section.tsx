import { useTranslation } from 'react-i18next';
import type { MyWorkspace } from '../auth/auth.api.ts';
import { ApiKeysPanel } from './api-keys.panel.tsx';

/** The workspace's keys on the API and webhooks page (owners and admins). */
export function ApiKeysSection({ workspace }: { workspace: MyWorkspace }) {
  const { t } = useTranslation('api-keys');
  return (
    <ApiKeysPanel
      workspaceId={workspace.id}
      allowed={workspace.permissions}
      title={t('section.title')}
      intro={t('section.intro', { workspace: workspace.name })}
    />
  );
}
