import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { networkWeb } from '../../../networks/web.ts';
import { ChannelAvatar, NetworkMark } from '../../components/network-mark.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { AccountPicker } from './account-picker.tsx';
import { usePolicyFacts } from './policy.api.ts';
import { useChannels, useConnectChannel, useDisconnectChannel, useNetworks, useRefreshChannel, type Channel, type Network } from './channels.api.ts';

const statusLabels: Record<string, string> = { ok: 'Connected', expiring: 'Expiring', needs_reauth: 'Reconnect needed', disconnected: 'Disconnected' };
const featureLabels: Record<string, string> = { profile: 'profile', publish: 'direct posting', drafts: 'sending drafts', analytics: 'analytics' };

/** A reason that already says what to do (a grant ending on its date) needs no "keeps retrying" before it. */
const selfExplaining = (reason: string | null) => !!reason && reason.includes('Connect the account again');

/** When an allowance resets: the time today, or the date and time later. */
function resetWords(at: string) {
  const when = new Date(at);
  const sameDay = when.toDateString() === new Date().toDateString();
  return sameDay ? when.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : formatDateTime(when);
}

/** What the network's counted allowances have left (X's post caps, YouTube's quota): "Posts left today: 12 of 17, resets 14:00". */
function UsageLines({ usage }: { usage: Channel['usage'] }) {
  if (!usage.length) return null;
  return (
    <div className="row-sub" data-testid="channel-usage">
      {usage.map((line) => (
        <div key={line.label}>
          {line.label}: {Math.max(0, line.limit - line.used).toLocaleString()} of {line.limit.toLocaleString()}, resets {resetWords(String(line.resetsAt))}
        </div>
      ))}
    </div>
  );
}

function ChannelRow({ channel, networkLabel, actions }: { channel: Channel; networkLabel: string; actions?: { onDisconnect: () => void; onCheck: () => void; checking: boolean } }) {
  const disconnected = channel.status === 'disconnected';
  const troubled = channel.status === 'needs_reauth' || channel.status === 'expiring';
  return (
    <li className={disconnected ? 'row row-muted' : 'row'} data-testid="channel-row">
      {/* Herald's copy of the avatar: loading it from the network's CDN would tell it who views Herald. */}
      <ChannelAvatar network={channel.network} src={channel.avatar} />
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
            ? `Disconnected ${formatDateTime(channel.disconnectedAt!)}; name, avatar and post statistics will be purged on ${formatDate(channel.purgeAfter)}.`
            : `Connected ${formatDateTime(channel.connectedAt)}`}
        </div>
        {!disconnected && channel.scopesGranted.length ? (
          <div className="row-sub" data-testid="channel-scopes">
            Permissions granted: {channel.scopesGranted.map((scope, i) => <span key={scope}>{i ? ', ' : ''}{breakableName(scope)}</span>)}
          </div>
        ) : null}
        {!disconnected ? <UsageLines usage={channel.usage} /> : null}
        {!disconnected && channel.missingFeatures.length ? (
          <div className="row-note">
            Off because a permission was not granted: {channel.missingFeatures.map((f) => featureLabels[f] ?? f).join(', ')}. Reconnect and allow all permissions to turn them on.
          </div>
        ) : null}
        {troubled ? (
          <div className="row-note" role="status">
            {channel.status === 'needs_reauth' ? 'Connect this account again below: ' : selfExplaining(channel.statusReason) ? '' : 'Herald keeps retrying: '}
            {channel.statusReason ?? ''}
          </div>
        ) : null}
      </div>
      <span className={`badge status-${channel.status}`}>{statusLabels[channel.status] ?? channel.status}</span>
      {actions && !disconnected ? (
        <>
          <button type="button" className="btn btn-ghost btn-sm" onClick={actions.onCheck} disabled={actions.checking}>
            {actions.checking ? 'Checking…' : 'Check'}
          </button>
          <button type="button" className="btn btn-ghost btn-sm" onClick={actions.onDisconnect}>
            Disconnect…
          </button>
        </>
      ) : null}
    </li>
  );
}

