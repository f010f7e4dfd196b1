import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Avatar } from '../../components/avatar.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { useChannels, useConnectChannel, useDisconnectChannel, useNetworks, type Channel, type Network } from './channels.api.ts';

const statusLabels: Record<string, string> = { ok: 'Connected', expiring: 'Refresh failing', needs_reauth: 'Reconnect needed', disconnected: 'Disconnected' };
const featureLabels: Record<string, string> = { profile: 'profile', publish: 'direct posting', drafts: 'sending drafts', analytics: 'analytics' };

function ChannelRow({ channel, networkLabel, onDisconnect }: { channel: Channel; networkLabel: string; onDisconnect?: () => void }) {
  const disconnected = channel.status === 'disconnected';
  return (
    <li className={disconnected ? 'row row-muted' : 'row'} data-testid="channel-row">
      {/* Network avatars are not loaded from the network's CDN: that would tell it who views Herald. */}
      <Avatar name={channel.displayName ?? channel.network} />
      <div className="row-main">
        <div className="row-title">
          {channel.displayName ?? '(profile purged)'}{' '}
          <span className="row-sub-inline">
            {channel.username ? `@${channel.username} · ` : ''}
            {networkLabel}
          </span>
        </div>
        <div className="row-sub">
          {disconnected && channel.purgeAfter
            ? `Disconnected ${formatDateTime(channel.disconnectedAt!)}; name and avatar will be purged on ${formatDate(channel.purgeAfter)}.`
            : `Connected ${formatDateTime(channel.connectedAt)}`}
        </div>
        {!disconnected && channel.missingFeatures.length ? (
          <div className="row-note">
            Off because a permission was not granted: {channel.missingFeatures.map((f) => featureLabels[f] ?? f).join(', ')}. Reconnect and allow all permissions to turn them on.
          </div>
        ) : null}
      </div>
      <span className={`badge status-${channel.status}`}>{statusLabels[channel.status] ?? channel.status}</span>
      {onDisconnect && !disconnected ? (
        <button type="button" className="btn btn-ghost btn-sm" onClick={onDisconnect}>
          Disconnect…
        </button>
      ) : null}
    </li>
  );
}

function ConnectSection({ workspaceId, networks }: { workspaceId: string; networks: Network[] }) {
  const [instance, setInstance] = useState('');
  const connect = useConnectChannel(workspaceId);
  const errors = formErrors(connect.error, ['instance']);
  return (
    <section className="card" aria-labelledby="connect-title">
      <div className="card-head">
        <div>
          <h2 id="connect-title">Connect a channel</h2>
          <p className="muted small">You sign in on the network’s own page; Herald never sees your password there.</p>
        </div>
      </div>
      <div className="network-grid">
        {networks.map((n) => (
          <div key={n.id} className={n.enabled ? 'network-tile' : 'network-tile is-off'}>
            <div className="network-name">
              <Avatar name={n.label} square size="sm" />
              {n.label}
            </div>
            {!n.enabled ? (
              <p className="muted small">
                {n.connect === 'app-password' ? 'Coming soon.' : 'Not set up on this Herald: the operator adds the app credentials (docs/configuration.md).'}
              </p>
            ) : n.connect === 'oauth-instance' ? (
              <form
                className="network-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  connect.mutate({ network: n.id, instance: instance.trim() });
                }}
              >
                <Field
                  label="Mastodon server"
                  placeholder="mastodon.social"
                  autoCapitalize="off"
                  spellCheck={false}
                  value={instance}
                  onChange={(e) => setInstance(e.target.value)}
                  error={errors.field('instance')}
                />
                <button className="btn btn-primary" disabled={!instance.trim() || connect.isPending}>
                  Connect {n.label}
                </button>
              </form>
            ) : (
              <button type="button" className="btn btn-primary" onClick={() => connect.mutate({ network: n.id })} disabled={connect.isPending}>
                Connect {n.label}
              </button>
            )}
          </div>
        ))}
      </div>
      <FormError message={errors.general} />
    </section>
  );
}

export function ChannelsPage() {
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  const canManage = hasPermission(workspace, 'channels.manage');
  const networks = useNetworks();
  const channels = useChannels(workspace.id);
  const disconnect = useDisconnectChannel(workspace.id);
  const [confirming, setConfirming] = useState<Channel | null>(null);
  const label = (network: string) => networks.data?.items.find((n) => n.id === network)?.label ?? network;
  const items = channels.data?.items ?? [];

  return (
    <div className="page">
      <PageHeader
        title="Channels"
        description={<>Social accounts {workspace.name} publishes to. Their tokens are encrypted and never leave the server except to their network.</>}
      />
      {params.get('error') ? (
        <Notice tone="warn">
          {params.get('message') ?? 'The connection did not complete.'}{' '}
          <button type="button" className="btn-text" onClick={() => setParams({})}>
            Dismiss
          </button>
        </Notice>
      ) : null}
      {params.get('connected') ? <Notice tone="success">Channel connected.</Notice> : null}
      {disconnect.data ? (
        <Notice tone={disconnect.data.revokedAtNetwork ? 'success' : 'warn'}>
          {disconnect.data.revokedAtNetwork
            ? 'Disconnected: the network revoked Herald’s access and the tokens are deleted.'
            : 'Disconnected and tokens deleted here. The network could not be reached to revoke access; Herald keeps retrying.'}
        </Notice>
      ) : null}
      <section className="card" aria-labelledby="channels-title">
        <div className="card-head">
          <h2 id="channels-title">Connected accounts</h2>
        </div>
        <FormError message={formErrors(channels.error ?? disconnect.error, []).general} />
        {channels.isPending ? <Loading label="Loading channels…" /> : null}
        {channels.data && items.length === 0 ? (
          <EmptyState title="No channel yet">{canManage ? 'Connect a first account below.' : 'An owner or admin connects the accounts this workspace publishes to.'}</EmptyState>
        ) : null}
        <ul className="rows" aria-label="Channels">
          {items.map((c) => (
            <ChannelRow key={c.id} channel={c} networkLabel={label(c.network)} onDisconnect={canManage ? () => setConfirming(c) : undefined} />
          ))}
        </ul>
      </section>
      {canManage && networks.data ? <ConnectSection workspaceId={workspace.id} networks={networks.data.items} /> : null}
      <Dialog open={!!confirming} title={`Disconnect ${confirming?.displayName ?? 'this channel'}?`} onClose={() => setConfirming(null)}>
        <p>
          Herald will revoke its access at {confirming ? label(confirming.network) : 'the network'} and delete the tokens now. Name and avatar are kept for 30 days, then purged.
        </p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setConfirming(null)}>
            Keep
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={disconnect.isPending}
            onClick={() => confirming && disconnect.mutate(confirming.id, { onSuccess: () => setConfirming(null) })}
          >
            Disconnect
          </button>
        </div>
      </Dialog>
    </div>
  );
}
