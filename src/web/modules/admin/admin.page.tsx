import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
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
const uptime = (t: TFunction<'admin'>, seconds: number) =>
  seconds < 3600
    ? t('health.uptime.minutes', { count: Math.round(seconds / 60) })
    : seconds < 86_400
      ? t('health.uptime.hours', { count: Math.round(seconds / 3600) })
      : t('health.uptime.days', { count: Math.round(seconds / 86_400) });

function Health({ overview }: { overview: AdminOverview }) {
  const { t } = useTranslation('admin');
  const queue = overview.queue;
  const failing = overview.failingNetworks.networks;
  const failedDeliveries = sum(failing.map((n) => n.failedDeliveries));
  const reconnect = sum(failing.map((n) => n.channelsNeedingReconnect));
  return (
    <>
      <div className="admin-stats">
        <Stat label={t('health.stats.database')} value={overview.database === 'pglite' ? t('health.stats.embedded') : 'PostgreSQL'} />
        <Stat label={t('health.stats.jobsWaiting')} value={queue ? sum(queue.map((q) => q.waiting)) : t('health.stats.noAnswer')} bad={!queue} testId="admin-queue-waiting" />
        <Stat label={t('health.stats.jobsRunning')} value={queue ? sum(queue.map((q) => q.active)) : '—'} />
        <Stat label={t('health.stats.failed')} value={failedDeliveries} bad={failedDeliveries > 0} testId="admin-failed" />
        <Stat label={t('health.stats.reconnect')} value={reconnect} bad={reconnect > 0} />
        <Stat label={t('health.stats.media')} value={t('health.stats.mediaValue', { size: formatFileSize(overview.storage.mediaBytes), count: overview.storage.mediaFiles })} />
        <Stat label={t('health.stats.databaseSize')} value={overview.storage.databaseBytes === null ? t('health.stats.unknown') : formatFileSize(overview.storage.databaseBytes)} />
        <Stat label={t('health.stats.accounts')} value={`${overview.users} · ${overview.workspaces}`} />
      </div>
      <div className="admin-sections">
        <section className="card" aria-labelledby="admin-failing">
          <h2 id="admin-failing">{t('health.failing.title')}</h2>
          {failing.length ? (
            <div className="table-wrap">
              <table className="table audit-table" data-testid="admin-failing-networks">
                <thead>
                  <tr>
                    <th scope="col">{t('columns.network')}</th>
                    <th scope="col">{t('columns.failedDeliveries')}</th>
                    <th scope="col">{t('columns.channelsToReconnect')}</th>
                  </tr>
                </thead>
                <tbody>
                  {failing.map((n) => (
                    <tr key={n.network}>
                      <Cell label={t('columns.network')}>{networkLabel(n.network)}</Cell>
                      <Cell label={t('columns.failed')}>{n.failedDeliveries}</Cell>
                      <Cell label={t('columns.reconnect')}>{n.channelsNeedingReconnect}</Cell>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t('health.failing.none')}</p>
          )}
        </section>
        <section className="card" aria-labelledby="admin-queues">
          <h2 id="admin-queues">{t('health.queues.title')}</h2>
          {queue ? (
            <div className="table-wrap">
              <table className="table audit-table" data-testid="admin-queues">
                <thead>
                  <tr>
                    <th scope="col">{t('columns.queue')}</th>
                    <th scope="col">{t('columns.waiting')}</th>
                    <th scope="col">{t('columns.scheduled')}</th>
                    <th scope="col">{t('columns.running')}</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.map((q) => (
                    <tr key={q.queue}>
                      <Cell label={t('columns.queue')}>{q.queue}</Cell>
                      <Cell label={t('columns.waiting')}>{q.waiting}</Cell>
                      <Cell label={t('columns.scheduled')}>{q.deferred}</Cell>
                      <Cell label={t('columns.running')}>{q.active}</Cell>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t('health.queues.noAnswer')}</p>
          )}
          <p className="muted small">
            {t('health.process', { mode: overview.mode, uptime: uptime(t, overview.uptimeSeconds), memory: formatFileSize(overview.memoryBytes) })}
          </p>
        </section>
      </div>
    </>
  );
}

function LoadMore({ list }: { list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  const { t } = useTranslation('admin');
  if (!list.hasNextPage) return null;
  return (
    <div className="load-more">
      <button type="button" className="btn" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
        {list.isFetchingNextPage ? t('loadingMore') : t('loadMore')}
      </button>
    </div>
  );
}

function Users() {
  const { t } = useTranslation('admin');
  const users = useAdminUsers();
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];
  if (users.isPending) return <Loading label={t('users.loading')} />;
  return (
    <>
      <FormError message={formErrors(users.error, []).general} />
      <div className="table-wrap">
        <table className="table audit-table" data-testid="admin-users">
          <caption className="visually-hidden">{t('users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.name')}</th>
              <th scope="col">{t('columns.email')}</th>
              <th scope="col">{t('columns.workspaces')}</th>
              <th scope="col">{t('columns.security')}</th>
              <th scope="col">{t('columns.since')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <Cell label={t('columns.name')}>
                  {u.name}
                  {u.isOperator ? <span className="badge role-owner"> {t('users.operator')}</span> : null}
                </Cell>
                <Cell label={t('columns.email')}>{u.email}</Cell>
                <Cell label={t('columns.workspaces')}>{u.workspaces}</Cell>
                <Cell label={t('columns.security')}>
                  {[
                    u.emailVerified ? t('users.security.verified') : t('users.security.notVerified'),
                    u.twoFactorEnabled ? t('users.security.twoFactorOn') : t('users.security.twoFactorOff'),
                    u.deletionRequestedAt ? t('users.security.deletionRequested') : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Cell>
                <Cell label={t('columns.since')}>{formatCompactDateTime(u.createdAt)}</Cell>
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
  const { t } = useTranslation('admin');
  const workspaces = useAdminWorkspaces();
  const rows = workspaces.data?.pages.flatMap((p) => p.items) ?? [];
  if (workspaces.isPending) return <Loading label={t('workspaces.loading')} />;
  if (!rows.length) return <EmptyState title={t('workspaces.empty.title')}>{t('workspaces.empty.body')}</EmptyState>;
  return (
    <>
      <div className="table-wrap">
        <table className="table audit-table" data-testid="admin-workspaces">
          <caption className="visually-hidden">{t('workspaces.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.workspace')}</th>
              <th scope="col">{t('columns.members')}</th>
              <th scope="col">{t('columns.channels')}</th>
              <th scope="col">{t('columns.posts')}</th>
              <th scope="col">{t('columns.since')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr key={w.id}>
                <Cell label={t('columns.workspace')}>{w.name}</Cell>
                <Cell label={t('columns.members')}>{w.members}</Cell>
                <Cell label={t('columns.channels')}>{w.channels}</Cell>
                <Cell label={t('columns.posts')}>{w.posts}</Cell>
                <Cell label={t('columns.since')}>{formatCompactDateTime(w.createdAt)}</Cell>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore list={workspaces} />
    </>
  );
}

// Each named by `audit.filters.<family, or all>`.
const actionFilters = ['', 'auth.', 'post.', 'channel.', 'member.', 'workspace.', 'admin.'];

function Audit() {
  const { t } = useTranslation('admin');
  const [params, update] = useSearchParamsUpdate();
  const action = actionFilters.includes(params.get('action') ?? '') ? params.get('action')! : '';
  const audit = useAdminAudit(action);
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <div className="admin-filter">
        <SelectField label={t('audit.what')} value={action} data-testid="admin-audit-filter" onChange={(e) => update({ action: e.target.value || null }, true)}>
          {actionFilters.map((value) => (
            <option key={value} value={value}>
              {t(`audit.filters.${value.replace('.', '') || 'all'}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <FormError message={formErrors(audit.error, []).general} />
      {audit.isPending ? <Loading label={t('audit.loading')} /> : null}
      {audit.data && !rows.length ? <EmptyState title={t('audit.empty.title')}>{t('audit.empty.body')}</EmptyState> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table className="table audit-table" data-testid="admin-audit">
            <caption className="visually-hidden">{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.time')}</th>
                <th scope="col">{t('columns.who')}</th>
                <th scope="col">{t('columns.action')}</th>
                <th scope="col">{t('columns.workspace')}</th>
                <th scope="col">{t('columns.ip')}</th>
                <th scope="col">{t('columns.device')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} data-testid="admin-audit-row">
                  <Cell label={t('columns.time')}>{formatCompactDateTime(e.createdAt)}</Cell>
                  <Cell label={t('columns.who')}>{e.actorName ?? e.actorEmail ?? (e.actorUserId ? t('audit.formerAccount') : 'Herald')}</Cell>
                  <Cell label={t('columns.action')}>
                    <code>{e.action}</code>
                  </Cell>
                  <Cell label={t('columns.workspace')}>{e.workspaceName ?? <span className="muted">—</span>}</Cell>
                  <Cell label={t('columns.ip')}>{e.ip ?? '—'}</Cell>
                  <Cell label={t('columns.device')}>{shortUserAgent(e.userAgent)}</Cell>
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

// Each named by `tabs.<value>`.
const tabs = ['health', 'users', 'workspaces', 'audit'] as const;

/** The operator's view of the whole instance; read-only, and shown to nobody else. */
export function AdminPage() {
  const { t } = useTranslation('admin');
  const me = useSignedInUser();
  const [params, update] = useSearchParamsUpdate();
  const overview = useAdminOverview();
  if (!me.user.isOperator) return <Navigate to="/" replace />;
  const tab = tabs.find((value) => value === params.get('tab')) ?? 'health';
  return (
    <div className="page page-wide admin-page">
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <nav className="cal-views agency-tabs" aria-label={t('page.title')}>
        {tabs.map((value) => (
          <button key={value} type="button" className="cal-view-button" aria-current={tab === value ? 'page' : undefined} onClick={() => update({ tab: value === 'health' ? null : value })}>
            {t(`tabs.${value}`)}
          </button>
        ))}
      </nav>
      <section className="admin-section">
        {tab === 'health' ? (
          overview.isPending ? (
            <Loading label={t('page.loading')} />
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
