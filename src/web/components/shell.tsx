import { useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink, Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { post } from '../api/client.ts';
import { useMe } from '../api/queries.ts';
import type { Me, MyWorkspace } from '../api/types.ts';
import { roleLabel } from './format.ts';

const LAST_WORKSPACE = 'herald.lastWorkspace';

export const rememberWorkspace = (id: string) => localStorage.setItem(LAST_WORKSPACE, id);
export const lastWorkspace = () => localStorage.getItem(LAST_WORKSPACE);

/** Renders its children only for a signed-in user; otherwise sends them to sign in and back. */
export function RequireUser({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <div className="loading" aria-busy="true">Loading…</div>;
  if (me.isError) return <div className="loading">Herald cannot be reached: {me.error.message}</div>;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children(me.data)}</>;
}

function WorkspaceSwitcher({ workspaces, current }: { workspaces: MyWorkspace[]; current?: MyWorkspace }) {
  const navigate = useNavigate();
  return (
    <div className="switcher">
      <label htmlFor="workspace-switcher" className="visually-hidden">
        Workspace
      </label>
      <select
        id="workspace-switcher"
        data-testid="workspace-switcher"
        value={current?.id ?? ''}
        onChange={(e) => navigate(e.target.value === '__new' ? '/new-workspace' : `/w/${e.target.value}/members`)}
      >
        {!current ? <option value="">Choose a workspace</option> : null}
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name} · {roleLabel(w.role)}
          </option>
        ))}
        <option value="__new">+ New workspace</option>
      </select>
    </div>
  );
}

export function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const { workspaceId } = useParams();
  // Pages outside a workspace (Profile) keep the last one in the switcher and the navigation.
  const current = me.workspaces.find((w) => w.id === (workspaceId ?? lastWorkspace()));
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (current) rememberWorkspace(current.id);
  }, [current]);

  const signOut = async () => {
    await post('/api/auth/sign-out').catch(() => undefined);
    queryClient.clear();
    navigate('/login');
  };

  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            H
          </span>{' '}
          Herald
        </Link>
        <WorkspaceSwitcher workspaces={me.workspaces} current={current} />
        <button className="btn menu-button" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpen(!open)}>
          Menu
        </button>
        <nav id="main-nav" className={open ? 'nav open' : 'nav'} aria-label="Main">
          {current ? (
            <>
              <NavLink to={`/w/${current.id}/channels`}>Channels</NavLink>
              <NavLink to={`/w/${current.id}/members`}>Members</NavLink>
              {current.permissions.includes('audit.read') ? <NavLink to={`/w/${current.id}/activity`}>Activity</NavLink> : null}
              <NavLink to={`/w/${current.id}/settings`}>Settings</NavLink>
            </>
          ) : null}
          <NavLink to="/profile">Profile</NavLink>
          <button className="btn-link nav-signout" onClick={() => void signOut()}>
            Sign out
          </button>
        </nav>
      </header>
      <main className="content">{children}</main>
      <footer className="footer">
        Signed in as {me.user.email}
        {me.user.isOperator ? ' · operator' : ''} · <a href="/api/docs">API documentation</a>
      </footer>
    </div>
  );
}

/** Resolves the workspace in the URL from the user's list; unknown ids get a clear page. */
export function useCurrentWorkspace(me: Me): MyWorkspace | undefined {
  const { workspaceId } = useParams();
  return me.workspaces.find((w) => w.id === workspaceId);
}
