import { useState } from 'react';
import { Checkbox } from '../../components/field.tsx';
import { FormError } from '../../components/feedback.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { Loading } from '../../components/status.tsx';
import { useToast } from '../../components/toast.tsx';
import { networks, type NetworkId } from '../../../shared/networks.ts';
import type { MyWorkspace } from '../auth/auth.api.ts';
import { hasPermission } from '../workspaces/workspace-route.tsx';
import { useAnalyticsSettings, useDeleteMetrics, useSetChannelAnalytics, useSetWorkspaceAnalytics } from './analytics.api.ts';

const counted = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'post' : 'posts'}`;

/**
 * Analytics collection and the right to object to it (GDPR art. 21): off for the workspace or a
 * channel stops Herald reading counters at once; what was collected can be deleted.
 */
export function AnalyticsSection({ workspace }: { workspace: MyWorkspace }) {
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
          <h2 id="analytics-title">Analytics</h2>
          <p className="muted small">
            Herald reads views, likes, comments and shares of published posts from each network
            {data ? ` every ${data.intervalMinutes} minutes, for ${data.windowDays} days after publishing` : ''}. Turning it off stops Herald asking the networks at
            once; counters already collected stay until you delete them.
          </p>
        </div>
      </div>
      {settings.isPending || !data ? (
        <Loading label="Loading…" />
      ) : (
        <>
          {!data.instanceEnabled ? <p className="notice">The operator of this Herald turned analytics collection off for every workspace.</p> : null}
          <Checkbox
            label="Collect analytics for this workspace"
            checked={savingWorkspace ?? data.enabled}
            disabled={!canManageWorkspace || savingWorkspace !== null}
            data-testid="analytics-workspace-toggle"
            onChange={(event) => {
              const enabled = event.target.checked;
              setSavingWorkspace(enabled);
              setWorkspace.mutate(
                { enabled },
                {
                  onSuccess: () => toast(enabled ? 'Analytics collection is on.' : 'Analytics collection is off for this workspace.'),
                  onSettled: () => setSavingWorkspace(null),
                },
              );
            }}
          />
          <fieldset className="analytics-channels" disabled={!data.enabled || !canManageChannels}>
            <legend className="small">Per channel</legend>
            {data.channels.length === 0 ? <p className="muted small">No channels connected yet.</p> : null}
            <ul className="plain-list">
              {data.channels.map((channel) => (
                <li key={channel.id} data-testid="analytics-channel">
                  <Checkbox
                    label={
                      <>
                        {channel.name} <span className="muted small">· {networks[channel.network as NetworkId]?.label ?? channel.network} · {counted(channel.collected)} with counters</span>
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
                  <span>Delete the counters of {counted(data.collected)}? This cannot be undone.</span>
                  <button
                    className="btn btn-danger"
                    disabled={remove.isPending}
                    onClick={() =>
                      remove.mutate(undefined, {
                        onSuccess: (result) => {
                          setConfirming(false);
                          toast(`Deleted the counters of ${counted(result.deleted)}.`);
                        },
                      })
                    }
                  >
                    {remove.isPending ? 'Deleting…' : 'Delete counters'}
                  </button>
                  <button className="btn btn-ghost" onClick={() => setConfirming(false)}>
                    Keep them
                  </button>
                </>
              ) : (
                <button className="btn" disabled={data.collected === 0} onClick={() => setConfirming(true)}>
                  Delete collected analytics
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
