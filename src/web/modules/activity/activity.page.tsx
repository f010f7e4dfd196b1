import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FormError } from '../../components/feedback.tsx';
import { SelectField } from '../../components/field.tsx';
import { formErrors } from '../../components/form-errors.ts';
import { formatCompactDateTime, formatDateTime, relativeTime, shortUserAgent } from '../../components/format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, Loading } from '../../components/status.tsx';
import { useWorkspace } from '../workspaces/workspace-route.tsx';
import { useAuditLog, type AuditEntry } from './activity.api.ts';
import { actionFamily, actionFilters, actionLabels, describeChanges, isFailure } from './audit-format.ts';

/** One child per cell, so the phone layout can put the column's label beside it. */
function Cell({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td data-label={label} className={className}>
      <div>{children}</div>
    </td>
  );
}

function AuditRow({ row }: { row: AuditEntry }) {
  const changes = describeChanges(row.changes);
  return (
    <tr data-testid="activity-row">
      <Cell label="Time">
        <time dateTime={row.createdAt} title={`${formatDateTime(row.createdAt)} (${relativeTime(row.createdAt)})`}>
          {formatCompactDateTime(row.createdAt)}
        </time>
      </Cell>
      <Cell label="Actor">
        {row.actorName || row.actorEmail ? (
          <>
            <div>{row.actorName || row.actorEmail}</div>
            {row.actorName && row.actorEmail ? <div className="muted small">{row.actorEmail}</div> : null}
          </>
        ) : (
          <span className="muted" title="Herald itself, or someone not signed in">
            —
          </span>
        )}
      </Cell>
      <Cell label="Action">
        <span className={`action-dot family-${actionFamily(row.action)}${isFailure(row.action) ? ' is-failure' : ''}`} aria-hidden="true" />
        {actionLabels[row.action] ?? row.action}
        <div>
          <code className="code-chip">{row.action}</code>
        </div>
      </Cell>
      <Cell label="Entity">
        {row.entityType}
        {row.entityId ? (
          <div className="muted small mono" title={row.entityId}>
            {row.entityId.length > 10 ? `${row.entityId.slice(0, 8)}…` : row.entityId}
          </div>
        ) : null}
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
  const [params, setParams] = useSearchParams();
  const action = params.get('action') ?? '';
  const audit = useAuditLog(workspace.id, action);
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const known = action in actionLabels || actionFilters.some((f) => f.value === action);

  return (
    <div className="page page-wide">
      <PageHeader
        title="Activity"
        description={<>Every change in {workspace.name} and its members’ sign-ins, newest first. The log is append-only: nobody can edit or delete it.</>}
      />
      <section className="card">
        <div className="toolbar">
          <SelectField label="Show" value={action} data-testid="activity-filter" onChange={(e) => setParams(e.target.value ? { action: e.target.value } : {}, { replace: true })}>
            {actionFilters.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
            {!known ? <option value={action}>{actionLabels[action] ?? action}</option> : null}
            {/* Labels only: the raw codes stay in the table, where they are searchable on the page. */}
            <optgroup label="One action">
              {Object.entries(actionLabels)
                .filter(([code]) => !actionFilters.some((f) => f.value === code))
                .map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
            </optgroup>
          </SelectField>
          {audit.data ? (
            <p className="muted small toolbar-count" aria-live="polite">
              {rows.length} event{rows.length === 1 ? '' : 's'}
              {audit.hasNextPage ? ' so far' : ''}
            </p>
          ) : null}
        </div>
        <FormError message={formErrors(audit.error, []).general} />
        {audit.isPending ? <Loading label="Loading activity…" /> : null}
        {audit.data && rows.length === 0 ? (
          <EmptyState title="Nothing here yet">{action ? 'No event matches this filter.' : 'Changes and sign-ins will appear here.'}</EmptyState>
        ) : null}
        {rows.length ? (
          <div className="table-wrap">
            <table className="table audit-table" data-testid="activity-table">
              <caption className="visually-hidden">Audit log of {workspace.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Entity</th>
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
