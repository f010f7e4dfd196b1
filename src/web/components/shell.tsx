import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
    <aside id="sidebar" className={drawer ? 'sidebar drawer' : 'sidebar'} aria-label={t('nav.label')}>
      <div className="sidebar-top">
        <Brand to="/" />
        {drawer ? (
          <button ref={closeButton} type="button" className="btn btn-ghost btn-icon" aria-label={t('nav.closeMenu')} onClick={onClose}>
            <CloseIcon />
          </button>
        ) : null}
      </div>
      <WorkspaceSwitcher current={current} />
      <nav className="nav" aria-label={t('nav.main')}>
        {me.workspaces.length > 1 ? (
          <NavLink to="/agency" data-testid="all-workspaces-link">
            <AllWorkspacesIcon /> {t('nav.allWorkspaces')}
          </NavLink>
        ) : null}
        {base && current ? (
          <>
            <p className="nav-heading">{t('nav.posts')}</p>
            {current.permissions.includes('posts.edit') ? (
              <NavLink to={`${base}/compose`}>
                <ComposeIcon /> {t('nav.newPost')}
              </NavLink>
            ) : null}
            <NavLink to={`${base}/calendar`}>
              <CalendarIcon /> {t('nav.calendar')}
            </NavLink>
            <NavLink to={`${base}/queue`}>
              <QueueIcon /> {t('nav.queue')}
            </NavLink>
            <NavLink to={`${base}/drafts`}>
              <DraftsIcon /> {t('nav.drafts')}
            </NavLink>
            <NavLink to={`${base}/ideas`}>
              <IdeasIcon /> {t('nav.ideas')}
            </NavLink>
            <NavLink to={`${base}/feeds`}>
              <FeedIcon /> {t('nav.feeds')}
            </NavLink>
            <NavLink to={`${base}/media`}>
              <MediaIcon /> {t('nav.media')}
            </NavLink>
            <NavLink to={`${base}/bulk`}>
              <BulkIcon /> {t('nav.bulk')}
            </NavLink>
            <NavLink to={`${base}/snippets`}>
              <SnippetIcon /> {t('nav.snippets')}
            </NavLink>
            <NavLink to={`${base}/analytics`}>
              <AnalyticsIcon /> {t('nav.analytics')}
            </NavLink>
            <NavLink to={`${base}/attention`} aria-label={attention ? t('nav.attentionCount', { count: attention }) : t('nav.attention')}>
              <AlertIcon /> {t('nav.attention')}{' '}
              {attention ? (
                <span className="nav-count nav-count-alert" data-testid="attention-count">
                  {attention}
                </span>
              ) : null}
            </NavLink>
            <p className="nav-heading">{t('nav.workspace')}</p>
            <NavLink to={`${base}/channels`}>
              <ChannelsIcon /> {t('nav.channels')}
            </NavLink>
            <NavLink to={`${base}/members`}>
              <MembersIcon /> {t('nav.members')}
            </NavLink>
            {current.permissions.includes('audit.read') ? (
              <NavLink to={`${base}/activity`}>
                <ActivityIcon /> {t('nav.activity')}
              </NavLink>
            ) : null}
            <NavLink to={`${base}/settings`}>
              <SettingsIcon /> {t('nav.settings')}
            </NavLink>
            {current.permissions.includes('settings.manage') ? (
              <NavLink to={`${base}/developers`}>
                <KeyIcon /> {t('nav.developers')}
              </NavLink>
            ) : null}
          </>
        ) : null}
        <p className="nav-heading">{t('nav.account')}</p>
        <NavLink to="/notifications" aria-label={unread ? t('nav.notificationsUnread', { count: unread }) : t('nav.notifications')}>
          {/* The space keeps "Notifications 2" two words, as the name says them (WCAG 2.5.3). */}
          <BellIcon /> {t('nav.notifications')}{' '}
          {unread ? (
            <span className="nav-count" data-testid="unread-count">
              {unread}
            </span>
          ) : null}
        </NavLink>
        <NavLink to="/profile">
          <ProfileIcon /> {t('nav.profile')}
        </NavLink>
        {me.user.isOperator ? (
          <NavLink to="/admin" data-testid="admin-link">
            <SettingsIcon /> {t('nav.instance')}
          </NavLink>
        ) : null}
        <a href="/api/docs" target="_blank" rel="noopener">
          <DocsIcon /> {t('nav.apiDocs')}
        </a>
        <button
          type="button"
          className="nav-button"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
        >
          <SignOutIcon /> {t('nav.signOut')}
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
  const { t } = useTranslation();
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
  // Closed from the keyboard (Escape, the close button), the focus goes back to Menu rather than
  // to the top of the page with the drawer's button gone.
  const closeDrawer = () => {
    setOpen(false);
    menuButton.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      closeDrawer();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      {narrow ? (
        <header className="mobile-bar">
          <Brand to="/" />
          {current ? <span className="mobile-workspace">{current.name}</span> : null}
          <button ref={menuButton} type="button" className="btn btn-ghost menu-button" aria-expanded={open} aria-controls="sidebar" onClick={() => setOpen(true)}>
            <MenuIcon /> {t('nav.menu')}
          </button>
        </header>
      ) : null}
      {!narrow || open ? <Sidebar current={current} drawer={narrow} onClose={closeDrawer} /> : null}
      {open ? <div className="backdrop" aria-hidden="true" onClick={() => setOpen(false)} /> : null}
      {/* The page under the open drawer is out of reach, so Tab cannot take the focus behind it (WCAG 2.4.11). */}
      <main id="main" className="main" tabIndex={-1} inert={open}>
        <div className="content">
          <Outlet />
        </div>
      </main>
    </div>
  );
}
