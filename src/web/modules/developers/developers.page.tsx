import { Trans, useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiKeysSection } from '../api-keys/api-keys.section.tsx';
import { WebhooksSection } from '../webhooks/webhooks.section.tsx';
import { useWorkspace } from '../workspaces/workspace-route.tsx';

/** API keys and webhooks: how scripts, automations and assistants work with this workspace. */
export function DevelopersPage() {
  const { t } = useTranslation('developers');
  const workspace = useWorkspace();
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        description={<Trans t={t} i18nKey="description" values={{ workspace: workspace.name }} components={{ docs: <a href="/api/docs" /> }} />}
      />
      <ApiKeysSection workspace={workspace} />
      <WebhooksSection workspace={workspace} />
    </div>
  );
}
