import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post } from '../../api/client.ts';
import { keys, useInstance, useMe } from '../../api/queries.ts';
import type { Invitation, Member, MyWorkspace } from '../../api/types.ts';
import { assignableRoles, roleDescriptions, type Role } from '../../../shared/permissions.ts';
import { Field, FormError, Notice, fieldError } from '../../components/form.tsx';
import { formatDateTime, roleLabel } from '../../components/format.ts';

function InviteForm({ workspace, roles }: { workspace: MyWorkspace; roles: Role[] }) {
  const queryClient = useQueryClient();
  const instance = useInstance();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [copied, setCopied] = useState(false);
  const invite = useMutation({
    mutationFn: () => post<Invitation & { link: string }>(`/api/v1/workspaces/${workspace.id}/invitations`, { email: email.trim(), role }),
    onSuccess: async () => {
      setEmail('');
      setCopied(false);
      await queryClient.invalidateQueries({ queryKey: keys.invitations(workspace.id) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <div className="invite">
      <form onSubmit={submit} noValidate className="invite-form">
        <Field label="Email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(invite.error, 'email')} />
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)} aria-describedby="invite-role-note">
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
          <p className="field-hint" id="invite-role-note">
            {roleDescriptions[role]}
          </p>
        </div>
        <FormError error={invite.error && !fieldError(invite.error, 'email') ? invite.error : null} />
        <button className="btn btn-primary" disabled={invite.isPending}>
          Send invitation
        </button>
      </form>
      {instance.data?.mailTransport === 'log' ? (
        <Notice tone="warn">No mail server is configured: invitation e-mails are written to the server log. Copy the link below and send it yourself.</Notice>
      ) : null}
      {invite.data ? (
        <div className="invite-link">
          <Notice tone="success">
            Invitation sent to {invite.data.email} as {roleLabel(invite.data.role)}. It is valid for 7 days.
          </Notice>
          <label htmlFor="invitation-link">Invitation link</label>
          <div className="copy-row">
            <input id="invitation-link" data-testid="invitation-link" readOnly value={invite.data.link} onFocus={(e) => e.target.select()} />
            <button
              type="button"
              className="btn"
              onClick={() => {
                void navigator.clipboard?.writeText(invite.data.link).then(() => setCopied(true));
              }}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

export function MembersPage({ workspace }: { workspace: MyWorkspace }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const canManage = workspace.permissions.includes('members.manage');
  const [showInvite, setShowInvite] = useState(false);
  const members = useQuery({ queryKey: keys.members(workspace.id), queryFn: () => get<{ items: Member[] }>(`/api/v1/workspaces/${workspace.id}/members`) });
  const invitations = useQuery({
    queryKey: keys.invitations(workspace.id),
    queryFn: () => get<{ items: Invitation[] }>(`/api/v1/workspaces/${workspace.id}/invitations`),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['workspaces', workspace.id] });
  const changeRole = useMutation({
    mutationFn: (v: { memberId: string; role: string }) => patch(`/api/v1/workspaces/${workspace.id}/members/${v.memberId}`, { role: v.role }),
    onSettled: refresh,
  });
  const removeMember = useMutation({ mutationFn: (memberId: string) => del(`/api/v1/workspaces/${workspace.id}/members/${memberId}`), onSettled: refresh });
  const cancelInvite = useMutation({ mutationFn: (id: string) => del(`/api/v1/workspaces/${workspace.id}/invitations/${id}`), onSettled: refresh });
  const roles = assignableRoles(workspace.role);

  return (
    <div className="stack">
      <section className="panel">
        <div className="panel-head">
          <div>
            <h1>Members</h1>
            <p className="muted">
              {workspace.name} · you are {roleLabel(workspace.role).toLowerCase()}
            </p>
          </div>
          {canManage ? (
            <button className="btn btn-primary" data-testid="invite-member-button" aria-expanded={showInvite} onClick={() => setShowInvite(!showInvite)}>
              Invite member
            </button>
          ) : null}
        </div>
        {canManage && showInvite ? <InviteForm workspace={workspace} roles={roles} /> : null}
        <FormError error={changeRole.error ?? removeMember.error} />
        {members.isPending ? <p aria-busy="true">Loading members…</p> : null}
        <FormError error={members.error} />
        <ul className="list" aria-label="Members">
          {members.data?.items.map((m) => (
            <li key={m.id} className="list-row">
              <span className="avatar" aria-hidden="true">
                {m.name.slice(0, 1).toUpperCase()}
              </span>
              <div className="grow">
                <div className="strong">
                  {m.name}
                  {m.userId === me.data?.user.id ? <span className="tag">you</span> : null}
                </div>
                <div className="muted small">{m.email}</div>
              </div>
              {canManage && m.role !== 'owner' ? (
                <>
                  <label className="visually-hidden" htmlFor={`role-${m.id}`}>
                    Role of {m.name}
                  </label>
                  <select id={`role-${m.id}`} value={m.role} onChange={(e) => changeRole.mutate({ memberId: m.id, role: e.target.value })}>
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {roleLabel(r)}
                      </option>
                    ))}
                  </select>
                  <button
                    className="btn btn-quiet"
                    onClick={() => {
                      if (window.confirm(`Remove ${m.name} from ${workspace.name}?`)) removeMember.mutate(m.id);
                    }}
                  >
                    Remove
                  </button>
                </>
              ) : (
                <span className={`badge role-${m.role}`}>{roleLabel(m.role)}</span>
              )}
            </li>
          ))}
        </ul>
      </section>
      {invitations.data && invitations.data.items.length > 0 ? (
        <section className="panel">
          <h2>Pending invitations</h2>
          <ul className="list" aria-label="Pending invitations">
            {invitations.data.items.map((i) => (
              <li key={i.id} className="list-row">
                <div className="grow">
                  <div className="strong">{i.email}</div>
                  <div className="muted small">
                    {roleLabel(i.role)} · invited by {i.inviterName} · expires {formatDateTime(i.expiresAt)}
                  </div>
                </div>
                {canManage ? (
                  <button className="btn btn-quiet" onClick={() => cancelInvite.mutate(i.id)}>
                    Cancel
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
