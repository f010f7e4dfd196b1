import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useMatch, useNavigate } from 'react-router-dom';
import { useSignOut, type MyWorkspace } from '../modules/auth/auth.api.ts';
import { useSignedInUser } from '../modules/auth/require-user.tsx';
import { lastWorkspace } from '../modules/workspaces/last-workspace.ts';
import { WorkspaceSwitcher } from '../modules/workspaces/workspace-switcher.tsx';
import { useUnreadCount } from '../modules/notifications/notifications.api.ts';
import { Avatar } from './avatar.tsx';
import { Brand } from './brand.tsx';
import { ActivityIcon, AlertIcon, AnalyticsIcon, BellIcon, CalendarIcon, ChannelsIcon, DraftsIcon, IdeasIcon, CloseIcon, ComposeIcon, DocsIcon,
  KeyIcon, MembersIcon, MenuIcon, ProfileIcon, SettingsIcon, SignOutIcon } from './icons.tsx';
import { useNeedsAttention } from '../modules/posts/posts.api.ts';
import { QueueIcon } from '../modules/queue/queue-icons.tsx';
import { FeedIcon } from '../modules/feeds/feed-icon.tsx';
import { BulkIcon } from '../modules/bulk-csv/bulk-icon.tsx';
import { SnippetIcon } from '../modules/snippets/snippet-icon.tsx';
import { MediaIcon } from '../modules/media-library/media-icon.tsx';
import { useMediaQuery } from './use-media-query.ts';
import { AllWorkspacesIcon } from '../modules/agency/agency-icon.tsx';

function Sidebar({ current, drawer, onClose }: { current: MyWorkspace | undefined; drawer: boolean; onClose: () => void }) {
  const me = useSignedInUser();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const unread = useUnreadCount().data ?? 0;
  const attention = useNeedsAttention(current?.permissions.includes('posts.read') ? current.id : undefined).data?.count ?? 0;
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (drawer) closeButton.current?.focus();
  }, [drawer]);
  const base = current ? `/w/${current.id}` : null;
  return (
    <aside id="sidebar" className={drawer ? 'sidebar drawer' : 'sidebar'} aria-label="Navigation">
      <div className="sidebar-top">
        <Brand to="/" />
        {drawer ? (
          <button ref={closeButton} type="button" className="btn btn-ghost btn-icon" aria-label="Close menu" onClick={onClose}>
            <CloseIcon />
          </button>
        ) : null}
      </div>
      <WorkspaceSwitcher current={current} />
      <nav className="nav" aria-label="Main">
        {me.workspaces.length > 1 ? (
          <NavLink to="/agency" data-testid="all-workspaces-link">
            <AllWorkspacesIcon /> All workspaces
          </NavLink>
        ) : null}
        {base && current ? (
          <>
            <p className="nav-heading">Posts</p>
            {current.permissions.includes('posts.edit') ? (
              <NavLink to={`${base}/compose`}>
                <ComposeIcon /> New post
              </NavLink>
            ) : null}
            <NavLink to={`${base}/calendar`}>
              <CalendarIcon /> Calendar
            </NavLink>
            <NavLink to={`${base}/queue`}>
              <QueueIcon /> Queue
            </NavLink>
            <NavLink to={`${base}/drafts`}>
              <DraftsIcon /> Drafts
            </NavLink>
            <NavLink to={`${base}/ideas`}>
              <IdeasIcon /> Ideas
            </NavLink>
            <NavLink to={`${base}/feeds`}>
              <FeedIcon /> Feeds
            </NavLink>
            <NavLink to={`${base}/media`}>
              <MediaIcon /> Media library
            </NavLink>
            <NavLink to={`${base}/bulk`}>
              <BulkIcon /> Bulk import
            </NavLink>
            <NavLink to={`${base}/snippets`}>
              <SnippetIcon /> Snippets
            </NavLink>
            <NavLink to={`${base}/analytics`}>
              <AnalyticsIcon /> Analytics
            </NavLink>
            <NavLink to={`${base}/attention`} aria-label={attention ? `Needs attention, ${attention}` : 'Needs attention'}>
              <AlertIcon /> Needs attention{' '}
              {attention ? (
                <span className="nav-count nav-count-alert" data-testid="attention-count">
                  {attention}
                </span>
              ) : null}
            </NavLink>
            <p className="nav-heading">Workspace</p>
            <NavLink to={`${base}/channels`}>
              <ChannelsIcon /> Channels
            </NavLink>
            <NavLink to={`${base}/members`}>
              <MembersIcon /> Members
            </NavLink>
            {current.permissions.includes('audit.read') ? (
              <NavLink to={`${base}/activity`}>
                <ActivityIcon /> Activity
              </NavLink>
            ) : null}
            <NavLink to={`${base}/settings`}>
              <SettingsIcon /> Settings
            </NavLink>
            {current.permissions.includes('settings.manage') ? (
              <NavLink to={`${base}/developers`}>
                <KeyIcon /> API and webhooks
              </NavLink>
            ) : null}
          </>
        ) : null}
        <p className="nav-heading">Account</p>
        <NavLink to="/notifications" aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}>
          {/* The space keeps "Notifications 2" two words, as the name says them (WCAG 2.5.3). */}
          <BellIcon /> Notifications{' '}
          {unread ? (
            <span className="nav-count" data-testid="unread-count">
              {unread}
            </span>
          ) : null}
        </NavLink>
        <NavLink to="/profile">
          <ProfileIcon /> Profile
        </NavLink>
        {me.user.isOperator ? (
          <NavLink to="/admin" data-testid="admin-link">
            <SettingsIcon /> Instance
          </NavLink>
        ) : null}
        <a href="/api/docs" target="_blank" rel="noopener">
          <DocsIcon /> API documentation
        </a>
        <button
          type="button"
          className="nav-button"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
        >
          <SignOutIcon /> Sign out
        </button>
      </nav>
      <div className="sidebar-user">
        <Avatar name={me.user.name || me.user.email} src={me.user.image} />
        <div className="sidebar-user-text">
          <span className="sidebar-user-name">{me.user.name || me.user.email}</span>
          <span className="sidebar-user-email" title={me.user.email}>
            {me.user.email}
          </span>
        </div>
      </div>
    </aside>
  );
}

