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
            checked={setWorkspace.isPending ? !!setWorkspace.variables?.enabled : data.enabled}
            disabled={!canManageWorkspace || setWorkspace.isPending}
            data-testid="analytics-workspace-toggle"
            onChange={(event) =>
              setWorkspace.mutate({ enabled: event.target.checked }, { onSuccess: () => toast(event.target.checked ? 'Analytics collection is on.' : 'Analytics collection is off for this workspace.') })
            }
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
                    checked={setChannel.isPending && setChannel.variables?.channelId === channel.id ? !!setChannel.variables.enabled : channel.enabled}
                    disabled={setChannel.isPending}
                    onChange={(event) => setChannel.mutate({ channelId: channel.id, enabled: event.target.checked })}
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
