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
          <h2 id="approvals-title">Approvals</h2>
          <p className="muted small">
            When posts need approval, editors submit them for review instead of scheduling them. Approvers, admins and owners approve (the post is then scheduled at its
            time) or send it back with a comment. A post needs approval when any of its channels does.
          </p>
        </div>
      </div>
      {settings.isPending || !data ? (
        <Loading label="Loading…" />
      ) : (
        <>
          <Checkbox
            label="Posts need approval before they are scheduled"
            checked={typeof pendingWorkspace === 'boolean' ? pendingWorkspace : data.approvalRequired}
            disabled={!canWorkspace || set.isPending}
            data-testid="approval-workspace-toggle"
            onChange={(event) =>
              set.mutate({ approvalRequired: event.target.checked }, { onSuccess: (d) => toast(d.approvalRequired ? 'Posts now need approval.' : 'Posts no longer need approval.') })
            }
          />
          {data.channels.length === 0 ? (
            <p className="muted small">Connect a channel on the Channels page to give it its own rule.</p>
          ) : (
            <ul className="ap-channels" aria-label="Approval per channel">
              {data.channels.map((channel) => (
                <li key={channel.id} className="ap-channel">
                  <span className="ap-channel-name">
                    <strong>{channel.displayName ?? channel.username ?? 'Account'}</strong>
                    <span className="muted small">
                      {networkLabel(channel.network)}
                      {channel.username ? ` · @${channel.username}` : ''} · {channel.effective ? 'needs approval' : 'no approval'}
                    </span>
                  </span>
                  <select
                    aria-label={`Approval for ${channel.displayName ?? channel.username ?? channel.network}`}
                    className="ap-select"
                    value={choiceOf(channel.approvalRequired)}
                    disabled={!canChannels || set.isPending}
                    data-testid={`approval-channel-${channel.id}`}
                    onChange={(event) => set.mutate({ channelId: channel.id, approvalRequired: valueOf(event.target.value) }, { onSuccess: () => toast('Channel rule saved.') })}
                  >
                    <option value="follow">Follow workspace ({data.approvalRequired ? 'needs approval' : 'no approval'})</option>
                    <option value="always">Always needs approval</option>
                    <option value="never">Never needs approval</option>
                  </select>
                </li>
              ))}
            </ul>
          )}
          {!canWorkspace ? <p className="muted small">Only owners and admins can change these rules.</p> : null}
          <FormError message={errors.general} />
        </>
      )}
    </section>
  );
}
