import type { MyWorkspace } from '../auth/auth.api.ts';
import { ApiKeysPanel } from './api-keys.panel.tsx';

/** The workspace's keys on the API and webhooks page (owners and admins). */
export function ApiKeysSection({ workspace }: { workspace: MyWorkspace }) {
  return (
    <ApiKeysPanel
      workspaceId={workspace.id}
      allowed={workspace.permissions}
      title="API keys"
      intro={`A key acts for ${workspace.name} with the scopes you give it, never more than your own role allows. Herald shows it once and stores only a fingerprint.`}
    />
  );
}
