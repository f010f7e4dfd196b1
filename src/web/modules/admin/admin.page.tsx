import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { FormError } from '../../components/feedback.tsx';
import { SelectField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatCompactDateTime, formatFileSize, shortUserAgent } from '../../components/format.ts';
import { networkLabel } from '../../components/networks.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useSearchParamsUpdate } from '../../components/use-search-params-update.ts';
import { useSignedInUser } from '../auth/require-user.tsx';
import { useAdminAudit, useAdminOverview, useAdminUsers, useAdminWorkspaces, type AdminOverview } from './admin.api.ts';
import './admin.css';

/** One child per cell, so the phone layout can put the column's label beside it (as on the Activity page). */
function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td data-label={label}>
      <div className="admin-cell-wrap">{children}</div>
    </td>
  );
}

function Stat({ label, value, bad = false, testId }: { label: string; value: ReactNode; bad?: boolean; testId?: string }) {
  return (
    <div className={`card admin-stat${bad ? ' is-bad' : ''}`} data-testid={testId}>
      <span className="muted small">{label}</span>
      <strong>{value}</strong>
    </div>
  );
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const uptime = (seconds: number) => (seconds < 3600 ? `${Math.round(seconds / 60)} min` : seconds < 86_400 ? `${Math.round(seconds / 3600)} h` : `${Math.round(seconds / 86_400)} days`);

function Health({ overview }: { overview: AdminOverview }) {
  const queue = overview.queue;
  const failing = overview.failingNetworks.networks;
  const failedDeliveries = sum(failing.map((n) => n.failedDeliveries));
  const reconnect = sum(failing.map((n) => n.channelsNeedingReconnect));
  return (
    <>
      <div className="admin-stats">
        <Stat label="Database" value={overview.database === 'pglite' ? 'Embedded' : 'PostgreSQL'} />
        <Stat label="Jobs waiting" value={queue ? sum(queue.map((q) => q.waiting)) : 'No answer'} bad={!queue} testId="admin-queue-waiting" />
        <Stat label="Jobs running" value={queue ? sum(queue.map((q) => q.active)) : '—'} />
        <Stat label="Failed in 24 h" value={failedDeliveries} bad={failedDeliveries > 0} testId="admin-failed" />
        <Stat label="Channels to reconnect" value={reconnect} bad={reconnect > 0} />
        <Stat label="Media stored" value={`${formatFileSize(overview.storage.mediaBytes)} · ${overview.storage.mediaFiles} files`} />
        <Stat label="Database size" value={overview.storage.databaseBytes === null ? 'Unknown' : formatFileSize(overview.storage.databaseBytes)} />
        <Stat label="Accounts · workspaces" value={`${overview.users} · ${overview.workspaces}`} />
      </div>
      <div className="admin-sections">
        <section className="card" aria-labelledby="admin-failing">
          <h2 id="admin-failing">Failing networks</h2>
          {failing.length ? (
            <div className="table-wrap">
              <table className="table audit-table" data-testid="admin-failing-networks">
                <thead>
                  <tr>
                    <th scope="col">Network</th>
                    <th scope="col">Failed deliveries (24 h)</th>
                    <th scope="col">Channels to reconnect</th>
                  </tr>
                </thead>
                <tbody>
                  {failing.map((n) => (
                    <tr key={n.network}>
                      <Cell label="Network">{networkLabel(n.network)}</Cell>
                      <Cell label="Failed">{n.failedDeliveries}</Cell>
                      <Cell label="Reconnect">{n.channelsNeedingReconnect}</Cell>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">No delivery failed in the last 24 hours and no channel needs reconnecting.</p>
          )}
        </section>
        <section className="card" aria-labelledby="admin-queues">
          <h2 id="admin-queues">Job queues</h2>
          {queue ? (
            <div className="table-wrap">
              <table className="table audit-table" data-testid="admin-queues">
                <thead>
                  <tr>
                    <th scope="col">Queue</th>
                    <th scope="col">Waiting</th>
                    <th scope="col">Scheduled</th>
                    <th scope="col">Running</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.map((q) => (
                    <tr key={q.queue}>
                      <Cell label="Queue">{q.queue}</Cell>
                      <Cell label="Waiting">{q.waiting}</Cell>
                      <Cell label="Scheduled">{q.deferred}</Cell>
                      <Cell label="Running">{q.active}</Cell>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">The job queue did not answer.</p>
          )}
          <p className="muted small">
            This process: {overview.mode}, up {uptime(overview.uptimeSeconds)}, {formatFileSize(overview.memoryBytes)} of memory.
          </p>
        </section>
      </div>
    </>
  );
}

function LoadMore({ list }: { list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  if (!list.hasNextPage) return null;
  return (
    <div className="load-more">
      <button type="button" className="btn" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
        {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
      </button>
    </div>
  );
}

function Users() {
  const users = useAdminUsers();
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];
  if (users.isPending) return <Loading label="Loading accounts…" />;
  return (
    <>
      <FormError message={formErrors(users.error, []).general} />
      <div className="table-wrap">
        <table className="table audit-table" data-testid="admin-users">
          <caption className="visually-hidden">Accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Workspaces</th>
              <th scope="col">Security</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <Cell label="Name">
                  {u.name}
                  {u.isOperator ? <span className="badge role-owner"> Operator</span> : null}
                </Cell>
                <Cell label="E-mail">{u.email}</Cell>
                <Cell label="Workspaces">{u.workspaces}</Cell>
                <Cell label="Security">
                  {[u.emailVerified ? 'e-mail verified' : 'e-mail not verified', u.twoFactorEnabled ? '2FA on' : '2FA off', u.deletionRequestedAt ? 'deletion requested' : null].filter(Boolean).join(' · ')}
                </Cell>
                <Cell label="Since">{formatCompactDateTime(u.createdAt)}</Cell>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore list={users} />
    </>
  );
}

function Workspaces() {
  const workspaces = useAdminWorkspaces();
  const rows = workspaces.data?.pages.flatMap((p) => p.items) ?? [];
  if (workspaces.isPending) return <Loading label="Loading workspaces…" />;
  if (!rows.length) return <EmptyState title="No workspace yet">Workspaces people create show here.</EmptyState>;
  return (
    <>
      <div className="table-wrap">
        <table className="table audit-table" data-testid="admin-workspaces">
          <caption className="visually-hidden">Workspaces</caption>
          <thead>
            <tr>
              <th scope="col">Workspace</th>
              <th scope="col">Members</th>
              <th scope="col">Channels</th>
              <th scope="col">Posts</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr key={w.id}>
                <Cell label="Workspace">{w.name}</Cell>
                <Cell label="Members">{w.members}</Cell>
                <Cell label="Channels">{w.channels}</Cell>
                <Cell label="Posts">{w.posts}</Cell>
                <Cell label="Since">{formatCompactDateTime(w.createdAt)}</Cell>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore list={workspaces} />
    </>
  );
}

const actionFilters = [
  { value: '', label: 'Everything' },
  { value: 'auth.', label: 'Sign-ins and account events' },
  { value: 'post.', label: 'Posts' },
  { value: 'channel.', label: 'Channels' },
  { value: 'member.', label: 'Members' },
  { value: 'workspace.', label: 'Workspaces' },
  { value: 'admin.', label: 'Admin pages' },
];

function Audit() {
  const [params, update] = useSearchParamsUpdate();
  const action = actionFilters.some((f) => f.value === params.get('action')) ? params.get('action')! : '';
  const audit = useAdminAudit(action);
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <div className="admin-filter">
        <SelectField label="What" value={action} data-testid="admin-audit-filter" onChange={(e) => update({ action: e.target.value || null }, true)}>
          {actionFilters.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </SelectField>
      </div>
      <FormError message={formErrors(audit.error, []).general} />
      {audit.isPending ? <Loading label="Loading the audit log…" /> : null}
      {audit.data && !rows.length ? <EmptyState title="No matching event">Nothing of this kind happened yet.</EmptyState> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table className="table audit-table" data-testid="admin-audit">
            <caption className="visually-hidden">Audit log of the instance</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Workspace</th>
                <th scope="col">IP</th>
                <th scope="col">Device</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} data-testid="admin-audit-row">
                  <Cell label="Time">{formatCompactDateTime(e.createdAt)}</Cell>
                  <Cell label="Who">{e.actorName ?? e.actorEmail ?? (e.actorUserId ? 'A former account' : 'Herald')}</Cell>
                  <Cell label="Action">
                    <code>{e.action}</code>
                  </Cell>
                  <Cell label="Workspace">{e.workspaceName ?? <span className="muted">—</span>}</Cell>
                  <Cell label="IP">{e.ip ?? '—'}</Cell>
                  <Cell label="Device">{shortUserAgent(e.userAgent)}</Cell>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore list={audit} />
    </>
  );
}

const tabs = [
  { value: 'health', label: 'Health' },
  { value: 'users', label: 'Accounts' },
  { value: 'workspaces', label: 'Workspaces' },
  { value: 'audit', label: 'Audit log' },
] as const;

/** The operator's view of the whole instance; read-only, and shown to nobody else. */
export function AdminPage() {
  const me = useSignedInUser();
  const [params, update] = useSearchParamsUpdate();
  const overview = useAdminOverview();
  if (!me.user.isOperator) return <Navigate to="/" replace />;
  const tab = tabs.find((t) => t.value === params.get('tab'))?.value ?? 'health';
  return (
    <div className="page page-wide admin-page">
      <PageHeader title="Instance" description="How this Herald is doing, who uses it and what happened: read-only, for its operator. Every visit is recorded in the audit log." />
      <nav className="cal-views agency-tabs" aria-label="Instance">
        {tabs.map((t) => (
          <button key={t.value} type="button" className="cal-view-button" aria-current={tab === t.value ? 'page' : undefined} onClick={() => update({ tab: t.value === 'health' ? null : t.value })}>
            {t.label}
          </button>
        ))}
      </nav>
      <section className="admin-section">
        {tab === 'health' ? (
          overview.isPending ? (
            <Loading label="Asking the instance…" />
          ) : overview.isError ? (
            <FormError message={formErrors(overview.error, []).general} />
          ) : (
            <Health overview={overview.data} />
          )
        ) : tab === 'users' ? (
          <Users />
        ) : tab === 'workspaces' ? (
          <Workspaces />
        ) : (
          <Audit />
        )}
      </section>
    </div>
  );
}
