import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../components/field.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { networkLabel } from '../../components/networks.ts';
import type { MyWorkspace } from '../auth/auth.api.ts';
import { hasPermission } from '../workspaces/workspace-route.tsx';
import { useApprovalSettings, useSetApproval } from './approvals.api.ts';
import './approvals.css';

const choiceOf = (value: boolean | null) => (value === null ? 'follow' : value ? 'always' : 'never');
const valueOf = (choice: string) => (choice === 'follow' ? null : choice === 'always');

/** Settings: whether posts need approval before they are scheduled, and each channel's own rule. */
export function ApprovalSettingsSection({ workspace }: { workspace: MyWorkspace }) {
  const { t } = useTranslation('approvals');
  const toast = useToast();
  const settings = useApprovalSettings(workspace.id);
  const set = useSetApproval(workspace.id);
  const canWorkspace = hasPermission(workspace, 'settings.manage');
  const canChannels = hasPermission(workspace, 'channels.manage');
  const data = settings.data;
  // While the change is saving the box shows what was asked for, so it never flicks back.
  const pendingWorkspace = set.isPending && !set.variables?.channelId ? set.variables?.approvalRequired : undefined;
  const errors = formErrors(settings.error ?? set.error, []);
  return (
    <section className="card" aria-labelledby="approvals-title" data-testid="approval-settings">
      <div className="card-head">
        <div>
          <h2 id="approvals-title">{t('settings.title')}</h2>
          <p className="muted small">{t('settings.intro')}</p>
        </div>
      </div>
      {settings.isPending || !data ? (
        <Loading label={t('settings.loading')} />
      ) : (
        <>
          <Checkbox
            label={t('settings.workspaceToggle')}
            checked={typeof pendingWorkspace === 'boolean' ? pendingWorkspace : data.approvalRequired}
            disabled={!canWorkspace || set.isPending}
            data-testid="approval-workspace-toggle"
            onChange={(event) =>
              set.mutate({ approvalRequired: event.target.checked }, { onSuccess: (d) => toast(d.approvalRequired ? t('settings.nowRequired') : t('settings.noLongerRequired')) })
            }
          />
          {data.channels.length === 0 ? (
            <p className="muted small">{t('settings.noChannels')}</p>
          ) : (
            <ul className="ap-channels" aria-label={t('settings.perChannel')}>
              {data.channels.map((channel) => (
                <li key={channel.id} className="ap-channel">
                  <span className="ap-channel-name">
                    <strong>{channel.displayName ?? channel.username ?? t('settings.account')}</strong>
                    <span className="muted small">
                      {networkLabel(channel.network)}
                      {channel.username ? ` · @${channel.username}` : ''} · {channel.effective ? t('settings.needsApproval') : t('settings.noApproval')}
                    </span>
                  </span>
                  <select
                    aria-label={t('settings.channelLabel', { name: channel.displayName ?? channel.username ?? channel.network })}
                    className="ap-select"
                    value={choiceOf(channel.approvalRequired)}
                    disabled={!canChannels || set.isPending}
                    data-testid={`approval-channel-${channel.id}`}
                    onChange={(event) => set.mutate({ channelId: channel.id, approvalRequired: valueOf(event.target.value) }, { onSuccess: () => toast(t('settings.channelSaved')) })}
                  >
                    <option value="follow">{t('settings.follow', { rule: data.approvalRequired ? t('settings.needsApproval') : t('settings.noApproval') })}</option>
                    <option value="always">{t('settings.always')}</option>
                    <option value="never">{t('settings.never')}</option>
                  </select>
                </li>
              ))}
            </ul>
          )}
          {!canWorkspace ? <p className="muted small">{t('settings.onlyManagers')}</p> : null}
          <FormError message={errors.general} />
        </>
      )}
    </section>
  );
}
