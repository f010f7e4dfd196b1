import type { ReactNode } from 'react';
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
import { actionFamily, actionLabels, actorLabel, dayToInstant, describeChanges, entityTypeLabels, isFailure, kindFilters } from './audit-format.ts';

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
  const type = entityTypeLabels[row.entityType] ?? row.entityType.replace(/_/g, ' ');
  const entity = row.entity;
  if (!entity) return <span className="muted">{row.entityType === 'user' ? 'Their account' : type}</span>;
  const name = entity.type === 'post' || entity.type === 'comment' || entity.type === 'delivery' ? `“${entity.name}”` : entity.name;
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
      {entity.network ? <span className="muted small"> on {networkLabel(entity.network)}</span> : null}
    </span>
  );
}

function AuditRow({ row }: { row: AuditEntry }) {
  const changes = describeChanges(row.changes, row.names);
  return (
    <tr data-testid="activity-row">
      <Cell label="Time">
        <time dateTime={row.createdAt} title={`${formatDateTime(row.createdAt)} (${relativeTime(row.createdAt)})`}>
          {formatCompactDateTime(row.createdAt)}
        </time>
      </Cell>
      <Cell label="Who">
        {row.actorName || row.actorEmail ? (
          <>
            <div>{row.actorName || row.actorEmail}</div>
            {row.actorName && row.actorEmail ? <div className="muted small">{row.actorEmail}</div> : null}
          </>
        ) : (
          <span className="muted" title="Herald itself, someone not signed in, or a deleted account">
            {actorLabel(row)}
          </span>
        )}
      </Cell>
      <Cell label="What">
        <span className={`action-dot family-${actionFamily(row.action)}${isFailure(row.action) ? ' is-failure' : ''}`} aria-hidden="true" />
        <span title={row.action}>{actionLabels[row.action] ?? row.action}</span>
      </Cell>
      <Cell label="About">
        <EntityName row={row} />
      </Cell>
      <Cell label="Changes">
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
      <Cell label="IP" className="mono small">
        {row.ip ?? '—'}
      </Cell>
      <Cell label="Device" className="small">
        <span title={row.userAgent ?? undefined}>{row.userAgent ? shortUserAgent(row.userAgent) : '—'}</span>
      </Cell>
    </tr>
  );
}

export function ActivityPage() {
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
        title="Activity"
        description={<>Every change in {workspace.name} and its members’ sign-ins, newest first, in your time zone ({userTimeZone()}). The log is append-only: nobody can edit or delete it.</>}
      />
      <section className="card">
        <form className="activity-filters" aria-label="Filter the activity" onSubmit={(e) => e.preventDefault()}>
          <SelectField label="Who" value={who} data-testid="activity-who" onChange={(e) => setFilter('who', e.target.value)}>
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="What" value={kind} data-testid="activity-filter" onChange={(e) => setFilter('kind', e.target.value)}>
            {kindFilters.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </SelectField>
          <Field label="From" type="date" value={fromDay} max={toDay || undefined} onChange={(e) => setFilter('from', e.target.value)} />
          <Field label="To" type="date" value={toDay} min={fromDay || undefined} onChange={(e) => setFilter('to', e.target.value)} />
          {filtered ? (
            <button type="button" className="btn btn-ghost btn-sm activity-clear" onClick={() => updateParams({ kind: null, who: null, from: null, to: null, action: null }, true)}>
              Clear filters
            </button>
          ) : null}
        </form>
        {audit.data ? (
          <p className="muted small toolbar-count" aria-live="polite">
            {rows.length} event{rows.length === 1 ? '' : 's'}
            {audit.hasNextPage ? ' so far' : ''}
            {action && !kind ? ` · only “${actionLabels[action] ?? action}”` : ''}
          </p>
        ) : null}
        <FormError message={formErrors(audit.error, []).general} />
        {audit.isPending ? <Loading label="Loading activity…" /> : null}
        {audit.data && rows.length === 0 ? (
          <EmptyState title={filtered ? 'No matching activity' : 'Nothing here yet'}>{filtered ? 'No event matches these filters: widen the dates or clear the filters.' : 'Changes and sign-ins will appear here.'}</EmptyState>
        ) : null}
        {rows.length ? (
          <div className="table-wrap">
            <table className="table audit-table" data-testid="activity-table">
              <caption className="visually-hidden">Audit log of {workspace.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">About</th>
                  <th scope="col">Changes</th>
                  <th scope="col">IP</th>
                  <th scope="col">Device</th>
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
              {audit.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}
