import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post } from '../../api/client.ts';
import type { MyWorkspace } from '../../api/types.ts';
import { Field, FormError, Notice, fieldError } from '../../components/form.tsx';
import { formatDateTime } from '../../components/format.ts';

type Network = { id: string; label: string; connect: string; scopes: string[]; enabled: boolean };
type Channel = {
  id: string;
  network: string;
  username: string | null;
  displayName: string | null;
  avatarUrl: string | null;
  status: string;
  statusReason: string | null;
  scopesGranted: string[];
  missingFeatures: string[];
  connectedAt: string;
  disconnectedAt: string | null;
  purgeAfter: string | null;
};

const statusLabels: Record<string, string> = { ok: 'Connected', expiring: 'Refresh failing', needs_reauth: 'Reconnect needed', disconnected: 'Disconnected' };
const featureLabels: Record<string, string> = { profile: 'profile', publish: 'direct posting', drafts: 'sending drafts', analytics: 'analytics' };

export function ChannelsPage({ workspace }: { workspace: MyWorkspace }) {
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const canManage = workspace.permissions.includes('channels.manage');
  const key = ['workspaces', workspace.id, 'channels'];
  const networks = useQuery({ queryKey: ['networks'], queryFn: () => get<{ items: Network[] }>('/api/v1/networks') });
  const channels = useQuery({ queryKey: key, queryFn: () => get<{ items: Channel[] }>(`/api/v1/workspaces/${workspace.id}/channels`) });
  const [confirming, setConfirming] = useState<string | null>(null);

  const [instance, setInstance] = useState('');
  const connect = useMutation({
    mutationFn: (input: { network: string; instance?: string }) => post<{ authorizationUrl: string }>(`/api/v1/workspaces/${workspace.id}/channels/connect`, input),
    onSuccess: ({ authorizationUrl }) => window.location.assign(authorizationUrl),
  });
  const disconnect = useMutation({
    mutationFn: (id: string) => del<{ revokedAtNetwork: boolean }>(`/api/v1/workspaces/${workspace.id}/channels/${id}`),
    onSuccess: () => setConfirming(null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  const error = params.get('error');
  const connected = params.get('connected');
  const label = (network: string) => networks.data?.items.find((n) => n.id === network)?.label ?? network;

  return (
    <div className="stack">
      <section className="panel">
        <div className="panel-head">
          <div>
            <h1>Channels</h1>
            <p className="muted">Social accounts {workspace.name} publishes to. Tokens are encrypted and never leave the server except to their network.</p>
          </div>
        </div>
        {error ? (
          <Notice tone="warn">
            {params.get('message') ?? 'The connection did not complete.'}{' '}
            <button className="btn-link" onClick={() => setParams({})}>
              Dismiss
            </button>
          </Notice>
        ) : null}
        {connected ? <Notice tone="success">Channel connected.</Notice> : null}
        {disconnect.data ? (
          <Notice tone={disconnect.data.revokedAtNetwork ? 'success' : 'warn'}>
            {disconnect.data.revokedAtNetwork
              ? 'Disconnected: the network revoked Herald’s access and the tokens are deleted.'
              : 'Disconnected and tokens deleted here. The network could not be reached to revoke access; Herald keeps retrying.'}
          </Notice>
        ) : null}
        <FormError error={channels.error ?? (fieldError(connect.error, 'instance') ? null : connect.error) ?? disconnect.error} />
        <ul className="list" aria-label="Channels">
          {channels.data?.items.map((c) => (
            <li key={c.id} className="list-row">
              {/* Network avatars are not loaded from the network's CDN: that would tell it who views Herald (a local avatar cache is planned). */}
              <span className="avatar" aria-hidden="true">
                {(c.displayName ?? c.network).slice(0, 1).toUpperCase()}
              </span>
              <div className="grow">
                <div className="strong">
                  {c.displayName ?? '(profile purged)'} <span className="muted small">{c.username ? `@${c.username}` : ''} · {label(c.network)}</span>
                </div>
                <div className="small muted">
                  {c.status === 'disconnected' && c.purgeAfter
                    ? `Disconnected ${formatDateTime(c.disconnectedAt!)}; name and avatar will be purged on ${formatDateTime(c.purgeAfter)}.`
                    : `Connected ${formatDateTime(c.connectedAt)}`}
                </div>
                {c.status !== 'disconnected' && c.missingFeatures.length ? (
                  <div className="small">Off because a permission was not granted: {c.missingFeatures.map((f) => featureLabels[f] ?? f).join(', ')}. Reconnect and allow all permissions to turn them on.</div>
                ) : null}
              </div>
              <span className={`badge status-${c.status}`}>{statusLabels[c.status] ?? c.status}</span>
              {canManage && c.status !== 'disconnected' ? (
                confirming === c.id ? (
                  <div className="confirm">
                    <p className="small">Herald will revoke its access at {label(c.network)} and delete the tokens now. Name and avatar are kept for 30 days, then purged.</p>
                    <button className="btn btn-danger" onClick={() => disconnect.mutate(c.id)} disabled={disconnect.isPending}>
                      Disconnect
                    </button>{' '}
                    <button className="btn" onClick={() => setConfirming(null)}>
                      Keep
                    </button>
                  </div>
                ) : (
                  <button className="btn btn-quiet" onClick={() => setConfirming(c.id)}>
                    Disconnect…
                  </button>
                )
              ) : null}
            </li>
          ))}
        </ul>
        {channels.data && channels.data.items.length === 0 ? <p className="muted">No channel yet.</p> : null}
      </section>
      {canManage ? (
        <section className="panel">
          <h2>Connect a channel</h2>
          <div className="actions">
            {networks.data?.items
              .filter((n) => n.enabled && n.connect === 'oauth')
              .map((n) => (
                <button key={n.id} className="btn btn-primary" onClick={() => connect.mutate({ network: n.id })} disabled={connect.isPending}>
                  Connect {n.label}
                </button>
              ))}
          </div>
          {networks.data?.items.some((n) => n.id === 'mastodon' && n.enabled) ? (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                connect.mutate({ network: 'mastodon', instance });
              }}
            >
              <Field label="Mastodon server" placeholder="mastodon.social" value={instance} onChange={(e) => setInstance(e.target.value)} error={fieldError(connect.error, 'instance')} />
              <button className="btn btn-primary" disabled={!instance.trim() || connect.isPending}>
                Connect Mastodon
              </button>
            </form>
          ) : null}
          {networks.data && !networks.data.items.some((n) => n.enabled) ? (
            <p className="muted">No network is configured on this Herald yet. The operator sets each network’s app credentials (see docs/configuration.md).</p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
