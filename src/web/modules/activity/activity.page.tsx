import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSearchParamsUpdate } from '../../components/use-search-params-update.ts';
import { FormError } from '../../components/feedback.tsx';
import { Field, SelectField } from '../../components/field.tsx';
import { networkLabel } from '../../components/networks.ts';
import { formErrors } from '../../components/form-errors.ts';
import { formatCompactDateTime, formatDateTime, relativeTime, shortUserAgent } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useWorkspace } from '../workspaces/workspace-route.tsx';
import { useAuditLog, type AuditEntry } from './activity.api.ts';
import { useMembers } from '../members/members.api.ts';
import { userTimeZone } from '../posts/post-state.tsx';
import './activity.css';
import { actionFamily, actionLabel, actorLabel, dayToInstant, describeChanges, entityTypeLabel, isFailure, kindFilters, kindLabel } from './audit-format.ts';

/** One child per cell, so the phone layout can put the column's label beside it. */
function Cell({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td data-label={label} className={className}>
      <div>{children}</div>
    </td>
  );
}

/** The entity by its name, as a link to its page while it exists; never its id. */
function EntityName({ row }: { row: AuditEntry }) {
  const { t } = useTranslation('activity');
  const type = entityTypeLabel(t, row.entityType);
  const entity = row.entity;
  if (!entity) return <span className="muted">{row.entityType === 'user' ? t('entities.theirAccount') : type}</span>;
  const name = entity.type === 'post' || entity.type === 'comment' || entity.type === 'delivery' ? t('entities.quoted', { name: entity.name }) : entity.name;
  return (
    <span className="audit-entity">
      <span className="muted small">{type} </span>
      {entity.link ? (
        <Link to={entity.link} data-testid="activity-entity-link">
          {name}
        </Link>
      ) : (
        <span className={entity.gone ? 'muted' : undefined}>{name}</span>
      )}
      {entity.network ? <span className="muted small"> {t('entities.onNetwork', { network: networkLabel(entity.network) })}</span> : null}
    </span>
  );
}

function AuditRow({ row }: { row: AuditEntry }) {
  const { t } = useTranslation('activity');
  const changes = describeChanges(t, row.changes, row.names);
  return (
    <tr data-testid="activity-row">
      <Cell label={t('columns.time')}>
        <time dateTime={row.createdAt} title={`${formatDateTime(row.createdAt)} (${relativeTime(row.createdAt)})`}>
          {formatCompactDateTime(row.createdAt)}
        </time>
      </Cell>
      <Cell label={t('columns.who')}>
        {row.actorName || row.actorEmail ? (
          <>
            <div>{row.actorName || row.actorEmail}</div>
            {row.actorName && row.actorEmail ? <div className="muted small">{row.actorEmail}</div> : null}
          </>
        ) : (
          <span className="muted" title={t('actor.hint')}>
            {actorLabel(t, row)}
          </span>
        )}
      </Cell>
      <Cell label={t('columns.what')}>
        <span className={`action-dot family-${actionFamily(row.action)}${isFailure(row.action) ? ' is-failure' : ''}`} aria-hidden="true" />
        <span title={row.action}>{actionLabel(t, row.action)}</span>
      </Cell>
      <Cell label={t('columns.about')}>
        <EntityName row={row} />
      </Cell>
      <Cell label={t('columns.changes')}>
        {changes.length ? (
          <ul className="changes">
            {changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <span className="muted">—</span>
        )}
      </Cell>
      <Cell label={t('columns.ip')} className="mono small">
        {row.ip ?? '—'}
      </Cell>
      <Cell label={t('columns.device')} className="small">
        <span title={row.userAgent ?? undefined}>{row.userAgent ? shortUserAgent(row.userAgent) : '—'}</span>
      </Cell>
    </tr>
  );
}

export function ActivityPage() {
  const { t } = useTranslation('activity');
  const workspace = useWorkspace();
  const [params, updateParams] = useSearchParamsUpdate();
  const members = useMembers(workspace.id).data?.items ?? [];
  const kind = params.get('kind') ?? '';
  const who = params.get('who') ?? '';
  const fromDay = params.get('from') ?? '';
  const toDay = params.get('to') ?? '';
  // Older links filter by action code (?action=member.); they keep working.
  const action = kind === 'signins' ? 'auth.' : (params.get('action') ?? '');
  const audit = useAuditLog(workspace.id, {
    action,
    kind: kind === 'signins' ? '' : kind,
    actorUserId: who,
    from: dayToInstant(fromDay),
    to: dayToInstant(toDay, true),
  });
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = !!(kind || who || fromDay || toDay || action);
  // A new kind replaces an older link's action filter.
  const setFilter = (key: string, value: string) => updateParams({ [key]: value, ...(key === 'kind' ? { action: null } : {}) }, true);

  return (
    <div className="page page-wide">
      <PageHeader
        title={t('page.title')}
        description={t('page.description', { workspace: workspace.name, zone: userTimeZone() })}
      />
      <section className="card">
        <form className="activity-filters" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
          <SelectField label={t('filters.who')} value={who} data-testid="activity-who" onChange={(e) => setFilter('who', e.target.value)}>
            <option value="">{t('filters.anyone')}</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('filters.what')} value={kind} data-testid="activity-filter" onChange={(e) => setFilter('kind', e.target.value)}>
            {kindFilters.map((value) => (
              <option key={value} value={value}>
                {kindLabel(t, value)}
              </option>
            ))}
          </SelectField>
          <Field label={t('filters.from')} type="date" value={fromDay} max={toDay || undefined} onChange={(e) => setFilter('from', e.target.value)} />
          <Field label={t('filters.to')} type="date" value={toDay} min={fromDay || undefined} onChange={(e) => setFilter('to', e.target.value)} />
          {filtered ? (
            <button type="button" className="btn btn-ghost btn-sm activity-clear" onClick={() => updateParams({ kind: null, who: null, from: null, to: null, action: null }, true)}>
              {t('filters.clear')}
            </button>
          ) : null}
        </form>
        {audit.data ? (
          <p className="muted small toolbar-count" aria-live="polite">
            {audit.hasNextPage ? t('count.soFar', { count: rows.length }) : t('count.events', { count: rows.length })}
            {action && !kind ? ` · ${t('count.only', { action: actionLabel(t, action) })}` : ''}
          </p>
        ) : null}
        <FormError message={formErrors(audit.error, []).general} />
        {audit.isPending ? <Loading label={t('page.loading')} /> : null}
        {audit.data && rows.length === 0 ? (
          <EmptyState title={filtered ? t('empty.filteredTitle') : t('empty.title')}>{filtered ? t('empty.filteredBody') : t('empty.body')}</EmptyState>
        ) : null}
        {rows.length ? (
          <div className="table-wrap">
            <table className="table audit-table" data-testid="activity-table">
              <caption className="visually-hidden">{t('page.caption', { workspace: workspace.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('columns.time')}</th>
                  <th scope="col">{t('columns.who')}</th>
                  <th scope="col">{t('columns.what')}</th>
                  <th scope="col">{t('columns.about')}</th>
                  <th scope="col">{t('columns.changes')}</th>
                  <th scope="col">{t('columns.ip')}</th>
                  <th scope="col">{t('columns.device')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <AuditRow key={row.id} row={row} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {audit.hasNextPage ? (
          <div className="load-more">
            <button type="button" className="btn" data-testid="load-more-activity" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
              {audit.isFetchingNextPage ? t('page.loadingMore') : t('page.more')}
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
