import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Me, Member, MyWorkspace } from '../../api/types.ts';
import { Field, FormError, Notice, fieldError } from '../../components/form.tsx';
import { lastWorkspace } from '../../components/shell.tsx';

/** `/`: the last workspace used, else the first, else onboarding. */
export function HomeRedirect({ me }: { me: Me }) {
  const last = lastWorkspace();
  const target = me.workspaces.find((w) => w.id === last) ?? me.workspaces[0];
  return <Navigate to={target ? `/w/${target.id}/members` : '/new-workspace'} replace />;
}

export function NewWorkspacePage({ me }: { me: Me }) {
  const [name, setName] = useState('');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => post<{ id: string }>('/api/v1/workspaces', { name: name.trim() }),
    onSuccess: async (workspace) => {
      await queryClient.invalidateQueries({ queryKey: keys.me });
      navigate(`/w/${workspace.id}/members`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const first = me.workspaces.length === 0;
  return (
    <section className="panel narrow">
      <h1>{first ? `Welcome, ${me.user.name}` : 'New workspace'}</h1>
      <p className="muted">
        {first
          ? 'Create your first workspace. Agencies usually make one per client or brand; you can add more at any time.'
          : 'A workspace holds one client’s or brand’s channels, posts and team.'}
      </p>
      <form onSubmit={submit} noValidate>
        <Field label="Workspace name" placeholder="e.g. Acme Coffee" value={name} onChange={(e) => setName(e.target.value)} error={fieldError(create.error, 'name')} autoFocus />
        <FormError error={create.error && !fieldError(create.error, 'name') ? create.error : null} />
        <button className="btn btn-primary" disabled={create.isPending}>
          Create workspace
        </button>
      </form>
    </section>
  );
}

export function NotAMember() {
  return (
    <section className="panel narrow">
      <h1>Workspace not found</h1>
      <p>It does not exist, or you are not a member. Pick another one in the switcher above.</p>
    </section>
  );
}

export function SettingsPage({ workspace }: { workspace: MyWorkspace }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState(workspace.name);
  const [confirmName, setConfirmName] = useState('');
  const [newOwner, setNewOwner] = useState('');
  const canRename = workspace.permissions.includes('workspace.update');
  const isOwner = workspace.permissions.includes('workspace.delete');
  const members = useQuery({ queryKey: keys.members(workspace.id), queryFn: () => get<{ items: Member[] }>(`/api/v1/workspaces/${workspace.id}/members`), enabled: isOwner });

  const rename = useMutation({
    mutationFn: () => patch(`/api/v1/workspaces/${workspace.id}`, { name: name.trim() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.me }),
  });
  const transfer = useMutation({
    mutationFn: () => post(`/api/v1/workspaces/${workspace.id}/transfer`, { memberId: newOwner }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      setNewOwner('');
    },
  });
  const remove = useMutation({
    mutationFn: () => del(`/api/v1/workspaces/${workspace.id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.me });
      navigate('/', { replace: true });
    },
  });

  return (
    <div className="stack">
      <section className="panel">
        <h1>Workspace settings</h1>
        {canRename ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              rename.mutate();
            }}
            noValidate
          >
            <Field label="Workspace name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError(rename.error, 'name')} />
            <FormError error={rename.error && !fieldError(rename.error, 'name') ? rename.error : null} />
            {rename.isSuccess ? <Notice tone="success">Saved.</Notice> : null}
            <button className="btn btn-primary" disabled={rename.isPending || name.trim() === workspace.name}>
              Save name
            </button>
          </form>
        ) : (
          <p>
            <strong>{workspace.name}</strong> — your role does not allow changing settings.
          </p>
        )}
      </section>
      {isOwner ? (
        <>
          <section className="panel">
            <h2>Transfer ownership</h2>
            <p className="muted">The new owner gets every right; you stay as an admin.</p>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                transfer.mutate();
              }}
            >
              <div className="field">
                <label htmlFor="new-owner">New owner</label>
                <select id="new-owner" value={newOwner} onChange={(e) => setNewOwner(e.target.value)}>
                  <option value="">Choose a member</option>
                  {(members.data?.items ?? [])
                    .filter((m) => m.role !== 'owner')
                    .map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name} ({m.email})
                      </option>
                    ))}
                </select>
              </div>
              <FormError error={transfer.error} />
              <button className="btn" disabled={!newOwner || transfer.isPending}>
                Transfer ownership
              </button>
            </form>
          </section>
          <section className="panel danger-zone">
            <h2>Delete workspace</h2>
            <p>This deletes the workspace and everything in it for every member. It cannot be undone.</p>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                remove.mutate();
              }}
            >
              <Field label={`Type "${workspace.name}" to confirm`} value={confirmName} onChange={(e) => setConfirmName(e.target.value)} />
              <FormError error={remove.error} />
              <button className="btn btn-danger" disabled={confirmName !== workspace.name || remove.isPending}>
                Delete workspace
              </button>
            </form>
          </section>
        </>
      ) : null}
    </div>
  );
}
