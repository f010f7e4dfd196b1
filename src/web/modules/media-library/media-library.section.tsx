import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('media-library');
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
          <h2 id="media-library-title">{t('page.title')}</h2>
          <p className="muted small">
            <Trans t={t} i18nKey="settings.intro" components={{ library: <Link to={`/w/${workspace.id}/media`} /> }} />
          </p>
        </div>
      </div>
      {setting.isPending || !setting.data ? (
        <Loading label={t('page.loadingShort')} />
      ) : (
        <Checkbox
          label={t('settings.toggle')}
          checked={saving ?? setting.data.enabled}
          disabled={!canManage || saving !== null}
          data-testid="media-library-toggle"
          onChange={(event) => {
            const enabled = event.target.checked;
            setSaving(enabled);
            change.mutate(enabled, {
              onSuccess: () => toast(enabled ? t('settings.toastOn') : t('settings.toastOff')),
              onSettled: () => setSaving(null),
            });
          }}
        />
      )}
      {!canManage ? <p className="field-hint">{t('settings.onlyAdmins')}</p> : null}
      <FormError message={formErrors(setting.error ?? change.error, []).general} />
    </section>
  );
}