/** The signed-in frame: a sidebar on wide screens; on phones a top bar whose Menu button opens it as a drawer. */
export function Shell() {
  const me = useSignedInUser();
  const match = useMatch('/w/:workspaceId/*');
  // Pages outside a workspace (Profile, New workspace) keep the last one, or the first, in the
  // sidebar; an unknown id in the URL shows none, matching the "not found" page.
  const current = match ? me.workspaces.find((w) => w.id === match.params.workspaceId) : (me.workspaces.find((w) => w.id === lastWorkspace()) ?? me.workspaces[0]);
  // The closed drawer and the phone bar are not rendered at all on the other layout, so no
  // hidden copy of a link or a name is tabbable or found by find-in-page and tests.
  const narrow = useMediaQuery('(max-width: 56.25em)');
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const menuButton = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [location.pathname, narrow]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {narrow ? (
        <header className="mobile-bar">
          <Brand to="/" />
          {current ? <span className="mobile-workspace">{current.name}</span> : null}
          <button ref={menuButton} type="button" className="btn btn-ghost menu-button" aria-expanded={open} aria-controls="sidebar" onClick={() => setOpen(true)}>
            <MenuIcon /> Menu
          </button>
        </header>
      ) : null}
      {!narrow || open ? <Sidebar current={current} drawer={narrow} onClose={() => setOpen(false)} /> : null}
      {open ? <div className="backdrop" aria-hidden="true" onClick={() => setOpen(false)} /> : null}
      <main id="main" className="main" tabIndex={-1}>
        <div className="content">
          <Outlet />
        </div>
      </main>
    </div>
  );
}