/** Mastodon: the user names their server; Herald registers itself there once. */
function InstanceConnectForm({ workspaceId, network }: { workspaceId: string; network: Network }) {
  const [instance, setInstance] = useState('');
  const connect = useConnectChannel(workspaceId);
  const errors = formErrors(connect.error, ['instance']);
  return (
    <form
      className="network-form"
      onSubmit={(e) => {
        e.preventDefault();
        connect.mutate({ network: network.id, instance: instance.trim() });
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
      <FormError message={errors.general} />
      <button className="btn btn-primary" disabled={!instance.trim() || connect.isPending}>
        Connect {network.label}
      </button>
    </form>
  );
}

function OAuthConnectButton({ workspaceId, network }: { workspaceId: string; network: Network }) {
  const connect = useConnectChannel(workspaceId);
  return (
    <>
      <button type="button" className="btn btn-primary" onClick={() => connect.mutate({ network: network.id })} disabled={connect.isPending}>
        Connect {network.label}
      </button>
      <FormError message={formErrors(connect.error, []).general} />
    </>
  );
}

function ConnectSection({ workspaceId, networks, onConnected }: { workspaceId: string; networks: Network[]; onConnected: (channel: Channel) => void }) {
  return (
    <section className="card" aria-labelledby="connect-title">
      <div className="card-head">
        <div>
          <h2 id="connect-title">Connect a channel</h2>
          <p className="muted small">You sign in on the network’s own page; Herald never sees your password there. A network without such a page takes an app password instead, which you can delete at any time.</p>
        </div>
      </div>
      <div className="network-grid">
        {networks.map((n) => {
          // A network with its own way to connect (Bluesky's handle and app password) brings its form.
          const OwnForm = networkWeb(n.id)?.ConnectForm;
          return (
            <div key={n.id} className={n.enabled ? 'network-tile' : 'network-tile is-off'} data-testid={`network-${n.id}`}>
              <div className="network-name">
                <NetworkMark network={n.id} className="network-mark" />
                {n.label}
              </div>
              {!n.enabled ? (
                <p className="muted small">Not set up on this Herald: the operator adds the app credentials (docs/configuration.md).</p>
              ) : OwnForm ? (
                <OwnForm workspaceId={workspaceId} network={n} onConnected={onConnected} />
              ) : n.connect === 'oauth-instance' ? (
                <InstanceConnectForm workspaceId={workspaceId} network={n} />
              ) : (
                <OAuthConnectButton workspaceId={workspaceId} network={n} />
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

export function ChannelsPage() {
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  const canManage = hasPermission(workspace, 'channels.manage');
  const networks = useNetworks();
  // The server's word for this configuration (one login of a network may revoke, another not).
  const noRevokeOf = (network: string) => networks.data?.items.find((n) => n.id === network)?.noRevoke ?? null;
  const channels = useChannels(workspace.id);
  const disconnect = useDisconnectChannel(workspace.id);
  const retentionDays = usePolicyFacts().data?.retention.disconnectedRetentionDays;
  const check = useRefreshChannel(workspace.id);
  const [confirming, setConfirming] = useState<Channel | null>(null);
  // How many accounts the picker (?choose=) just connected: the query parameter is gone by then.
  const [pickedCount, setPickedCount] = useState<number | null>(null);
  const choose = params.get('choose');
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
      {pickedCount ? <Notice tone="success">{pickedCount === 1 ? 'Channel connected.' : `${pickedCount} channels connected.`}</Notice> : null}
      {check.data ? <Notice tone="success">{check.data.channel.displayName ?? 'The channel'} answered: access works and the profile is up to date.</Notice> : null}
      {disconnect.data ? (
        <Notice tone={disconnect.data.revokedAtNetwork || revokeSkipped(disconnect.data) === 'grant_shared' ? 'success' : 'warn'}>{disconnectOutcome(disconnect.data, noRevokeOf(disconnect.data.channel.network))}</Notice>
      ) : null}
      <section className="card" aria-labelledby="channels-title">
        <div className="card-head">
          <h2 id="channels-title">Connected accounts</h2>
        </div>
        <FormError message={formErrors(channels.error ?? disconnect.error ?? check.error, []).general} />
        {channels.isPending ? <Loading label="Loading channels…" /> : null}
        {channels.data && items.length === 0 ? (
          <EmptyState title="No channel yet">{canManage ? 'Connect a first account below.' : 'An owner or admin connects the accounts this workspace publishes to.'}</EmptyState>
        ) : null}
        <ul className="rows" aria-label="Channels">
          {items.map((c) => (
            <ChannelRow
              key={c.id}
              channel={c}
              networkLabel={label(c.network)}
              actions={canManage ? { onDisconnect: () => setConfirming(c), onCheck: () => check.mutate(c.id), checking: check.isPending && check.variables === c.id } : undefined}
            />
          ))}
        </ul>
      </section>
      {canManage && networks.data ? (
        <ConnectSection workspaceId={workspace.id} networks={networks.data.items} onConnected={(channel) => setParams({ connected: channel.id })} />
      ) : null}
      {choose && canManage ? (
        <AccountPicker
          key={choose}
          workspaceId={workspace.id}
          workspaceName={workspace.name}
          selectionId={choose}
          onDone={(connected) => {
            setPickedCount(connected.length || null);
            setParams({}, { replace: true });
          }}
        />
      ) : null}
      <Dialog open={!!confirming} title={`Disconnect ${confirming?.displayName ?? 'this channel'}?`} onClose={() => setConfirming(null)}>
        <p data-testid="disconnect-revoke">
          {confirming && noRevokeOf(confirming.network)
            ? `Herald will delete the tokens now; nothing more is published to it or read from it. ${label(confirming.network)} offers no way for Herald to end its access there: ${noRevokeOf(confirming.network)}`
            : `Herald will revoke its access at ${confirming ? label(confirming.network) : 'the network'} (once no other channel uses the same login there) and delete the tokens now. Nothing more is published to it or read from it.`}
        </p>
        <p data-testid="disconnect-purge">
          The account’s name, avatar and post statistics stay visible on past posts for {retentionDays ? `${retentionDays} days (until ${formatDate(new Date(Date.now() + retentionDays * 86_400_000))})` : 'the retention period'}, then
          they are purged. Posts already published stay on {confirming ? label(confirming.network) : 'the network'}.
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

type DisconnectAnswer = { revokedAtNetwork: boolean; revokeSkipped?: 'network_has_no_revoke' | 'grant_shared' | null; channel: Channel };
const revokeSkipped = (answer: DisconnectAnswer) => answer.revokeSkipped ?? null;

function disconnectOutcome(answer: DisconnectAnswer, noRevoke: string | null): string {
  if (answer.revokedAtNetwork) return 'Disconnected: the network revoked Herald’s access and the tokens are deleted.';
  const skipped = revokeSkipped(answer);
  if (skipped === 'grant_shared') return 'Disconnected and tokens deleted here. Other connected channels use the same login at the network, so Herald’s access there ends when the last of them is disconnected.';
  if (skipped === 'network_has_no_revoke') return `Disconnected and tokens deleted here. ${noRevoke ?? 'The network offers no way for Herald to end its access there.'}`;
  return 'Disconnected and tokens deleted here. The network could not be reached to revoke access; Herald keeps retrying.';
}

/** A permission name that may wrap after its underscores on a narrow screen (pages_manage_posts), never inside a word. */
function breakableName(name: string) {
  return name.split(/(?<=[_.:])/).map((piece, i) => (
    <span key={i}>
      {i ? <wbr /> : null}
      {piece}
    </span>
  ));
}
