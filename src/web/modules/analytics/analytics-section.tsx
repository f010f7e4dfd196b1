import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../components/field.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { i18n } from '../../i18n/i18n.ts';
import { networks, type NetworkId } from '../../../shared/networks.ts';
import type { MyWorkspace } from '../auth/auth.api.ts';
import { hasPermission } from '../workspaces/workspace-route.tsx';
import { useAnalyticsSettings, useDeleteMetrics, useSetChannelAnalytics, useSetWorkspaceAnalytics } from './analytics.api.ts';

/**
 * Analytics collection and the right to object to it (GDPR art. 21): off for the workspace or a
 * channel stops Herald reading counters at once; what was collected can be deleted.
 */
export function AnalyticsSection({ workspace }: { workspace: MyWorkspace }) {
  const { t } = useTranslation('analytics');
  const toast = useToast();
  const settings = useAnalyticsSettings(workspace.id);
  const setWorkspace = useSetWorkspaceAnalytics(workspace.id);
  const setChannel = useSetChannelAnalytics(workspace.id);
  const remove = useDeleteMetrics(workspace.id);
  const [confirming, setConfirming] = useState(false);
  // Choices being saved, set in the click's own event: a mutation's pending state reaches the
  // component a tick later, and meanwhile React would put the box back as it was.
  const [savingWorkspace, setSavingWorkspace] = useState<boolean | null>(null);
  const [savingChannel, setSavingChannel] = useState<{ channelId: string; enabled: boolean } | null>(null);
  const canManageWorkspace = hasPermission(workspace, 'settings.manage');
  const canManageChannels = hasPermission(workspace, 'channels.manage');
  const data = settings.data;
  const error = settings.error ?? setWorkspace.error ?? setChannel.error ?? remove.error;

  return (
    <section className="card" aria-labelledby="analytics-title" data-testid="analytics-settings">
      <div className="card-head">
        <div>
          <h2 id="analytics-title">{t('page.title')}</h2>
          <p className="muted small">
            {data ? t('settings.introTimed', { minutes: data.intervalMinutes, days: data.windowDays }) : t('settings.intro')}
          </p>
        </div>
      </div>
      {settings.isPending || !data ? (
        <Loading label={t('settings.loading')} />
      ) : (
        <>
          {!data.instanceEnabled ? <p className="notice">{t('settings.instanceOff')}</p> : null}
          <Checkbox
            label={t('settings.workspaceToggle')}
            checked={savingWorkspace ?? data.enabled}
            disabled={!canManageWorkspace || savingWorkspace !== null}
            data-testid="analytics-workspace-toggle"
            onChange={(event) => {
              const enabled = event.target.checked;
              setSavingWorkspace(enabled);
              setWorkspace.mutate(
                { enabled },
                {
                  onSuccess: () => toast(enabled ? t('settings.toastOn') : t('settings.toastOff')),
                  onSettled: () => setSavingWorkspace(null),
                },
              );
            }}
          />
          <fieldset className="analytics-channels" disabled={!data.enabled || !canManageChannels}>
            <legend className="small">{t('settings.perChannel')}</legend>
            {data.channels.length === 0 ? <p className="muted small">{t('settings.noChannels')}</p> : null}
            <ul className="plain-list">
              {data.channels.map((channel) => (
                <li key={channel.id} data-testid="analytics-channel">
                  <Checkbox
                    label={
                      <>
                        {channel.name}{' '}
                        <span className="muted small">
                          · {networks[channel.network as NetworkId]?.label ?? channel.network} · {t('settings.withCounters', { count: channel.collected, posts: channel.collected.toLocaleString(i18n.language) })}
                        </span>
                      </>
                    }
                    checked={savingChannel?.channelId === channel.id ? savingChannel.enabled : channel.enabled}
                    disabled={savingChannel !== null}
                    onChange={(event) => {
                      const choice = { channelId: channel.id, enabled: event.target.checked };
                      setSavingChannel(choice);
                      setChannel.mutate(choice, { onSettled: () => setSavingChannel(null) });
                    }}
                  />
                </li>
              ))}
            </ul>
          </fieldset>
          {canManageWorkspace ? (
            <div className="form-actions">
              {confirming ? (
                <>
                  <span>{t('settings.confirmDelete', { count: data.collected, posts: data.collected.toLocaleString(i18n.language) })}</span>
                  <button
                    className="btn btn-danger"
                    disabled={remove.isPending}
                    onClick={() =>
                      remove.mutate(undefined, {
                        onSuccess: (result) => {
                          setConfirming(false);
                          toast(t('settings.deleted', { count: result.deleted, posts: result.deleted.toLocaleString(i18n.language) }));
                        },
                      })
                    }
                  >
                    {remove.isPending ? t('settings.deleting') : t('settings.deleteCounters')}
                  </button>
                  <button className="btn btn-ghost" onClick={() => setConfirming(false)}>
                    {t('settings.keep')}
                  </button>
                </>
              ) : (
                <button className="btn" disabled={data.collected === 0} onClick={() => setConfirming(true)}>
                  {t('settings.deleteAll')}
                </button>
              )}
            </div>
          ) : null}
        </>
      )}
      <FormError message={formErrors(error, []).general} />
    </section>
  );
}
