import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { descriptorKeys } from '../../../networks/texts.ts';
import { networkWeb } from '../../../networks/web.ts';
import { descriptorOf } from '../../../shared/networks.ts';
import { ChannelAvatar, NetworkMark } from '../../components/network-mark.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { FormError, Notice } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { i18n } from '../../i18n/i18n.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { hasPermission, useWorkspace } from '../workspaces/workspace-route.tsx';
import { AccountPicker } from './account-picker.tsx';
import { usePolicyFacts } from './policy.api.ts';
import { useChannels, useConnectChannel, useDisconnectChannel, useNetworks, useRefreshChannel, type Channel, type Network } from './channels.api.ts';

// Said by the keys `status.<status>` and `features.<feature>`; one the web app does not know shows as it comes.
const statuses = new Set(['ok', 'expiring', 'needs_reauth', 'disconnected']);
const features = new Set(['profile', 'publish', 'drafts', 'analytics']);

/**
 * A reason that already says what to do (a grant ending on its date) needs no "keeps retrying"
 * before it. Told by the reason's key, whatever language the server said it in; a reason stored
 * before keys were kept has none, and is English.
 */
const selfExplainingKeys = new Set(['status:channel.accessEnds', 'status:channel.accessEnded']);
const selfExplaining = (channel: Channel) =>
  channel.statusReasonKey ? selfExplainingKeys.has(channel.statusReasonKey) : !!channel.statusReason?.includes('Connect the account again');

/** When an allowance resets: the time today, or the date and time later. */
function resetWords(at: string) {
  const when = new Date(at);
  const sameDay = when.toDateString() === new Date().toDateString();
  return sameDay ? when.toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' }) : formatDateTime(when);
}

/** What the network's counted allowances have left (X's post caps, YouTube's quota): "Posts left today: 12 of 17, resets 14:00". */
function UsageLines({ usage }: { usage: Channel['usage'] }) {
  const { t } = useTranslation('channels');
  if (!usage.length) return null;
  return (
    <div className="row-sub" data-testid="channel-usage">
      {usage.map((line) => (
        <div key={line.label}>
          {t('row.usage', {
            label: line.label,
            left: Math.max(0, line.limit - line.used).toLocaleString(i18n.language),
            limit: line.limit.toLocaleString(i18n.language),
            when: resetWords(String(line.resetsAt)),
          })}
        </div>
      ))}
    </div>
  );
}

function ChannelRow({ channel, networkLabel, actions }: { channel: Channel; networkLabel: string; actions?: { onDisconnect: () => void; onCheck: () => void; checking: boolean } }) {
  const { t } = useTranslation('channels');
  const disconnected = channel.status === 'disconnected';
  const troubled = channel.status === 'needs_reauth' || channel.status === 'expiring';
  return (
    <li className={disconnected ? 'row row-muted' : 'row'} data-testid="channel-row">
      {/* Herald's copy of the avatar: loading it from the network's CDN would tell it who views Herald. */}
      <ChannelAvatar network={channel.network} src={channel.avatar} />
      <div className="row-main">
        <div className="row-title">
          {channel.displayName ?? t('row.purged')}{' '}
          <span className="row-sub-inline">
            {channel.username ? `@${channel.username} · ` : ''}
            {networkLabel}
          </span>
        </div>
        <div className="row-sub">
          {disconnected && channel.purgeAfter
            ? t('row.disconnectedOn', { date: formatDateTime(channel.disconnectedAt!), purge: formatDate(channel.purgeAfter) })
            : t('row.connectedOn', { date: formatDateTime(channel.connectedAt) })}
        </div>
        {!disconnected && channel.scopesGranted.length ? (
          <div className="row-sub" data-testid="channel-scopes">
            {t('row.scopes')} {channel.scopesGranted.map((scope, i) => <span key={scope}>{i ? ', ' : ''}{breakableName(scope)}</span>)}
          </div>
        ) : null}
        {!disconnected ? <UsageLines usage={channel.usage} /> : null}
        {!disconnected && channel.missingFeatures.length ? (
          <div className="row-note">
            {t('row.missingFeatures', { features: channel.missingFeatures.map((f) => (features.has(f) ? t(`features.${f}`) : f)).join(', ') })}
          </div>
        ) : null}
        {troubled ? (
          <div className="row-note" role="status">
            {channel.status === 'needs_reauth' ? t('row.reconnect') : selfExplaining(channel) ? '' : t('row.retrying')}
            {channel.statusReason ?? ''}
          </div>
        ) : null}
      </div>
      <span className={`badge status-${channel.status}`}>{statuses.has(channel.status) ? t(`status.${channel.status}`) : channel.status}</span>
      {actions && !disconnected ? (
        <>
          <button type="button" className="btn btn-ghost btn-sm" onClick={actions.onCheck} disabled={actions.checking}>
            {actions.checking ? t('row.checking') : t('row.check')}
          </button>
          <button type="button" className="btn btn-ghost btn-sm" onClick={actions.onDisconnect}>
            {t('row.disconnect')}
          </button>
        </>
      ) : null}
    </li>
  );
}

/** Mastodon: the user names their server; Herald registers itself there once. */
function InstanceConnectForm({ workspaceId, network }: { workspaceId: string; network: Network }) {
  const { t } = useTranslation('channels');
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
        label={t('connect.instance', { network: network.label })}
        placeholder="mastodon.social"
        autoCapitalize="off"
        spellCheck={false}
        value={instance}
        onChange={(e) => setInstance(e.target.value)}
        error={errors.field('instance')}
      />
      <FormError message={errors.general} />
      <button className="btn btn-primary" disabled={!instance.trim() || connect.isPending}>
        {t('connect.button', { network: network.label })}
      </button>
    </form>
  );
}

