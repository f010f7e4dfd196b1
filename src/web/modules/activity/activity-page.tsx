import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { get } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { AuditEntry, MyWorkspace } from '../../api/types.ts';
import { FormError } from '../../components/form.tsx';
import { formatDateTime, shortUserAgent } from '../../components/format.ts';

const labels: Record<string, string> = {
  'user.signed_up': 'Signed up',
  'user.created': 'User created',
  'user.updated': 'Profile updated',
  'user.password_changed': 'Password changed',
  'user.password_reset_requested': 'Password reset requested',
  'user.password_reset': 'Password reset',
  'user.two_factor_enabled': 'Two-factor set up',
  'user.two_factor_verified': 'Two-factor confirmed',
  'user.two_factor_disabled': 'Two-factor turned off',
  'auth.signed_in': 'Signed in',
  'auth.signed_out': 'Signed out',
  'auth.sign_in_failed': 'Failed sign-in',
  'auth.second_factor_requested': 'Second factor requested',
  'session.revoked': 'Session revoked',
  'workspace.created': 'Workspace created',
  'workspace.updated': 'Workspace changed',
  'workspace.deleted': 'Workspace deleted',
  'workspace.ownership_transferred': 'Ownership transferred',
  'member.invited': 'Member invited',
  'member.reinvited': 'Invitation renewed',
  'member.joined': 'Member joined',
  'member.removed': 'Member removed',
  'member.role_changed': 'Role changed',
  'invitation.canceled': 'Invitation canceled',
  'invitation.rejected': 'Invitation declined',
  'access_log.purged': 'Access log purged',
};

const filters = [
  ['', 'Everything'],
  ['auth.', 'Sign-ins'],
  ['member.', 'Members'],
  ['workspace.', 'Workspace'],
  ['user.', 'Accounts'],
] as const;

function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `{ role: { from, to } }` reads as "role: editor → admin"; other values as "key: value". */
export function describeChanges(changes: Record<string, unknown> | null): string[] {
  if (!changes) return [];
  return Object.entries(changes).map(([key, value]) => {
    if (value && typeof value === 'object' && 'to' in value) {
      const { from, to } = value as { from: unknown; to: unknown };
      return from === null || from === undefined ? `${key}: ${show(to)}` : `${key}: ${show(from)} → ${show(to)}`;
    }
    return `${key}: ${show(value)}`;
  });
}

export function ActivityPage({ workspace }: { workspace: MyWorkspace }) {
  const [action, setAction] = useState('');
  const audit = useInfiniteQuery({
    queryKey: keys.audit(workspace.id, action),
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      get<{ items: AuditEntry[]; nextCursor: string | null }>(
        `/api/v1/workspaces/${workspace.id}/audit?limit=50${pageParam ? `&cursor=${pageParam}` : ''}${action ? `&action=${encodeURIComponent(action)}` : ''}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="panel">
      <div className="panel-head">
        <div>
          <h1>Activity</h1>
          <p className="muted">Every change in {workspace.name} and its members’ sign-ins. This log cannot be edited or deleted.</p>
        </div>
        <div className="field inline">
          <label htmlFor="activity-filter">Show</label>
          <select id="activity-filter" value={action} onChange={(e) => setAction(e.target.value)}>
            {filters.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormError error={audit.error} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className="nowrap">{formatDateTime(row.createdAt)}</td>
                <td>
                  {row.actorName ?? '—'}
                  {row.actorEmail ? <div className="muted small">{row.actorEmail}</div> : null}
                </td>
                <td>
                  {labels[row.action] ?? row.action}
                  <div className="muted small">
                    <code>{row.action}</code>
                  </div>
                </td>
                <td>
                  {describeChanges(row.changes).map((line) => (
                    <div key={line} className="small">
                      {line}
                    </div>
                  ))}
                </td>
                <td className="small">
                  {row.ip ?? '—'}
                  <div className="muted" title={row.userAgent ?? undefined}>
                    {shortUserAgent(row.userAgent)}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {audit.isPending ? <p aria-busy="true">Loading…</p> : null}
      {!audit.isPending && rows.length === 0 ? <p className="muted">Nothing recorded yet.</p> : null}
      {audit.hasNextPage ? (
        <button className="btn" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          Load more
        </button>
      ) : null}
    </section>
  );
}
