import { PageHeader } from '../../components/page-header.tsx';
import { ApiKeysSection } from '../api-keys/api-keys.section.tsx';
import { WebhooksSection } from '../webhooks/webhooks.section.tsx';
import { useWorkspace } from '../workspaces/workspace-route.tsx';

/** API keys and webhooks: how scripts, automations and assistants work with this workspace. */
export function DevelopersPage() {
  const workspace = useWorkspace();
  return (
    <div className="page">
      <PageHeader
        title="API and webhooks"
        description={
          <>
            Keys let scripts, automations (n8n, Make, Zapier) and assistants use Herald&apos;s API for {workspace.name}; webhooks tell other systems when something happens.
            The <a href="/api/docs">API documentation</a> lists every call.
          </>
        }
      />
      <ApiKeysSection workspace={workspace} />
      <WebhooksSection workspace={workspace} />
    </div>
  );
}