function OAuthConnectButton({ workspaceId, network }: { workspaceId: string; network: Network }) {
  const { t } = useTranslation('channels');
  const connect = useConnectChannel(workspaceId);
  return (
    <>
      <button type="button" className="btn btn-primary" onClick={() => connect.mutate({ network: network.id })} disabled={connect.isPending}>
        {t('connect.button', { network: network.label })}
      </button>
      <FormError message={formErrors(connect.error, []).general} />
    </>
  );
}

function ConnectSection({ workspaceId, networks, onConnected }: { workspaceId: string; networks: Network[]; onConnected: (channel: Channel) => void }) {
  const { t } = useTranslation('channels');
  return (
    <section className="card" aria-labelledby="connect-title">
      <div className="card-head">
        <div>
          <h2 id="connect-title">{t('connect.title')}</h2>
          <p className="muted small">{t('connect.intro')}</p>
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
                <p className="muted small">{t('connect.notSetUp')}</p>
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
  const { t } = useTranslation('channels');
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  const canManage = hasPermission(workspace, 'channels.manage');
  const networks = useNetworks();
  // The server's word for this configuration (one login of a network may revoke, another not). The
  // descriptor's own sentence has translations; other words a login says (its provider's) stay as sent.
  const noRevokeOf = (network: string) => {
    const sentence = networks.data?.items.find((n) => n.id === network)?.noRevoke ?? null;
    return sentence && sentence === descriptorOf(network)?.noRevoke ? t(descriptorKeys.noRevoke, { ns: `network-${network}`, defaultValue: sentence }) : sentence;
  };
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
        title={t('page.title')}
        description={t('page.description', { workspace: workspace.name })}
      />
      {params.get('error') ? (
        <Notice tone="warn">
          {params.get('message') ?? t('page.connectFailed')}{' '}
          <button type="button" className="btn-text" onClick={() => setParams({})}>
            {t('page.dismiss')}
          </button>
        </Notice>
      ) : null}
      {params.get('connected') ? <Notice tone="success">{t('page.connected', { count: 1 })}</Notice> : null}
      {pickedCount ? <Notice tone="success">{t('page.connected', { count: pickedCount })}</Notice> : null}
      {check.data ? <Notice tone="success">{t('page.checked', { name: check.data.channel.displayName ?? t('page.theChannel') })}</Notice> : null}
      {disconnect.data ? (
        <Notice tone={disconnect.data.revokedAtNetwork || revokeSkipped(disconnect.data) === 'grant_shared' ? 'success' : 'warn'}>{disconnectOutcome(disconnect.data, noRevokeOf(disconnect.data.channel.network), t)}</Notice>
      ) : null}
      <section className="card" aria-labelledby="channels-title">
        <div className="card-head">
          <h2 id="channels-title">{t('page.connectedAccounts')}</h2>
        </div>
        <FormError message={formErrors(channels.error ?? disconnect.error ?? check.error, []).general} />
        {channels.isPending ? <Loading label={t('page.loading')} /> : null}
        {channels.data && items.length === 0 ? (
          <EmptyState title={t('empty.title')}>{canManage ? t('empty.manager') : t('empty.member')}</EmptyState>
        ) : null}
        <ul className="rows" aria-label={t('page.title')}>
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
      <Dialog open={!!confirming} title={t('disconnect.title', { name: confirming?.displayName ?? t('disconnect.thisChannel') })} onClose={() => setConfirming(null)}>
        <p data-testid="disconnect-revoke">
          {confirming && noRevokeOf(confirming.network)
            ? t('disconnect.noRevoke', { network: label(confirming.network), reason: noRevokeOf(confirming.network) })
            : t('disconnect.revoke', { network: confirming ? label(confirming.network) : t('disconnect.theNetwork') })}
        </p>
        <p data-testid="disconnect-purge">
          {t('disconnect.purge', {
            period: retentionDays ? t('disconnect.retention', { count: retentionDays, until: formatDate(new Date(Date.now() + retentionDays * 86_400_000)) }) : t('disconnect.retentionPeriod'),
            network: confirming ? label(confirming.network) : t('disconnect.theNetwork'),
          })}
        </p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setConfirming(null)}>
            {t('disconnect.keep')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={disconnect.isPending}
            onClick={() => confirming && disconnect.mutate(confirming.id, { onSuccess: () => setConfirming(null) })}
          >
            {t('disconnect.confirm')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}

type DisconnectAnswer = { revokedAtNetwork: boolean; revokeSkipped?: 'network_has_no_revoke' | 'grant_shared' | null; channel: Channel };
const revokeSkipped = (answer: DisconnectAnswer) => answer.revokeSkipped ?? null;

function disconnectOutcome(answer: DisconnectAnswer, noRevoke: string | null, t: TFunction<'channels'>): string {
  if (answer.revokedAtNetwork) return t('outcome.revoked');
  const skipped = revokeSkipped(answer);
  if (skipped === 'grant_shared') return t('outcome.shared');
  if (skipped === 'network_has_no_revoke') return t('outcome.noRevoke', { reason: noRevoke ?? t('outcome.noRevokeDefault') });
  return t('outcome.unreachable');
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
