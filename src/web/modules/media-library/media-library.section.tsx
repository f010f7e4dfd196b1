import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Checkbox } from '../../components/field.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import type { MyWorkspace } from '../auth/auth.api.ts';
import { hasPermission } from '../workspaces/workspace-route.tsx';
import { useLibrarySetting, useSetLibrarySetting } from './media-library.api.ts';

/**
 * The opt-in that changes Herald's promise for this workspace: files kept after publishing instead
 * of deleted once published. The privacy policy and data exports say which applies.
 */
export function MediaLibrarySection({ workspace }: { workspace: MyWorkspace }) {
  const toast = useToast();
  const setting = useLibrarySetting(workspace.id);
  const change = useSetLibrarySetting(workspace.id);
  // The choice being saved, set in the click's own event so the box does not flick back meanwhile.
  const [saving, setSaving] = useState<boolean | null>(null);
  const canManage = hasPermission(workspace, 'settings.manage');

  return (
    <section className="card" id="media-library" aria-labelledby="media-library-title" data-testid="media-library-settings">
      <div className="card-head">
        <div>
          <h2 id="media-library-title">Media library</h2>
          <p className="muted small">
            Off (the default), Herald deletes an uploaded file once every post using it is published. On, files stay in the{' '}
            <Link to={`/w/${workspace.id}/media`}>media library</Link> after publishing, with their names, alt text and tags, until a member deletes them. Turning it off
            again deletes the kept files whose posts are all published, at the next cleanup (within ten minutes).
          </p>
        </div>
      </div>
      {setting.isPending || !setting.data ? (
        <Loading label="Loading…" />
      ) : (
        <Checkbox
          label="Keep uploaded media after publishing"
          checked={saving ?? setting.data.enabled}
          disabled={!canManage || saving !== null}
          data-testid="media-library-toggle"
          onChange={(event) => {
            const enabled = event.target.checked;
            setSaving(enabled);
            change.mutate(enabled, {
              onSuccess: () => toast(enabled ? 'Uploaded media is now kept in the library.' : 'Media will be deleted once published again.'),
              onSettled: () => setSaving(null),
            });
          }}
        />
      )}
      {!canManage ? <p className="field-hint">Only owners and admins can change this.</p> : null}
      <FormError message={formErrors(setting.error ?? change.error, []).general} />
    </section>
  );
}
